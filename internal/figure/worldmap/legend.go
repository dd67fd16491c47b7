package worldmap

import (
	"sort"

	"boussole/internal/figure/svg"
	"boussole/internal/refdata/country"
)

// Group is one category with its countries, for the legend and the text alternative.
type Group struct {
	Category  Category
	Countries []country.Country // French alphabetical order; unknown codes carry the code as name
}

// Groups lists the categories of highlight by rank, then label, each with its countries.
func Groups(highlight map[string]Category) []Group {
	byCat := map[Category][]country.Country{}
	for code, c := range highlight {
		ct, ok := country.ByCode(code)
		if !ok {
			ct = country.Country{Alpha2: code, Name: code}
		}
		byCat[c] = append(byCat[c], ct)
	}
	out := make([]Group, 0, len(byCat))
	for c, list := range byCat {
		sort.Slice(list, func(i, j int) bool { return country.Less(list[i].Name, list[j].Name) })
		out = append(out, Group{Category: c, Countries: list})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Category, out[j].Category
		if a.Rank != b.Rank {
			return a.Rank < b.Rank
		}
		return country.Less(a.Label, b.Label)
	})
	return out
}

func categories(highlight map[string]Category) []Category {
	groups := Groups(highlight)
	out := make([]Category, len(groups))
	for i, g := range groups {
		out[i] = g.Category
	}
	return out
}

func legendHeight(cats []Category) float64 {
	if len(cats) == 0 {
		return 0
	}
	return legendRow*float64(len(cats)) + 8
}

// drawLegend writes one swatch and label per category below the map.
func drawLegend(d *svg.Doc, id string, cats []Category, top float64) {
	if len(cats) == 0 {
		return
	}
	d.Rawf(`<g class="%s-legend" aria-hidden="true" font-size="13" font-family="sans-serif" fill="#1a1a1a">`, id)
	for i, c := range cats {
		y := top + 4 + legendRow*float64(i)
		d.Rect(10, y, 24, 16, highlightAttrs(id, c))
		d.Text(42, y+13, "", c.Label)
	}
	d.Raw(`</g>`)
}
