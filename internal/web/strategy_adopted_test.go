package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/process"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func TestRegisterAnAdoptedStrategy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		agent := app.signIn("agent@ville-alpha.test")
		p := "/ct/" + a.Slug
		agent.get(p+"/strategies/nouvelle").mustContain(t, "Stratégie déjà adoptée", `name="adopted_on"`)
		form := func(extra url.Values) url.Values {
			v := url.Values{"title": {"Stratégie internationale de la ville"}, "phase": {"adoptee"}, "adopted_status": {"en-vigueur"},
				"adopted_on": {"décembre 2020"}, "term_start": {""}, "term_end": {""}, "elaboration_start": {""}}
			for k, x := range extra {
				v[k] = x
			}
			return v
		}
		for _, tc := range []struct {
			name, field, message string
			form                 url.Values
		}{
			{"date that is no date", "adopted_on", "comme elle est connue", form(url.Values{"adopted_on": {"31/02/2020"}})},
			{"no date", "adopted_on", "au moins son année", form(url.Values{"adopted_on": {""}})},
			{"date to come", "adopted_on", "dans le futur", form(url.Values{"adopted_on": {"2099"}})},
			{"status of a draft", "adopted_status", "en vigueur ou passée", form(url.Values{"adopted_status": {"preparation"}})},
			{"unknown phase", "phase", "à élaborer ou déjà adoptée", form(url.Values{"phase": {"peut-etre"}})},
		} {
			t.Run(tc.name, func(t *testing.T) {
				res := agent.post(p+"/strategies", tc.form)
				if res.status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", res.status)
				}
				res.mustContain(t, tc.message, `id="f-`+tc.field+`-error"`, `href="#f-`+tc.field+`"`, `id="f-`+tc.field+`"`,
					`value="`+tc.form.Get("adopted_on")+`"`, "Stratégie internationale de la ville")
			})
		}
		if list, _ := st.Strategies(context.Background(), a.ID); len(list) != 0 {
			t.Fatalf("refused forms stored %d strategies", len(list))
		}
		// Known to the month, no end year, no elaboration calendar: registered as it was voted.
		res := agent.post(p+"/strategies", form(nil))
		if res.status != http.StatusSeeOther {
			t.Fatalf("create: %d\n%s", res.status, res.body)
		}
		list, _ := st.Strategies(context.Background(), a.ID)
		if len(list) != 1 || list[0].Status != model.StrategyCurrent || list[0].AdoptedOn != (partialdate.Date{Year: 2020, Month: 12}) ||
			list[0].TermStart != 2020 || list[0].TermEnd != 0 {
			t.Fatalf("stored %+v", list)
		}
		home := agent.get(p + "/")
		home.mustContain(t, "Stratégie adoptée en décembre 2020", "depuis 2020 (fin non renseignée)", "Contenu de la stratégie adoptée")
		for _, draft := range []string{"en est à l'étape", "En retard", "Prête à", "Conditions facilitantes"} {
			if strings.Contains(home.body, draft) {
				t.Errorf("the adopted strategy's home says %q", draft)
			}
		}
		check := agent.get(p + "/cadre-logique/verification")
		check.mustContain(t, "Stratégie adoptée : ce que la vérification relève est à reprendre lors de sa révision")
		// Its edit form shows the date as it was typed, and keeps an empty end year empty.
		edit := agent.get(res.location[:strings.Index(res.location, "?")] + "/modifier")
		edit.mustContain(t, `value="12/2020"`, `name="term_end" type="number" value=""`)
	})
}

func TestEmptyStrategyIsNotHalfReadyOnTheHomePage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		s := model.Strategy{AuthorityID: a.ID, Title: "Vide", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		must(t, st.CreateStrategy(context.Background(), store.Actor{}, &s, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
		home := app.signIn("agent@ville-alpha.test").get("/ct/" + a.Slug + "/")
		home.mustContain(t, "1 élément sur 16 renseigné", "restent à écrire : la vision, la mission, les valeurs, l'objectif général et 11 autres", "Prête à 5 %")
		if strings.Contains(home.body, "50 %") {
			t.Error("an empty strategy reads as half ready")
		}
		// Steps of a strategy in preparation still start to do.
		steps, _ := st.Steps(context.Background(), a.ID, s.ID)
		if steps[0].Status != process.NotStarted {
			t.Errorf("first step %s", steps[0].Status)
		}
	})
}
