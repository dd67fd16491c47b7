package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// twoStrategies gives an authority its 2010 strategy, adopted, and the 2026 one in preparation, each
// with its own vision, SWOT item, objective and milestone, all named after the strategy.
func twoStrategies(t *testing.T, st *store.Store, a model.Authority) (old, cur model.Strategy) {
	t.Helper()
	ctx := context.Background()
	old = model.Strategy{AuthorityID: a.ID, Title: "Stratégie de coopération 2010", TermStart: 2010, TermEnd: 2014,
		Status: model.StrategyPast, AdoptedOn: partialdate.Date{Year: 2010, Month: 6}}
	must(t, st.CreateStrategy(ctx, store.Actor{}, &old, time.Time{}))
	cur = model.Strategy{AuthorityID: a.ID, Title: "Stratégie d'action internationale 2026", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(t, st.CreateStrategy(ctx, store.Actor{}, &cur, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	for _, s := range []model.Strategy{old, cur} {
		tag := s.Title[len(s.Title)-4:]
		must(t, st.SaveKeyElements(ctx, store.Actor{}, &model.KeyElements{AuthorityID: a.ID, StrategyID: s.ID, Vision: "Vision-" + tag}))
		must(t, st.CreateSWOTItem(ctx, store.Actor{}, &diagnostic.ItemRecord{AuthorityID: a.ID, StrategyID: s.ID,
			Item: diagnostic.Item{Quadrant: diagnostic.Strengths, Scope: diagnostic.ScopeAuthority, Text: "Atout-" + tag, Weight: 2}}))
		must(t, st.CreateObjective(ctx, store.Actor{}, &model.Objective{AuthorityID: a.ID, StrategyID: s.ID,
			SpecificObjective: logframe.SpecificObjective{Title: "Objectif-" + tag}}))
		must(t, st.CreateMilestone(ctx, store.Actor{}, &model.Milestone{AuthorityID: a.ID, StrategyID: s.ID, Kind: model.MilestoneSteering,
			Title: "Jalon-" + tag, Date: partialdate.Of(s.TermStart, 3, 1)}))
	}
	return old, cur
}

// strategyPages are the pages of the method that show one strategy's content, with the marker each shows.
var strategyPages = map[string]string{"/": "Vision-", "/strategie": "Vision-", "/diagnostic/afom": "Atout-",
	"/cadre-logique": "Objectif-", "/planification/jalons": "Jalon-"}

func TestEachStrategyKeepsItsOwnPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		old, cur := twoStrategies(t, st, a)
		p := "/ct/" + a.Slug
		elu, agent := app.signIn("elu@ville-alpha.test"), app.signIn("agent@ville-alpha.test")
		shows := func(c *client, want, other string, title, term string) {
			t.Helper()
			for page, marker := range strategyPages {
				if page == "/" && c != elu {
					marker = "Objectif-" // an officer's home leads with the check, which names the objectives
				}
				res := c.get(p + page)
				if res.status != http.StatusOK {
					t.Fatalf("%s: %d", page, res.status)
				}
				res.mustContain(t, shownIn(title, term), marker+want, `name="strategie"`)
				if strings.Contains(res.body, marker+other) {
					t.Errorf("%s shows %s%s of the other strategy", page, marker, other)
				}
			}
		}
		// By default, the strategy in preparation.
		shows(elu, "2026", "2010", cur.Title, "2026–2032")
		// The élu picks the 2010 strategy in the header's selector: every page now shows it, for them only.
		res := elu.post(p+"/strategies/choix", url.Values{"strategie": {fmt.Sprint(old.ID)}, "retour": {p + "/cadre-logique/objectifs/12"}})
		if res.status != http.StatusSeeOther || res.location != p+"/cadre-logique" {
			t.Fatalf("choice: %d → %q", res.status, res.location)
		}
		shows(elu, "2010", "2026", old.Title, "2010–2014")
		shows(agent, "2026", "2010", cur.Title, "2026–2032")
		// The past strategy reads as adopted, not as a draft at its first step.
		home := elu.get(p + "/")
		home.mustContain(t, "Stratégie adoptée en juin 2010")
		if strings.Contains(home.body, "en est à l'étape") {
			t.Error("the adopted strategy's home stands at a step of the elaboration")
		}
		// The élu's home leads with what an élu reads, before the officer's list of things to fix.
		i, j, k := strings.Index(home.body, "La stratégie en bref"), strings.Index(home.body, "Vision-2010"), strings.Index(home.body, `id="fw-home-title"`)
		if i < 0 || j < i || k < j {
			t.Errorf("élu home: brief at %d, vision at %d, the check's block at %d", i, j, k)
		}
		home.mustContain(t, fmt.Sprintf(`href="%s/strategies/%d#commentaires"`, p, old.ID))
		if strings.Contains(agent.get(p+"/").body, "La stratégie en bref") {
			t.Error("the officer's home shows the élu's brief")
		}
		// A record reached by its own link names its own strategy, whatever the session chose.
		ms, err := st.Milestones(context.Background(), a.ID, cur.ID)
		if err != nil || len(ms) != 1 {
			t.Fatalf("milestones: %v, %v", ms, err)
		}
		elu.get(fmt.Sprintf("%s/planification/jalons/%d", p, ms[0].ID)).mustContain(t, shownIn(cur.Title, "2026–2032"), "Jalon-2026")
		// Back to the current one.
		elu.post(p+"/strategies/choix", url.Values{"strategie": {fmt.Sprint(cur.ID)}, "retour": {p + "/"}})
		shows(elu, "2026", "2010", cur.Title, "2026–2032")
	})
}

