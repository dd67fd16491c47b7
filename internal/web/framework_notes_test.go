package web

import (
	"context"
	"html"
	"strconv"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/logframe"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestElementPageShowsWhatThePreviousStrategyLeft opens, in the demo's strategy prepared from the previous
// one, an objective that carries a note, and reads the note there.
func TestElementPageShowsWhatThePreviousStrategyLeft(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		_, admin := demoOn(t, st)
		a, err := st.AuthorityBySlug(ctx, demo.Slug)
		must(t, err)
		list, err := st.Strategies(ctx, a.ID)
		must(t, err)
		for _, s := range list {
			rev, prepared, err := st.StrategyRevision(ctx, a.ID, s.ID)
			must(t, err)
			if !prepared {
				continue
			}
			for _, n := range rev.Notes {
				if n.Element.Kind != logframe.KindSpecificObjective {
					continue
				}
				page := admin.get("/ct/" + demo.Slug + "/cadre-logique/objectifs/" + strconv.FormatInt(n.Element.ID, 10) + "?strategie=" + strconv.FormatInt(s.ID, 10))
				page.mustContain(t, "Ce que la stratégie précédente laisse sur cet élément", html.EscapeString(n.Text))
				return
			}
		}
		t.Fatal("the demo has no strategy prepared from another with a note on an objective")
	})
}
