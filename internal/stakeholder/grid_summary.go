package stakeholder

import "sort"

// QuadrantCount is how many stakeholders sit in one quadrant of the power/interest grid.
type QuadrantCount struct {
	Quadrant Quadrant
	Count    int
}

// GridSummary is the power/interest grid told in a few words, for pages that show the grid beside other
// material (the diagnostic's summary): the count per quadrant and who must be managed closely.
type GridSummary struct {
	Total         int
	Counts        []QuadrantCount // the four quadrants, most demanding first, empty ones included
	ManageClosely []Stakeholder   // the actors with high power and high interest, by name
}

// SummarizeGrid counts the stakeholders per quadrant and lists those to manage closely, ordered by their
// folded name (then by ID) so accents and case do not decide the order.
func SummarizeGrid(list []Stakeholder) GridSummary {
	n := make(map[Quadrant]int, len(quadrants))
	var closely []Stakeholder
	for _, s := range list {
		q := s.Placement().Quadrant
		n[q]++
		if q == QuadrantManageClosely {
			closely = append(closely, s)
		}
	}
	sort.SliceStable(closely, func(a, b int) bool {
		ka, kb := fold(closely[a].Name), fold(closely[b].Name)
		if ka != kb {
			return ka < kb
		}
		return closely[a].ID < closely[b].ID
	})
	sum := GridSummary{Total: len(list), ManageClosely: closely}
	for _, q := range Quadrants() {
		sum.Counts = append(sum.Counts, QuadrantCount{Quadrant: q, Count: n[q]})
	}
	return sum
}
