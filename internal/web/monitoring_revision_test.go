package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"boussole/internal/monitoring"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestPrepareNextStrategyPage asks for a confirmation, keeps what was typed when refused, creates the
// next strategy with the recommendation on its result and the indicator's last value as baseline, says
// what was carried, refuses a second preparation and an élu's.
func TestPrepareNextStrategyPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		m := newMonitoredWorkspace(t, st)
		e := monitoring.Evaluation{AuthorityID: m.authority.ID, StrategyID: m.strategy.ID, Kind: monitoring.MidTerm, Conduct: monitoring.Internal,
			Title: "Évaluation à mi-parcours", SnapshotOn: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC), Lessons: "Associer les lycées dès le départ."}
		must(t, st.CreateEvaluation(ctx, store.Actor{}, &e))
		rec := monitoring.Recommendation{Text: "Doubler les bourses de mobilité", Response: monitoring.Accepted, FollowUp: monitoring.Underway}
		must(t, st.AddRecommendation(ctx, store.Actor{}, m.authority.ID, e.ID, &rec))
		refused := monitoring.Recommendation{Text: "Fermer le programme", Response: monitoring.Refused, FollowUp: monitoring.Abandoned}
		must(t, st.AddRecommendation(ctx, store.Actor{}, m.authority.ID, e.ID, &refused))

		c := m.app.signIn("agent@" + m.authority.Slug + ".test")
		if res := c.post(m.indicatorPath(m.up), url.Values{"mesure_valeur": {"420"}, "date": {"2020"}}); res.status != http.StatusSeeOther {
			t.Fatalf("measurement: %d", res.status)
		}
		page := "/ct/" + m.authority.Slug + "/suivi-evaluation/strategie-suivante"
		c.get(page).mustContain(t, "Ce qui sera repris", "Ce qui ne le sera pas", "Stratégie internationale 2023–2027", "Doubler les bourses", "Je confirme")
		recField := "rec_" + itoa64(rec.ID)
		form := url.Values{"title": {"Stratégie 2023–2028"}, "term_start": {"2023"}, "term_end": {"2028"}, recField: {"resultat:" + itoa64(m.up.Level.ID)}}
		res := c.post(page, form)
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("without confirmation: %d", res.status)
		}
		res.mustContain(t, "Cochez la case pour confirmer", `value="Stratégie 2023–2028"`)
		if list, _ := st.Strategies(ctx, m.authority.ID); len(list) != 1 {
			t.Fatalf("a refused form created a strategy: %d", len(list))
		}
		elu := m.app.signIn("elu@" + m.authority.Slug + ".test")
		form.Set("confirmer", "oui")
		if res := elu.post(page, form); res.status != http.StatusForbidden {
			t.Errorf("élu: %d", res.status)
		}
		res = c.post(page, form)
		if res.status != http.StatusSeeOther || !strings.Contains(res.location, "ok=strategie-suivante") {
			t.Fatalf("preparation: %d %s\n%s", res.status, res.location, summaryText(res.body))
		}
		done := c.get(res.location)
		done.mustContain(t, "préparée à partir de « Stratégie 2018–2022 »", "Ce qui a été repris", "Ce qui n'a pas été repris",
			"Résultat 1.1 — Des départs plus nombreux", "Doubler les bourses", "Associer les lycées", "dernière valeur mesurée")
		c.get("/ct/"+m.authority.Slug+"/suivi-evaluation?strategie="+res.location[strings.Index(res.location, "strategie=")+len("strategie="):strings.Index(res.location, "&")]).
			mustContain(t, "préparée à partir de la précédente", "Fixez les cibles datées")
		if strings.Contains(done.body, "Fermer le programme") {
			t.Errorf("a refused recommendation was carried")
		}
		list, _ := st.Strategies(ctx, m.authority.ID)
		if len(list) != 2 {
			t.Fatalf("strategies: %d", len(list))
		}
		ins, _ := st.Indicators(ctx, m.authority.ID, list[0].ID)
		for _, in := range ins {
			if in.Title == "Jeunes partis" && (in.Baseline == nil || in.Baseline.Value == nil || in.Baseline.Value.String() != "420") {
				t.Errorf("new baseline %+v", in.Baseline)
			}
		}
		if res := c.post(page+"?strategie="+itoa64(m.strategy.ID), form); res.status != http.StatusConflict {
			t.Errorf("second preparation: %d", res.status)
		}
		c.get(page+"?strategie="+itoa64(m.strategy.ID)).mustContain(t, "La stratégie suivante a déjà été préparée", "Stratégie 2023–2028")
	})
}
