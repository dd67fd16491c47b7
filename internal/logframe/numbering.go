package logframe

import (
	"slices"
	"strconv"
)

// Numbers maps elements to their display number: objectives 1, 2…; results 1.1, 1.2…; activities 1.1.1…;
// risks R1, R2…. Numbers follow (Position, ID) order, never the order of the slices, so they are the same
// however storage returns the rows, and children always carry their parent's number.
type Numbers map[Ref]string

// Number computes the display numbers of a strategy.
func Number(s *Strategy) Numbers { return newIndex(s).numbers }

// Of returns the number of an element, or "" when it has none (orphans, indicators, unknown IDs).
func (n Numbers) Of(r Ref) string { return n[r] }

func (ix *index) number() Numbers {
	n := make(Numbers, len(ix.s.Objectives)+len(ix.s.Results)+len(ix.s.Activities)+len(ix.s.Risks))
	ix.order = make(map[Ref]int, len(ix.s.Objectives)+len(ix.s.Results)+len(ix.s.Activities))
	seq := func(r Ref, num string) {
		n[r] = num
		ix.order[r] = len(ix.order)
	}
	for i, o := range ix.objectives {
		on := strconv.Itoa(i + 1)
		seq(Ref{KindSpecificObjective, o.ID}, on)
		for j, r := range ix.results[o.ID] {
			rn := on + "." + strconv.Itoa(j+1)
			seq(Ref{KindResult, r.ID}, rn)
			for k, a := range ix.activities[r.ID] {
				seq(Ref{KindActivity, a.ID}, rn+"."+strconv.Itoa(k+1))
			}
		}
	}
	risks := make([]*Risk, len(ix.s.Risks))
	for i := range ix.s.Risks {
		risks[i] = &ix.s.Risks[i]
	}
	slices.SortFunc(risks, func(a, b *Risk) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	for i, r := range risks {
		n[Ref{KindRisk, r.ID}] = "R" + strconv.Itoa(i+1)
	}
	return n
}
