package worldmap

import (
	"fmt"
	"strings"
)

// TextAlternative describes the highlighted countries in French, category by category, for screen
// readers and for the text shown beside the map:
// « Partenariat actif (2 pays) : Bénin, Sénégal. En sommeil (1 pays) : Vietnam. »
func TextAlternative(highlight map[string]Category) string {
	groups := Groups(highlight)
	if len(groups) == 0 {
		return "Aucun pays mis en évidence."
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		names := make([]string, len(g.Countries))
		for j, c := range g.Countries {
			names[j] = c.Name
		}
		parts[i] = fmt.Sprintf("%s (%d pays) : %s.", g.Category.Label, len(names), strings.Join(names, ", "))
	}
	return strings.Join(parts, " ")
}
