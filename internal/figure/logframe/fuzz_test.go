package logframe

import (
	"testing"

	"boussole/internal/figure/figuretest"
	lf "boussole/internal/logframe"
)

// FuzzTree puts arbitrary text in every title the tree draws: the SVG must stay well-formed.
func FuzzTree(f *testing.F) {
	figuretest.Seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		st := sample()
		st.Key.General.Title = s
		for i := range st.Objectives {
			st.Objectives[i].Title = s + st.Objectives[i].Title
		}
		for i := range st.Results {
			st.Results[i].Title = st.Results[i].Title + s
		}
		for i := range st.Activities {
			st.Activities[i].Title = s
		}
		figuretest.Check(t, s, Tree(st, Options{IDPrefix: s, ShowActivities: true}))
		figuretest.Check(t, s, Tree(lf.Strategy{}, Options{IDPrefix: s}))
	})
}
