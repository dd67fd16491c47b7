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

// TestDeletingARecommendedElement: the confirmation page of a deletion warns of the recommendations about
// what goes; once deleted, the evaluation page shows them about the strategy as a whole, naming the element.
func TestDeletingARecommendedElement(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		m := newMonitoredWorkspace(t, st)
		e := monitoring.Evaluation{AuthorityID: m.authority.ID, StrategyID: m.strategy.ID, Kind: monitoring.MidTerm, Conduct: monitoring.Internal,
			Title: "Évaluation à mi-parcours", SnapshotOn: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC)}
		must(t, st.CreateEvaluation(ctx, store.Actor{}, &e))
		result := logframe.Ref{Kind: logframe.KindResult, ID: m.up.Level.ID}
		indicator := logframe.Ref{Kind: logframe.KindIndicator, ID: m.up.ID}
		for _, r := range []monitoring.Recommendation{
			{Text: "Doubler les bourses de mobilité", FollowUp: monitoring.ToStart, Element: result},
			{Text: "Compter les départs par pays", FollowUp: monitoring.ToStart, Element: indicator},
		} {
			must(t, st.AddRecommendation(ctx, store.Actor{}, m.authority.ID, e.ID, &r))
		}
		c := m.app.signIn("agent@" + m.authority.Slug + ".test")
		base := "/ct/" + m.authority.Slug + "/cadre-logique/"
		c.get(base+"indicateurs/"+itoa64(m.up.ID)+"/suppression").mustContain(t, "1 recommandation d", "porte sur cet élément :")
		confirm := c.get(base + "resultats/" + itoa64(result.ID) + "/suppression")
		confirm.mustContain(t, "2 recommandations d", "portent sur cet élément ou sur ce qu", "rattachées à la stratégie dans son ensemble")
		if res := c.post(base+"resultats/"+itoa64(result.ID)+"/suppression", url.Values{}); res.status != http.StatusSeeOther {
			t.Fatalf("delete: %d\n%s", res.status, summaryText(res.body))
		}
		page := c.get("/ct/" + m.authority.Slug + "/suivi-evaluation/evaluations/" + itoa64(e.ID))
		page.mustContain(t, "Doubler les bourses de mobilité", "Compter les départs par pays", "La stratégie dans son ensemble",
			"À propos de : résultat « Des départs plus nombreux » (supprimé).", "À propos de : indicateur « "+m.up.Title+" » (supprimé).")
		if strings.Contains(page.body, "Élément supprimé depuis") || strings.Contains(page.body, "/cadre-logique/resultats/"+itoa64(result.ID)) {
			t.Error("the evaluation page still points at the deleted result")
		}
		got, _ := st.Evaluation(ctx, m.authority.ID, e.ID)
		for _, r := range got.Recommendations {
			if !r.Element.IsZero() {
				t.Errorf("still about an element: %+v", r)
			}
		}
	})
}
