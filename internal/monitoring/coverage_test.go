package monitoring

import (
	"slices"
	"testing"

	"boussole/internal/logframe"
)

func coverageStrategy() logframe.Strategy {
	return logframe.Strategy{
		Objectives: []logframe.SpecificObjective{{ID: 1}, {ID: 2}},
		Results:    []logframe.ExpectedResult{{ID: 10, ObjectiveID: 1}, {ID: 11, ObjectiveID: 1}, {ID: 20, ObjectiveID: 2}},
		Activities: []logframe.Activity{{ID: 100, ResultID: 10}, {ID: 101, ResultID: 11}, {ID: 200, ResultID: 20}},
		Indicators: []logframe.Indicator{
			{ID: 1000, Level: logframe.Ref{Kind: logframe.KindGeneralObjective, ID: 9}},
			{ID: 1001, Level: logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 1}},
			{ID: 1010, Level: logframe.Ref{Kind: logframe.KindResult, ID: 10}},
			{ID: 1100, Level: logframe.Ref{Kind: logframe.KindActivity, ID: 100}},
			{ID: 2000, Level: logframe.Ref{Kind: logframe.KindResult, ID: 20}},
		},
	}
}

func TestCoverageOf(t *testing.T) {
	s := coverageStrategy()
	for _, c := range []struct {
		name       string
		refs       []logframe.Ref
		indicators []int64
		activities []int64
	}{
		{"nothing attached", nil, nil, nil},
		{"an objective covers its results and their activities", []logframe.Ref{{Kind: logframe.KindSpecificObjective, ID: 1}}, []int64{1001, 1010, 1100}, []int64{100, 101}},
		{"a result covers its activities", []logframe.Ref{{Kind: logframe.KindResult, ID: 10}}, []int64{1010, 1100}, []int64{100}},
		{"an activity alone", []logframe.Ref{{Kind: logframe.KindActivity, ID: 200}}, nil, []int64{200}},
		{"an indicator alone", []logframe.Ref{{Kind: logframe.KindIndicator, ID: 2000}}, []int64{2000}, nil},
		{"the general objective covers its own indicators only", []logframe.Ref{{Kind: logframe.KindGeneralObjective, ID: 9}}, []int64{1000}, nil},
		{"overlaps count once", []logframe.Ref{{Kind: logframe.KindSpecificObjective, ID: 1}, {Kind: logframe.KindResult, ID: 10}, {Kind: logframe.KindIndicator, ID: 1010}}, []int64{1001, 1010, 1100}, []int64{100, 101}},
	} {
		got := CoverageOf(s, c.refs)
		if !slices.Equal(got.Indicators, c.indicators) || !slices.Equal(got.Activities, c.activities) {
			t.Errorf("%s: indicators %v activities %v, want %v %v", c.name, got.Indicators, got.Activities, c.indicators, c.activities)
		}
	}
}

func TestCoverageRollKeepsUnknownUnknown(t *testing.T) {
	c := Coverage{Indicators: []int64{1, 2, 3}, Activities: []int64{7}}
	if r := c.Roll(nil, nil, nil); r.Progress != nil || r.Known != 0 || r.Total != 4 {
		t.Errorf("nothing known must stay unknown, got %+v", r)
	}
	r := c.Roll(map[int64]float64{1: 0.5, 2: 1.4}, map[int64]int{2: 3}, map[int64]float64{7: 0})
	// (0.5×1 + 1×3 + 0×1) / 5 = 0.7: the unmeasured indicator 3 is left out, the activity not started counts 0.
	if r.Progress == nil || *r.Progress < 0.6999 || *r.Progress > 0.7001 || r.Known != 3 || !r.Weighted {
		t.Errorf("roll %+v", r)
	}
}
