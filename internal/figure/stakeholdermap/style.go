package stakeholdermap

import (
	"sort"
	"strings"

	"boussole/internal/stakeholder"
	"boussole/internal/textkey"
)

// palette gives each kind a colour; internal kinds use blues so the authority's own actors read as one family.
// Colours are set as attributes, not CSS, so a downloaded SVG looks the same outside the page.
var palette = map[stakeholder.Kind]string{
	stakeholder.KindElected:          "#1f3a93",
	stakeholder.KindService:          "#2e6fcf",
	stakeholder.KindReferent:         "#5b9bd5",
	stakeholder.KindAssociation:      "#c2410c",
	stakeholder.KindUniversity:       "#7c3aed",
	stakeholder.KindCompany:          "#4d7c0f",
	stakeholder.KindDiaspora:         "#b45309",
	stakeholder.KindPartnerAuthority: "#be185d",
	stakeholder.KindFunder:           "#15803d",
	stakeholder.KindPeer:             "#0e7490",
	stakeholder.KindNetwork:          "#6d28d9",
	stakeholder.KindInstitution:      "#1e3a8a",
	stakeholder.KindStateService:     "#374151",
	stakeholder.KindCitizenGroup:     "#a16207",
	stakeholder.KindMedia:            "#9f1239",
}

func colour(k stakeholder.Kind) string {
	if c, ok := palette[k]; ok {
		return c
	}
	return "#555555"
}

// byName returns indexes of list sorted by folded name then ID, the order every figure uses so that the
// same data always gives the same picture.
func byName(list []stakeholder.Stakeholder, idx []int) []int {
	keys := make(map[int]string, len(idx))
	for _, i := range idx {
		keys[i] = textkey.Fold(list[i].Name)
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ka, kb := keys[idx[a]], keys[idx[b]]
		if ka != kb {
			return ka < kb
		}
		return list[idx[a]].ID < list[idx[b]].ID
	})
	return idx
}

// short cuts a label to n characters with an ellipsis; the full name stays in the element's title.
func short(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// textWidth estimates the width of a label in a sans-serif font; good enough to keep labels apart.
func textWidth(s string, size float64) float64 {
	return float64(len([]rune(s))) * size * 0.56
}

// plural picks the French singular or plural.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
