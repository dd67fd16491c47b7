package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

// TestAPIPlanningAndAwareness reads the demo's computed chronogramme, its milestones and its awareness
// sessions through the API: the dates the engine computes, no attendee's name, and the sessions closed to
// a role that may not read internal content.
func TestAPIPlanningAndAwareness(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, strat := demoAPI(t, st)
		token := app.apiToken("agent@demo.boussole.test", demo.Slug, false)
		base := "/api/v1/strategies/" + itoa64(strat.ID)
		var sched apiPage[apiScheduledActivity]
		app.api("GET", base+"/schedule?limit=200", token, nil).decode(t, &sched)
		dated := 0
		for _, a := range sched.Items {
			if a.Start != nil && a.End != nil {
				dated++
				if *a.End < *a.Start {
					t.Errorf("activity %d ends (%s) before it starts (%s)", a.ActivityID, *a.End, *a.Start)
				}
			}
		}
		if len(sched.Items) == 0 || dated == 0 {
			t.Fatalf("the demo's chronogramme: %d activities, %d dated", len(sched.Items), dated)
		}
		var ms apiPage[apiMilestone]
		app.api("GET", base+"/milestones", token, nil).decode(t, &ms)
		if len(ms.Items) == 0 || ms.Items[0].Planned == nil {
			t.Errorf("milestones: %+v", ms.Items)
		}
		whole, err := st.ReadStrategy(context.Background(), strat.AuthorityID, strat.ID, strategy.PartAwareness)
		if err != nil || len(whole.Awareness.Sessions) == 0 {
			t.Fatalf("the demo's awareness sessions: %v", err)
		}
		res := app.api("GET", base+"/awareness-sessions", token, nil)
		var sessions apiPage[apiAwarenessSession]
		res.decode(t, &sessions)
		if len(sessions.Items) != len(whole.Awareness.Sessions) {
			t.Errorf("%d sessions through the API, %d stored", len(sessions.Items), len(whole.Awareness.Sessions))
		}
		for _, s := range whole.Awareness.Sessions {
			for _, a := range s.Session.Attendees {
				if a.Name != "" && strings.Contains(string(res.body), a.Name) {
					t.Errorf("the API gives an attendee's name: %s", a.Name)
				}
			}
		}
		partner := app.apiToken("partenaire@demo.boussole.test", demo.Slug, false)
		if r := app.api("GET", base+"/awareness-sessions", partner, nil); r.status != http.StatusForbidden {
			t.Errorf("a partner reads the awareness sessions: %d", r.status)
		}
	})
}
