package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestDiagnosticSummaryGathersTheActorsMap checks the summary and its printable view show the power/interest
// grid with its text alternative (counts per quadrant, the actors to manage closely) and link to the map.
func TestDiagnosticSummaryGathersTheActorsMap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, a, _, agent := diagFixture(t, st)
		p := "/ct/" + a.Slug
		empty := agent.get(p + "/diagnostic")
		empty.mustContain(t, "La carte est vide.", `href="`+p+`/acteurs"`)
		if strings.Contains(empty.body, `id="diag-grille`) {
			t.Error("an empty map draws a grid")
		}
		agent.get(p+"/diagnostic/synthese").mustContain(t, "La cartographie des acteurs n'est pas encore remplie.")

		strong := stakeholder.Score{Value: 3}
		actors := []stakeholder.Stakeholder{
			{Name: "Région Val-de-Belle", Kind: stakeholder.KindStateService,
				Power: stakeholder.Power{Coercive: strong}, Interest: stakeholder.Interest{Object: strong}},
			{Name: "Agence de l'eau", Kind: stakeholder.KindStateService,
				Power: stakeholder.Power{Coercive: strong}, Interest: stakeholder.Interest{Object: strong}},
			{Name: "Comité de jumelage", Kind: stakeholder.KindAssociation, Interest: stakeholder.Interest{Object: strong}},
			{Name: "Club de foot", Kind: stakeholder.KindAssociation},
		}
		for i := range actors {
			if err := st.CreateStakeholder(context.Background(), store.Actor{}, a.ID, &actors[i]); err != nil {
				t.Fatal(err)
			}
		}
		page := agent.get(p + "/diagnostic")
		page.mustContain(t, "4 acteurs sur la carte", "Acteurs par quadrant de la grille pouvoir/intérêt",
			"<th scope=\"row\">Gérer de près</th><td>2</td>", "<th scope=\"row\">Informer</th><td>1</td>",
			"<th scope=\"row\">Surveiller</th><td>1</td>", "<th scope=\"row\">Satisfaire</th><td>0</td>",
			fmt.Sprintf(`À gérer de près (2) : <a href="%s/acteurs/%d">Agence de l&#39;eau</a>, <a href="%s/acteurs/%d">Région Val-de-Belle</a>.`,
				p, actors[1].ID, p, actors[0].ID),
			`id="diag-grille`, `href="`+p+`/acteurs/grille"`)
		printed := agent.get(p + "/diagnostic/synthese")
		printed.mustContain(t, "Cartographie des acteurs", "Gérer de près : 2", "Informer : 1",
			"À gérer de près (2) : Agence de l&#39;eau, Région Val-de-Belle.", `id="diag-grille`, `href="`+p+`/acteurs/grille"`)

		// A partner sees neither the grid nor the names: the summary is internal.
		partner := app.signIn("partenaire@ville-alpha.test")
		res := partner.get(p + "/diagnostic")
		if strings.Contains(res.body, "Région Val-de-Belle") || strings.Contains(res.body, "diag-grille") {
			t.Error("a partner sees the actors map on the diagnostic page")
		}
	})
}
