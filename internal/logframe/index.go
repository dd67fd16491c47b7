package logframe

import (
	"cmp"
	"slices"
)

// index is a read-only view of a strategy with children grouped under their parent, in display order.
// Building it once keeps the check linear in the size of the framework.
type index struct {
	s          *Strategy
	objectives []*SpecificObjective
	results    map[int64][]*ExpectedResult // by objective ID
	activities map[int64][]*Activity       // by result ID
	indicators map[Ref][]*Indicator        // by measured element
	objByID    map[int64]*SpecificObjective
	resByID    map[int64]*ExpectedResult
	actByID    map[int64]*Activity
	indByID    map[int64]*Indicator
	numbers    Numbers
	order      map[Ref]int // depth-first reading order of objectives, results and activities

	sortedIndicators []*Indicator
}

func newIndex(s *Strategy) *index {
	ix := &index{
		s:          s,
		results:    make(map[int64][]*ExpectedResult, len(s.Objectives)),
		activities: make(map[int64][]*Activity, len(s.Results)),
		indicators: make(map[Ref][]*Indicator, len(s.Results)+len(s.Objectives)+1),
		objByID:    make(map[int64]*SpecificObjective, len(s.Objectives)),
		resByID:    make(map[int64]*ExpectedResult, len(s.Results)),
		actByID:    make(map[int64]*Activity, len(s.Activities)),
		indByID:    make(map[int64]*Indicator, len(s.Indicators)),
	}
	for i := range s.Objectives {
		o := &s.Objectives[i]
		ix.objectives = append(ix.objectives, o)
		ix.objByID[o.ID] = o
	}
	for i := range s.Results {
		r := &s.Results[i]
		ix.results[r.ObjectiveID] = append(ix.results[r.ObjectiveID], r)
		ix.resByID[r.ID] = r
	}
	for i := range s.Activities {
		a := &s.Activities[i]
		ix.activities[a.ResultID] = append(ix.activities[a.ResultID], a)
		ix.actByID[a.ID] = a
	}
	for i := range s.Indicators {
		in := &s.Indicators[i]
		ix.indicators[in.Level] = append(ix.indicators[in.Level], in)
		ix.indByID[in.ID] = in
	}
	slices.SortFunc(ix.objectives, func(a, b *SpecificObjective) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	for _, rs := range ix.results {
		slices.SortFunc(rs, func(a, b *ExpectedResult) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	}
	for _, as := range ix.activities {
		slices.SortFunc(as, func(a, b *Activity) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	}
	for _, is := range ix.indicators {
		slices.SortFunc(is, func(a, b *Indicator) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	}
	ix.numbers = ix.number()
	return ix
}

// byPos orders siblings by position, then by ID so that equal positions still give one stable order.
func byPos(pa int, ida int64, pb int, idb int64) int {
	if c := cmp.Compare(pa, pb); c != 0 {
		return c
	}
	return cmp.Compare(ida, idb)
}

// activitiesUnder returns every activity below a specific objective, in display order.
func (ix *index) activitiesUnder(objectiveID int64) []*Activity {
	var out []*Activity
	for _, r := range ix.results[objectiveID] {
		out = append(out, ix.activities[r.ID]...)
	}
	return out
}
