package stakeholder

import (
	"sort"
	"strings"
)

// MatchesQuery reports whether every word of q appears in the stakeholder's name, contact, territory or
// themes, ignoring case and accents, so « univ lyon » finds « Université Lumière Lyon 2 ».
func (s Stakeholder) MatchesQuery(q string) bool {
	words := strings.Fields(fold(q))
	if len(words) == 0 {
		return true
	}
	hay := fold(s.Name + " " + s.Contact + " " + s.Territory + " " + strings.Join(s.Themes, " "))
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Themes returns every theme used in list once, in first-seen spelling, sorted by folded key; it feeds the
// theme filter.
func Themes(list []Stakeholder) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		for _, t := range s.Themes {
			if f := fold(t); f != "" && !seen[f] {
				seen[f] = true
				out = append(out, t)
			}
		}
	}
	sortFolded(out)
	return out
}

func sortFolded(list []string) {
	sort.SliceStable(list, func(i, j int) bool { return fold(list[i]) < fold(list[j]) })
}
