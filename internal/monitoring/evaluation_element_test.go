package monitoring

import (
	"testing"

	"boussole/internal/logframe"
)

func TestCheckRecommendationElement(t *testing.T) {
	objective := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 1}
	result := logframe.Ref{Kind: logframe.KindResult, ID: 2}
	activity := logframe.Ref{Kind: logframe.KindActivity, ID: 3}
	indicator := logframe.Ref{Kind: logframe.KindIndicator, ID: 4}
	known := map[logframe.Ref]bool{objective: true, result: true, activity: true, indicator: true}
	cases := []struct {
		name string
		ref  logframe.Ref
		ok   bool
	}{
		{"the strategy as a whole", logframe.Ref{}, true},
		{"an objective of the strategy", objective, true},
		{"a result of the strategy", result, true},
		{"an activity of the strategy", activity, true},
		{"an indicator of the strategy", indicator, true},
		{"another strategy's objective", logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 99}, false},
		{"the same ID under another kind", logframe.Ref{Kind: logframe.KindResult, ID: 1}, false},
		{"a kind a recommendation cannot name", logframe.Ref{Kind: logframe.KindRisk, ID: 1}, false},
		{"an unknown kind", logframe.Ref{Kind: "n-importe-quoi", ID: 1}, false},
		{"a kind without ID", logframe.Ref{Kind: logframe.KindActivity}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			errs := CheckRecommendationElement(c.ref, known)
			if c.ok != (len(errs) == 0) {
				t.Fatalf("ok = %v, errors %v", c.ok, errs)
			}
			if !c.ok && (errs[0].Field != "element" || errs[0].Message == "") {
				t.Errorf("error %+v, want a French message at the field « element »", errs[0])
			}
		})
	}
}
