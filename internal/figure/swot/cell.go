package swot

import (
	"fmt"

	"boussole/internal/diagnostic"
	"boussole/internal/figure/svg"
)

// cell is the laid-out content of one quadrant: the items that fit, their lines, and how many were left out.
type cell struct {
	shown  []diagnostic.Item
	lines  [][]string
	used   int // text lines used, overflow line included
	total  int
	hidden int
}

// layoutCell keeps items in order while they fit in opt.MaxLines, reserving one line for « + N autres »
// as soon as something must be left out. An item is never split across the limit.
func layoutCell(items []diagnostic.Item, chars int, opt Options) cell {
	c := cell{total: len(items)}
	for i, it := range items {
		lines := wrap(it.Text, chars, opt.MaxLinesPerItem)
		if len(lines) == 0 {
			lines = []string{"(sans texte)"}
		}
		budget := opt.MaxLines
		if i < len(items)-1 {
			budget-- // keep room for the overflow line in case the next item does not fit
		}
		if c.used+len(lines) > budget {
			c.hidden = len(items) - i
			c.used++
			break
		}
		c.shown = append(c.shown, it)
		c.lines = append(c.lines, lines)
		c.used += len(lines)
	}
	return c
}

// rowHeight is the height both cells of a row share: enough for the fuller one, and room for an empty-cell note.
func rowHeight(a, b cell, lh float64) float64 {
	gaps := max(len(a.shown), len(b.shown))
	lines := max(a.used, b.used, 1)
	return cellHeading + cellPad*2 + float64(lines)*lh + float64(gaps)*itemGap
}

// drawCell paints one quadrant: background, heading with its count, items with weight markers, overflow.
func drawCell(d *svg.Doc, q diagnostic.Quadrant, c cell, x, y, w, h float64, opt Options) {
	colors := palette[q]
	d.Rawf(`<g class="quadrant quadrant-%s">`, q)
	d.Rect(x, y, w, h, fmt.Sprintf(`fill="%s" stroke="#ffffff" stroke-width="3"`, colors[0]))
	d.Text(x+cellPad, y+cellHeading-8, fmt.Sprintf(`font-size="%s" font-weight="bold" fill="%s"`, svg.Num(opt.FontSize+2), colors[1]),
		fmt.Sprintf("%s (%d)", q.Label(), c.total))
	lh := opt.FontSize * lineRatio
	cy := y + cellHeading + cellPad
	if c.total == 0 {
		d.Text(x+cellPad, cy+opt.FontSize, `font-style="italic"`, "Aucun élément")
	}
	for i, it := range c.shown {
		drawWeight(d, x+cellPad, cy+opt.FontSize*0.65, it.Weight, colors[1])
		drawLines(d, x+cellPad+markerWidth, cy+opt.FontSize, lh, c.lines[i])
		cy += float64(len(c.lines[i]))*lh + itemGap
	}
	if c.hidden > 0 {
		d.Text(x+cellPad+markerWidth, cy+opt.FontSize, fmt.Sprintf(`font-style="italic" fill="%s"`, colors[1]), overflowLabel(c.hidden))
	}
	d.Raw(`</g>`)
}

// drawWeight draws three dots, as many filled as the item's weight, with the weight spelled out for assistive tech.
func drawWeight(d *svg.Doc, x, cy float64, weight int, ink string) {
	weight = min(max(weight, 0), diagnostic.MaxWeight)
	d.Rawf(`<g class="weight"><title>Poids %d sur %d</title>`, weight, diagnostic.MaxWeight)
	for i := range diagnostic.MaxWeight {
		fill := "#ffffff"
		if i < weight {
			fill = ink
		}
		d.Circle(x+3+float64(i)*7.5, cy, 3, fmt.Sprintf(`fill="%s" stroke="%s"`, fill, ink))
	}
	d.Raw(`</g>`)
}

// drawLines writes one item as a single text element, one tspan per line, so a reader copies it as one sentence.
func drawLines(d *svg.Doc, x, y, lh float64, lines []string) {
	d.Rawf(`<text class="item" x="%s" y="%s">`, svg.Num(x), svg.Num(y))
	for i, l := range lines {
		dy := "0"
		if i > 0 {
			dy = svg.Num(lh)
		}
		d.Rawf(`<tspan x="%s" dy="%s">%s</tspan>`, svg.Num(x), dy, svg.Esc(l))
	}
	d.Raw(`</text>`)
}

// overflowLabel counts what was left out, in French: « + 1 autre », « + 12 autres ».
func overflowLabel(n int) string {
	if n == 1 {
		return "+ 1 autre"
	}
	return fmt.Sprintf("+ %d autres", n)
}
