package web

import (
	"net/http"
	"testing"

	"boussole/internal/store/storetest"
)

// TestPagesReadNoQueryPerRow counts the SQL statements of each page rendered (reuse off) for a small and a
// four times larger authority: a page that reads per row would run more for the larger one. It also checks
// a kept page runs one statement (the session, workspace, role and marks together). SQLite only: the store
// counts there, and the same SQL runs on PostgreSQL.
func TestPagesReadNoQueryPerRow(t *testing.T) {
	pages := []string{"/", "/acteurs", "/acteurs/grille", "/acteurs/saillance", "/acteurs/reseau", "/acteurs/engagement",
		"/cadre-logique", "/cadre-logique/indicateurs", "/cadre-logique/risques", "/cadre-logique/verification",
		"/planification", "/planification/chronogramme.svg", "/planification/feuille-de-route", "/planification/jalons",
		"/diagnostic", "/diagnostic/afom", "/strategie"}
	counts := map[string][2]int64{}
	for size, n := range []int{12, 48} {
		st := storetest.SQLite(t)
		app := newTestApp(t, st)
		a := app.workspace("Ville Bench")
		benchMap(t, st, a.ID, n, n)
		benchPlan(t, st, a, 2*n)
		c := app.signIn("agent@ville-bench.test")
		for _, p := range pages {
			app.app.ReusePages(false)
			before := st.Statements()
			if res := c.get("/ct/" + a.Slug + p); res.status != http.StatusOK {
				t.Fatalf("%s: %d", p, res.status)
			}
			rendered := st.Statements() - before
			app.app.ReusePages(true)
			c.get("/ct/" + a.Slug + p)
			before = st.Statements()
			c.get("/ct/" + a.Slug + p)
			if kept := st.Statements() - before; kept != 1 {
				t.Errorf("%s kept: %d statements, want 1 (session, workspace, role and marks)", p, kept)
			}
			v := counts[p]
			v[size] = rendered
			counts[p] = v
		}
	}
	for _, p := range pages {
		if c := counts[p]; c[0] != c[1] {
			t.Errorf("%s: %d statements for the small authority, %d for the large one", p, c[0], c[1])
		} else {
			t.Logf("%s: %d statements", p, c[0])
		}
	}
}
