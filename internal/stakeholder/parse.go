package stakeholder

import (
	"fmt"
	"strconv"
	"strings"

	"boussole/internal/tabular"
)

// scoreWords are the French words officers type instead of digits.
var scoreWords = map[string]int{"nul": 0, "aucun": 0, "faible": 1, "moyen": 2, "fort": 3, "forte": 3, "eleve": 3}

// parseScore reads a score cell: empty means 0, a digit, or a French word of the scale.
func parseScore(label, v string) (int, string) {
	if v == "" {
		return 0, ""
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(v, ",0"), ".0")); err == nil {
		if n < 0 || n > MaxScore {
			return 0, fmt.Sprintf("« %s » vaut %d, hors de l'échelle de 0 à %d", label, n, MaxScore)
		}
		return n, ""
	}
	if n, ok := scoreWords[fold(v)]; ok {
		return n, ""
	}
	return 0, fmt.Sprintf("« %s » vaut « %s » : attendu un nombre de 0 à %d (ou nul, faible, moyen, fort)", label, tabular.Excerpt(v), MaxScore)
}

// parseFlag reads a yes/no cell; empty means no.
func parseFlag(label, v string) (bool, string) {
	switch fold(v) {
	case "", "non", "n", "0", "faux", "false", "no":
		return false, ""
	case "oui", "o", "x", "1", "vrai", "true", "yes", "y":
		return true, ""
	}
	return false, fmt.Sprintf("« %s » vaut « %s » : attendu oui ou non", label, tabular.Excerpt(v))
}

// splitList splits a cell holding several values (themes, steps); commas, pipes and slashes separate them.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '|' || r == '/' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
