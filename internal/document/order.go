package document

import (
	"cmp"
	"slices"

	"boussole/internal/logframe"
)

// order walks the framework in its display order, with the numbers the pages show (1, 1.2, 1.2.3, R4).
type order struct {
	s          *logframe.Strategy
	nums       logframe.Numbers
	objectives []logframe.SpecificObjective
	results    map[int64][]logframe.ExpectedResult // by objective
	activities map[int64][]logframe.Activity       // by result
}

func newOrder(s *logframe.Strategy) *order {
	o := &order{s: s, nums: logframe.Number(s), results: map[int64][]logframe.ExpectedResult{}, activities: map[int64][]logframe.Activity{}}
	o.objectives = slices.Clone(s.Objectives)
	slices.SortFunc(o.objectives, func(a, b logframe.SpecificObjective) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	for _, r := range s.Results {
		o.results[r.ObjectiveID] = append(o.results[r.ObjectiveID], r)
	}
	for k := range o.results {
		slices.SortFunc(o.results[k], func(a, b logframe.ExpectedResult) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	}
	for _, a := range s.Activities {
		o.activities[a.ResultID] = append(o.activities[a.ResultID], a)
	}
	for k := range o.activities {
		slices.SortFunc(o.activities[k], func(a, b logframe.Activity) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	}
	return o
}

func byPos(pa int, ia int64, pb int, ib int64) int {
	if c := cmp.Compare(pa, pb); c != 0 {
		return c
	}
	return cmp.Compare(ia, ib)
}

// num returns an element's number followed by a space, or "".
func (o *order) num(k logframe.Kind, id int64) string {
	if n := o.nums.Of(logframe.Ref{Kind: k, ID: id}); n != "" {
		return n + " "
	}
	return ""
}

// levelName names the element an indicator, risk or assumption belongs to: « Objectif 2 », « Résultat 1.3 ».
func (o *order) levelName(r logframe.Ref) string {
	switch r.Kind {
	case logframe.KindGeneralObjective:
		return "Objectif général"
	case logframe.KindSpecificObjective:
		return "Objectif " + o.nums.Of(r)
	case logframe.KindResult:
		return "Résultat " + o.nums.Of(r)
	case logframe.KindActivity:
		return "Activité " + o.nums.Of(r)
	}
	return "non rattaché"
}

// indicatorsOf returns the indicators measuring an element, in their order.
func (o *order) indicatorsOf(r logframe.Ref) []logframe.Indicator {
	var out []logframe.Indicator
	for _, in := range o.s.Indicators {
		if in.Level == r {
			out = append(out, in)
		}
	}
	slices.SortFunc(out, func(a, b logframe.Indicator) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	return out
}

// indicators returns every indicator, grouped by the element measured in the framework's order.
func (o *order) indicators() []logframe.Indicator {
	var out []logframe.Indicator
	if g := o.s.Key.General; g != nil {
		out = append(out, o.indicatorsOf(logframe.Ref{Kind: logframe.KindGeneralObjective, ID: g.ID})...)
	}
	for _, ob := range o.objectives {
		out = append(out, o.indicatorsOf(logframe.Ref{Kind: logframe.KindSpecificObjective, ID: ob.ID})...)
		for _, r := range o.results[ob.ID] {
			out = append(out, o.indicatorsOf(logframe.Ref{Kind: logframe.KindResult, ID: r.ID})...)
		}
	}
	seen := map[int64]bool{}
	for _, in := range out {
		seen[in.ID] = true
	}
	for _, in := range o.s.Indicators { // those measuring nothing the framework still holds
		if !seen[in.ID] {
			out = append(out, in)
		}
	}
	return out
}

// assumptionsOf returns the assumptions an element relies on.
func (o *order) assumptionsOf(r logframe.Ref) []string {
	var out []string
	for _, a := range o.s.Assumptions {
		if a.Target == r {
			out = append(out, a.Text)
		}
	}
	return out
}
