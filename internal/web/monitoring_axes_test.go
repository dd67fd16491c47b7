package web

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"boussole/internal/funding"
	"boussole/internal/logframe"
	"boussole/internal/monitoring"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestDashboardsByAxis ties the monitored workspace's objective to a theme (through a project), its result
// to ODD 4 and a country to nothing: the measured theme and ODD show a progress that links to the indicators
// behind it, the country with nothing attached says so and shows no figure, never 0 %.
func TestDashboardsByAxis(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		m := newMonitoredWorkspace(t, st)
		a, s := m.authority.ID, m.strategy.ID
		objs, err := st.Objectives(ctx, a, s)
		must(t, err)
		youth := logframe.ThematicPriorityRecord{AuthorityID: a, StrategyID: s, Policy: "Jeunesse", Service: "Direction de la jeunesse"}
		must(t, st.SaveThematicPriority(ctx, store.Actor{}, &youth))
		water := logframe.ThematicPriorityRecord{AuthorityID: a, StrategyID: s, Policy: "Eau et assainissement"}
		must(t, st.SaveThematicPriority(ctx, store.Actor{}, &water))
		senegal := logframe.GeoPriorityRecord{AuthorityID: a, StrategyID: s, Kind: logframe.GeoCountry, GeoPriority: logframe.GeoPriority{CountryCode: "SN", Name: "Sénégal", Reason: "Diaspora"}}
		must(t, st.SaveGeoPriority(ctx, store.Actor{}, &senegal))
		must(t, st.SetSDGTags(ctx, store.Actor{}, a, s, m.up.Level, []string{"4.3"}))
		p := funding.Project{AuthorityID: a, StrategyID: s, Title: "Mobilité européenne", Status: funding.StatusRunning, Countries: []string{"DE"},
			Links: []funding.Link{{Kind: funding.LinkObjective, ID: objs[0].ID}}, Priorities: []int64{youth.ID}}
		must(t, st.CreateProject(ctx, store.Actor{}, &p))

		c := m.app.signIn("agent@" + m.authority.Slug + ".test")
		axes := "/ct/" + m.authority.Slug + "/suivi-evaluation/tableaux"
		page := c.get(axes)
		page.mustContain(t, "Par thème", "Jeunesse", "Eau et assainissement", "Sénégal", "Allemagne", "ODD 4", "2 indicateurs et 0 activité",
			"Aucun élément du cadre logique n'y est encore rattaché")
		if strings.Contains(page.body, "<progress") {
			t.Errorf("nothing is measured yet: no heading may show a figure")
		}
		// One measurement of 2018 on the increasing indicator: 200 of 100 → 600 is 20 %.
		if res := c.post(m.indicatorPath(m.up), url.Values{"mesure_valeur": {"200"}, "date": {"2018"}}); res.status != http.StatusSeeOther {
			t.Fatalf("measurement: %d", res.status)
		}
		after := c.get(axes)
		after.mustContain(t, "20\u202f%", "1 élément connu sur 2")
		c.get("/ct/"+m.authority.Slug+"/suivi-evaluation").mustContain(t, `dans les temps</span><span> 1</span>`, `non renseigné</span><span> 1</span>`)
		if dump := os.Getenv("DUMP_AXES"); dump != "" {
			_ = os.WriteFile(dump, []byte(after.body), 0o600)
		}
		detail := c.get(axes + "/detail?axe=odd&cle=4")
		detail.mustContain(t, "ODD 4", "Jeunes partis", "Délai de réponse", m.indicatorPath(m.up))
		if res := c.get(axes + "/detail?axe=odd&cle=13"); res.status != http.StatusNotFound {
			t.Errorf("an ODD nothing is tagged with: %d", res.status)
		}
		if res := c.get(axes + "/detail?axe=inconnu&cle=4"); res.status != http.StatusNotFound {
			t.Errorf("an unknown axis: %d", res.status)
		}
		c.get(axes+"/detail?axe=theme&cle=p"+itoa64(youth.ID)).mustContain(t, "Jeunesse", "Jeunes partis")

		elu := m.app.signIn("elu@" + m.authority.Slug + ".test")
		home := elu.get("/ct/" + m.authority.Slug)
		if home.status == http.StatusTemporaryRedirect || home.status == http.StatusSeeOther || home.status == http.StatusFound {
			home = elu.get(home.location)
		}
		home.mustContain(t, "Le suivi en une page", "/suivi-evaluation/synthese")
		elu.get("/ct/"+m.authority.Slug+"/suivi-evaluation/synthese").mustContain(t, "Le suivi en une page", "Où en est la stratégie", "Par objectif",
			"Mobilité des jeunes", "Par thème", "Jeunesse", "Points d'attention", "Aucune recommandation")
	})
}

func TestMeasurementsByIndicatorKeepsEveryMeasurement(t *testing.T) {
	ms := []monitoring.Measurement{{IndicatorID: 1, Period: "a"}, {IndicatorID: 1, Period: "b"}, {IndicatorID: 2, Period: "a"}, {IndicatorID: 1, Period: "c"}}
	got := measurementsByIndicator(ms)
	if len(got[1]) != 3 || got[1][2].Period != "c" || len(got[2]) != 1 || ms[2].IndicatorID != 2 {
		t.Errorf("grouped %+v, list after %+v", got, ms)
	}
}