// shownIn is how the page header names the strategy it shows (the selector lists every one).
func shownIn(title, term string) string {
	return `Stratégie affichée :</span> <strong>` + title + `</strong> <span class="muted">· mandature ` + term
}

func TestStrategyChoiceStaysInItsAuthority(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a, b := app.workspace("Ville Alpha"), app.workspace("Ville Beta")
		_, cur := twoStrategies(t, st, a)
		theirs, _ := twoStrategies(t, st, b)
		elu := app.signIn("elu@ville-alpha.test")
		p := "/ct/" + a.Slug
		for _, v := range []string{fmt.Sprint(theirs.ID), "x", ""} {
			if res := elu.post(p+"/strategies/choix", url.Values{"strategie": {v}, "retour": {p + "/"}}); res.status != http.StatusNotFound {
				t.Errorf("choosing %q: %d, want 404", v, res.status)
			}
		}
		// Nothing changed: the page still shows the authority's own strategy.
		elu.get(p+"/strategie").mustContain(t, "Vision-2026", shownIn(cur.Title, "2026–2032"))
		// A return address outside the workspace brings back home.
		res := elu.post(p+"/strategies/choix", url.Values{"strategie": {fmt.Sprint(cur.ID)}, "retour": {"https://ailleurs.example/"}})
		if res.location != p+"/" {
			t.Errorf("return outside the workspace: %q", res.location)
		}
	})
}

func TestBackAfterChoice(t *testing.T) {
	for in, want := range map[string]string{
		"/ct/x/":                               "/ct/x/",
		"/ct/x/strategie":                      "/ct/x/strategie",
		"/ct/x/cadre-logique/indicateurs":      "/ct/x/cadre-logique/indicateurs",
		"/ct/x/cadre-logique/objectifs/12":     "/ct/x/cadre-logique",
		"/ct/x/strategies/4":                   "/ct/x/",
		"/ct/x/strategies/4/etapes/diagnostic": "/ct/x/",
		"/ct/y/strategie":                      "/ct/x/",
		"//evil.example/ct/x/":                 "/ct/x/",
		"/ct/x//evil.example":                  "/ct/x/",
		"/ct/x/strategie?a=b":                  "/ct/x/",
		"":                                     "/ct/x/",
	} {
		if got := backAfterChoice("/ct/x", in); got != want {
			t.Errorf("backAfterChoice(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAFormWritesToTheStrategyItShowed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		old, cur := twoStrategies(t, st, a)
		p := "/ct/" + a.Slug
		agent := app.signIn("agent@ville-alpha.test")
		// The key elements form of the current strategy is open in one tab…
		page := agent.get(p + "/strategie")
		action := fmt.Sprintf(`action="%s/strategie?strategie=%d"`, p, cur.ID)
		page.mustContain(t, action)
		// …while another tab switches to the 2010 strategy.
		agent.post(p+"/strategies/choix", url.Values{"strategie": {fmt.Sprint(old.ID)}, "retour": {p + "/strategie"}})
		key, _ := st.KeyElements(context.Background(), a.ID, cur.ID)
		res := agent.post(fmt.Sprintf("%s/strategie?strategie=%d", p, cur.ID), url.Values{"version": {fmt.Sprint(key.Version)}, "vision": {"Vision nouvelle"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", res.status, res.body)
		}
		if k, _ := st.KeyElements(context.Background(), a.ID, cur.ID); k.Vision != "Vision nouvelle" {
			t.Errorf("current vision %q", k.Vision)
		}
		if k, _ := st.KeyElements(context.Background(), a.ID, old.ID); k.Vision != "Vision-2010" {
			t.Errorf("the 2010 vision was overwritten: %q", k.Vision)
		}
		// A strategy of another authority named in the address is not found.
		b := app.workspace("Ville Beta")
		theirs, _ := twoStrategies(t, st, b)
		if res := agent.get(fmt.Sprintf("%s/strategie?strategie=%d", p, theirs.ID)); res.status != http.StatusNotFound {
			t.Errorf("another authority's strategy: %d", res.status)
		}
	})
}
