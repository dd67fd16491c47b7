package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/monitoring"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestRecommendationElementThroughTheForm names the element a recommendation is about through the form:
// an element that is not the evaluated strategy's is refused at the field with what was typed kept; the
// evaluation page links the element; the preparation of the next strategy pre-selects it.
func TestRecommendationElementThroughTheForm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		m := newMonitoredWorkspace(t, st)
		e := monitoring.Evaluation{AuthorityID: m.authority.ID, StrategyID: m.strategy.ID, Kind: monitoring.MidTerm, Conduct: monitoring.Internal,
			Title: "Évaluation à mi-parcours", SnapshotOn: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC)}
		must(t, st.CreateEvaluation(ctx, store.Actor{}, &e))
		c := m.app.signIn("agent@" + m.authority.Slug + ".test")
		page := "/ct/" + m.authority.Slug + "/suivi-evaluation/evaluations/" + itoa64(e.ID)
		result := "resultat:" + itoa64(m.up.Level.ID)
		c.get(page).mustContain(t, "Élément concerné", "La stratégie dans son ensemble", `value="`+result+`"`, "Résultat 1.1 — Des départs plus nombreux")

		for _, bad := range []string{"resultat:999999", "risque:1", "n-importe-quoi"} {
			res := c.post(page+"/recommandations", url.Values{"recommandation": {"Doubler les bourses de mobilité"}, "porteur": {"Service jeunesse"},
				"suivi": {string(monitoring.ToStart)}, "element": {bad}})
			if res.status != http.StatusUnprocessableEntity {
				t.Fatalf("element %q: %d", bad, res.status)
			}
			res.mustContain(t, `id="f-element-error"`, "Doubler les bourses de mobilité", `value="Service jeunesse"`)
		}
		if got, _ := st.Evaluation(ctx, m.authority.ID, e.ID); len(got.Recommendations) != 0 {
			t.Fatalf("a refused form wrote a recommendation: %+v", got.Recommendations)
		}

		res := c.post(page+"/recommandations", url.Values{"recommandation": {"Doubler les bourses de mobilité"}, "suivi": {string(monitoring.ToStart)},
			"reponse_ct": {string(monitoring.Accepted)}, "element": {result}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("recommendation: %d\n%s", res.status, summaryText(res.body))
		}
		got, _ := st.Evaluation(ctx, m.authority.ID, e.ID)
		if len(got.Recommendations) != 1 || got.Recommendations[0].Element != (logframe.Ref{Kind: logframe.KindResult, ID: m.up.Level.ID}) {
			t.Fatalf("stored: %+v", got.Recommendations)
		}
		c.get(res.location).mustContain(t, `value="`+result+`" selected`)
		c.get(page).mustContain(t, "/cadre-logique/resultats/"+itoa64(m.up.Level.ID), "Résultat 1.1 — Des départs plus nombreux")

		c.get("/ct/"+m.authority.Slug+"/cadre-logique/resultats/"+itoa64(m.up.Level.ID)).mustContain(t, "Recommandations ouvertes", "Doubler les bourses de mobilité",
			page+"/recommandations/"+itoa64(got.Recommendations[0].ID))
		if ind := c.get("/ct/" + m.authority.Slug + "/cadre-logique/indicateurs/" + itoa64(m.up.ID)); ind.status != http.StatusOK || strings.Contains(ind.body, "Recommandations ouvertes") {
			t.Errorf("the indicator page shows a recommendation about the result: %d", ind.status)
		}
		prep := c.get("/ct/" + m.authority.Slug + "/suivi-evaluation/strategie-suivante")
		prep.mustContain(t, "Doubler les bourses", `value="`+result+`" selected`)
		if strings.Count(prep.body, " selected") < 1 {
			t.Errorf("nothing pre-selected")
		}
	})
}
