package strategy

import (
	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
)

// swotQuadrants maps the diagnostic's quadrants onto the check's.
var swotQuadrants = map[diagnostic.Quadrant]logframe.Quadrant{
	diagnostic.Strengths:     logframe.Strength,
	diagnostic.Weaknesses:    logframe.Weakness,
	diagnostic.Opportunities: logframe.Opportunity,
	diagnostic.Threats:       logframe.Threat,
}

// CheckWeight maps the diagnostic's weight (1 minor, 2, 3 major) onto the check's 1–5 scale as 2w−1:
// 1→1, 2→3, 3→5. The check calls an item major from logframe.MajorSWOTWeight (4), so exactly the items the
// diagnostic itself calls major (weight 3, diagnostic.MaxWeight) must be answered or left aside; a weight-2
// item lands on the scale's middle, as it sits in the middle of the diagnostic's.
func CheckWeight(diagnosticWeight int) int { return 2*diagnosticWeight - 1 }

// swotRefs turns the diagnostic's items into what the check needs of them.
func swotRefs(items []diagnostic.ItemRecord) []logframe.SWOTRef {
	out := make([]logframe.SWOTRef, 0, len(items))
	for _, it := range items {
		out = append(out, logframe.SWOTRef{ID: it.ID, Quadrant: swotQuadrants[it.Item.Quadrant], Title: it.Item.Text, Weight: CheckWeight(it.Item.Weight),
			LeftAside: it.Item.LeftAside, AsideReason: it.Item.AsideReason})
	}
	return out
}
