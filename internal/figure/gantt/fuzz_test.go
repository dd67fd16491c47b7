package gantt

import (
	"testing"

	"boussole/internal/figure/figuretest"
	"boussole/internal/schedule"
)

// FuzzRender puts arbitrary text in activity and milestone names, row and lane labels, the title, the
// description and the id prefix: the chronogramme must stay well-formed in every lane arrangement.
func FuzzRender(f *testing.F) {
	figuretest.Seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		p := schedule.Plan{Term: term, Activities: []schedule.Activity{
			{ID: "a", Name: s, Duration: 30, Prep: 5, FollowUp: 5},
			{ID: "b", Name: s + "b", Duration: 10},
			{ID: "m", Name: s, Milestone: true},
		}, Dependencies: []schedule.Dependency{{From: "a", To: "b"}, {From: "b", To: "m", Kind: schedule.FinishToFinish}}}
		r, err := schedule.Compute(p)
		if err != nil {
			t.Fatal(err)
		}
		figuretest.Check(t, s, Render(r, Chart{Term: term}))
		figuretest.Check(t, s, Render(r, Chart{IDPrefix: s, Title: s, Description: s, Term: term, Today: term.Start.AddDays(9),
			Lanes: []Lane{{Key: s, Label: s}}, Rows: []Row{{ID: "a", Label: s, Lane: s}, {ID: "b", Lane: "x" + s}, {ID: "m", Label: s, Lane: s}},
			Links: []Link{{From: "a", To: "b", Lag: schedule.Lag{N: 2, Unit: schedule.WorkingDays}}, {From: "b", To: "m", Kind: schedule.FinishToFinish}, {From: s, To: "a"}}}))
	})
}
