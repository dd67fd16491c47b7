package web

import (
	"context"
	"net/http"
	"regexp"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestHomeCheckFollowsEveryChange checks the reused framework check is never stale: the home page's
// readiness block changes right after a framework write, and stays the same while nothing changes.
func TestHomeCheckFollowsEveryChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		s := model.Strategy{AuthorityID: a.ID, Title: "S", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		if err := st.CreateStrategy(context.Background(), store.Actor{}, &s, time.Now()); err != nil {
			t.Fatal(err)
		}
		c := app.signIn("agent@ville-alpha.test")
		block := regexp.MustCompile(`(?s)<h2 id="fw-home-title">.*?</section>|(?s)<h2 id="fw-home-title">.*?Voir toute la vérification`)
		home := func() string {
			t.Helper()
			res := c.get("/ct/" + a.Slug + "/")
			if res.status != http.StatusOK {
				t.Fatalf("home: %d", res.status)
			}
			m := block.FindString(res.body)
			if m == "" {
				t.Fatalf("no readiness block on the home page")
			}
			return m
		}
		first, again := home(), home()
		if first != again {
			t.Error("the readiness block changed while nothing changed")
		}
		o := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: s.ID}
		o.Title = "Doubler le nombre de jeunes en mobilité internationale d'ici 2030"
		if err := st.CreateObjective(context.Background(), store.Actor{}, &o); err != nil {
			t.Fatal(err)
		}
		if home() == first {
			t.Error("the readiness block did not change after an objective was added")
		}
	})
}
