// Package worldmap draws a world map with some countries highlighted by category, for example the
// partner countries of an authority by partnership status, as an accessible SVG figure.
package worldmap

import (
	"fmt"
	"hash/fnv"
	"sort"

	"boussole/internal/figure/svg"
	"boussole/internal/refdata/country"
	"boussole/internal/refdata/worldgeo"
)

// Category is the class a highlighted country belongs to. Rank orders the legend and picks the
// style; countries with the same Label must share the Rank.
type Category struct {
	Label string // shown in the legend and titles, e.g. « Partenariat actif »
	Rank  int    // 0 first; styles repeat after six categories
}

// Styles counts the distinct fill and pattern pairs; further categories reuse them in turn.
const Styles = 6

const (
	legendRow    = 22.0
	markerRadius = 4.0
)

// Draw returns the SVG of the world map with the countries of highlight (alpha-2 code → category)
// filled by category. Each category has its own fill colour and pattern, and highlighted countries
// get a dark outline, so the map does not rely on colour alone; countries too small to see get a
// circle. Unknown codes are left out of the drawing but kept in the text alternative.
func Draw(highlight map[string]Category, title, desc string) []byte {
	w, h := worldgeo.Size()
	cats := categories(highlight)
	id := idPrefix(title, desc)
	full := TextAlternative(highlight)
	if desc != "" {
		full = desc + " " + full
	}
	d := svg.New(id, w, h+legendHeight(cats), title, full)
	writeStyle(d, id)
	d.Raw(`<g class="` + id + `-land" fill="#d9d9d9" stroke="#fff" stroke-width=".4">`)
	for _, s := range worldgeo.Shapes() {
		if _, hit := highlight[s.Code]; !hit && s.Path != "" {
			d.Rawf(`<path d="%s"><title>%s</title></path>`, s.Path, svg.Esc(country.Name(s.Code)))
		}
	}
	d.Raw(`</g>`)
	drawHighlighted(d, id, highlight)
	drawLegend(d, id, cats, h)
	return d.Bytes()
}

// drawHighlighted draws highlighted countries after the others so their outline stays on top.
func drawHighlighted(d *svg.Doc, id string, highlight map[string]Category) {
	codes := make([]string, 0, len(highlight))
	for code := range highlight {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		s, ok := worldgeo.ByCode(code)
		if !ok {
			continue
		}
		c := highlight[code]
		title := svg.Esc(country.Name(code) + " : " + c.Label)
		class := highlightAttrs(id, c) + ` data-code="` + code + `"`
		if s.Path != "" {
			d.Rawf(`<path d="%s" %s><title>%s</title></path>`, s.Path, class, title)
		}
		if s.Small {
			d.Rawf(`<circle cx="%s" cy="%s" r="%s" %s><title>%s</title></circle>`,
				svg.Num(s.X), svg.Num(s.Y), svg.Num(markerRadius), class, title)
		}
	}
}

func style(c Category) int {
	return ((c.Rank % Styles) + Styles) % Styles
}

// idPrefix derives ids from the figure's text so two maps on one page keep distinct pattern ids.
func idPrefix(title, desc string) string {
	h := fnv.New32a()
	h.Write([]byte(title + "\x00" + desc))
	return fmt.Sprintf("wm%x", h.Sum32()&0xffffff)
}
