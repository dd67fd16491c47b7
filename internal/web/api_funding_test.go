package web

import (
	"context"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/funding"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

// TestAPIReadsTheProjectsAndTheirCheck reads the demo's projects through the API, alone and in the whole
// strategy: every stored project, its lines in euros, and the findings its page shows.
func TestAPIReadsTheProjectsAndTheirCheck(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, strat := demoAPI(t, st)
		token := app.apiToken("lecteur@demo.boussole.test", demo.Slug, false)
		whole, err := st.ReadStrategy(context.Background(), strat.AuthorityID, strat.ID, strategy.PartFunding)
		if err != nil || len(whole.Funding.Projects) == 0 {
			t.Fatalf("the demo's projects: %v", err)
		}
		var list apiPage[apiProject]
		app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID)+"/projects?limit=200", token, nil).decode(t, &list)
		if len(list.Items) != len(whole.Funding.Projects) {
			t.Fatalf("%d projects through the API, %d stored", len(list.Items), len(whole.Funding.Projects))
		}
		byID := map[int64]funding.Project{}
		for _, p := range whole.Funding.Projects {
			byID[p.ID] = p
		}
		lines, findings := 0, 0
		for _, p := range list.Items {
			stored, ok := byID[p.ID]
			if !ok || len(p.Lines) != len(stored.Lines) {
				t.Errorf("project %d: %+v", p.ID, p)
				continue
			}
			for j, l := range p.Lines {
				if want := *centsString(stored.Lines[j].AmountCents); l.Amount != want {
					t.Errorf("line %d: %s, stored %s", l.ID, l.Amount, want)
				}
			}
			lines += len(p.Lines)
			findings += len(p.Findings)
		}
		if lines == 0 || findings == 0 {
			t.Errorf("the demo's plans: %d lines, %d findings through the API", lines, findings)
		}
		var all apiWholeStrategy
		app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID), token, nil).decode(t, &all)
		if len(all.Projects) != len(list.Items) {
			t.Errorf("the whole strategy holds %d projects, the list %d", len(all.Projects), len(list.Items))
		}
	})
}
