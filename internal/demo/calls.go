package demo

import (
	"context"
	"time"

	"boussole/internal/funding"
	"boussole/internal/store"
)

// demoCalls are calls of the programmes the demo's projects aim at, months from the day the demo is
// loaded so that the calendar always has some ahead: the platform's (every authority sees them) and one
// the demo's team added for itself.
var demoCalls = []struct {
	own                      bool
	programme, title         string
	opens, deadline, decides int // months from the load
}{
	{false, "ficol", "FICOL — dépôt des notes d'intention", 1, 5, 8},
	{false, "meae-generaliste", "Appel à projets généraliste de l'année", 2, 4, 7},
	{false, "erasmus-plus", "Erasmus+ — mobilité des jeunes (KA1)", 0, 3, 6},
	{true, "meae-jeunesse-sport", "Jeunesse et sport : date relayée par le réseau régional", 1, 2, 5},
}

func loadCalls(ctx context.Context, st *store.Store, fx *Fixture) error {
	now := time.Now().UTC()
	month := func(n int) time.Time {
		return time.Date(now.Year(), now.Month()+time.Month(n), 15, 0, 0, 0, 0, time.UTC)
	}
	for _, d := range demoCalls {
		c := funding.Call{Programme: d.programme, Title: d.title, Opens: month(d.opens), Deadline: month(d.deadline), Decision: month(d.decides)}
		if d.own {
			c.AuthorityID = fx.Authority.ID
		}
		if err := st.CreateCall(ctx, fx.Actor, &c); err != nil {
			return err
		}
	}
	return nil
}
