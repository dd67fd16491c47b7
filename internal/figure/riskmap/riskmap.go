// Package riskmap draws the risk register as a 4×4 heat-map: likelihood across, impact up, each cell
// coloured by its criticality class and holding the numbers of the risks that fall in it.
package riskmap

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"boussole/internal/figure/svg"
	lf "boussole/internal/logframe"
)

// Geometry, in SVG user units.
const (
	left     = 110.0 // room for the impact scale
	top      = 16.0
	cellW    = 110.0
	cellH    = 76.0
	bottom   = 96.0 // likelihood scale and legend
	perRow   = 3    // risk labels per line inside a cell
	maxShown = 8    // labels shown in one cell before « +n »
)

// Scale labels, as the risk form words them.
var (
	likelihoodLabels = [4]string{"rare", "possible", "probable", "presque certaine"}
	impactLabels     = [4]string{"faible", "modéré", "important", "majeur"}
	classFill        = map[string]string{"faible": "#d9f0d3", "modérée": "#fff3b0", "élevée": "#fdd0a2", "critique": "#f4a3a3"}
)

// Row is one line of the text alternative: the register sorted by criticality, most critical first.
type Row struct {
	Number      string // « R3 »
	Description string
	Category    lf.RiskCategory
	Likelihood  int
	Impact      int
	Criticality int
	Class       string
}

// Rows returns the text alternative of the map, for an HTML table beside it: most critical first, then in
// register order.
func Rows(risks []lf.Risk) []Row {
	n := lf.Number(&lf.Strategy{Risks: risks})
	rows := make([]Row, 0, len(risks))
	for _, r := range risks {
		rows = append(rows, Row{Number: n.Of(lf.Ref{Kind: lf.KindRisk, ID: r.ID}), Description: r.Description,
			Category: r.Category, Likelihood: r.Likelihood, Impact: r.Impact, Criticality: r.Criticality(), Class: r.Class()})
	}
	slices.SortStableFunc(rows, func(a, b Row) int {
		if c := cmp.Compare(b.Criticality, a.Criticality); c != 0 {
			return c
		}
		return cmp.Compare(riskIndex(a.Number), riskIndex(b.Number))
	})
	return rows
}

func riskIndex(number string) int {
	i, _ := strconv.Atoi(strings.TrimPrefix(number, "R"))
	return i
}

// Summary describes the map in French sentences, one per criticality class, for the SVG description.
func Summary(rows []Row) string {
	if len(rows) == 0 {
		return "Aucun risque n'est inscrit au registre."
	}
	var parts []string
	for _, class := range []string{"critique", "élevée", "modérée", "faible", "non évaluée"} {
		var in []string
		for _, r := range rows {
			if r.Class == class {
				s := r.Number + " «\u00a0" + r.Description + "\u00a0»"
				if r.Criticality > 0 {
					s += " (probabilité " + strconv.Itoa(r.Likelihood) + ", impact " + strconv.Itoa(r.Impact) + ")"
				}
				in = append(in, s)
			}
		}
		if len(in) > 0 {
			parts = append(parts, "Criticité "+class+" : "+strings.Join(in, ", ")+".")
		}
	}
	return strings.Join(parts, " ")
}

// SVG draws the heat-map. Risks without a likelihood or an impact in 1–4 cannot be placed: they appear only
// in the description, under « non évaluée ».
func SVG(idPrefix string, risks []lf.Risk) []byte {
	if idPrefix == "" {
		idPrefix = "risques"
	}
	rows := Rows(risks)
	width, height := left+4*cellW+16, top+4*cellH+bottom
	d := svg.New(idPrefix, width, height, "Carte des risques : probabilité et impact", Summary(rows))
	d.Raw(`<g font-family="sans-serif" font-size="12" fill="#1a1a1a">`)
	drawCells(d, cellsOf(rows, risks))
	drawScales(d)
	drawLegend(d, top+4*cellH+62)
	d.Raw(`</g>`)
	return d.Bytes()
}

// cell holds the rows placed at one likelihood × impact.
type cell []Row

// cellsOf groups the evaluated risks by cell, in register order within a cell.
func cellsOf(rows []Row, risks []lf.Risk) [4][4]cell {
	var cells [4][4]cell
	ordered := slices.Clone(rows)
	slices.SortStableFunc(ordered, func(a, b Row) int { return cmp.Compare(riskIndex(a.Number), riskIndex(b.Number)) })
	for _, r := range ordered {
		if r.Likelihood >= 1 && r.Likelihood <= 4 && r.Impact >= 1 && r.Impact <= 4 {
			cells[r.Likelihood-1][r.Impact-1] = append(cells[r.Likelihood-1][r.Impact-1], r)
		}
	}
	return cells
}

func cellOrigin(likelihood, impact int) (x, y float64) {
	return left + float64(likelihood-1)*cellW, top + float64(4-impact)*cellH
}

func drawCells(d *svg.Doc, cells [4][4]cell) {
	for l := 1; l <= 4; l++ {
		for i := 1; i <= 4; i++ {
			x, y := cellOrigin(l, i)
			d.Rect(x, y, cellW, cellH, `fill="`+classFill[lf.CriticalityClass(l*i)]+`" stroke="#fff" stroke-width="2"`)
			drawLabels(d, x, y, cells[l-1][i-1])
		}
	}
}

// drawLabels writes the risk numbers of a cell in lines of perRow, each with its description as a tooltip.
func drawLabels(d *svg.Doc, x, y float64, c cell) {
	shown := c
	if len(c) > maxShown+1 {
		shown = c[:maxShown]
	}
	for k, r := range shown {
		lx := x + 10 + float64(k%perRow)*33
		ly := y + 22 + float64(k/perRow)*20
		d.Rawf(`<g><title>%s</title>`, svg.Esc(r.Number+" : "+r.Description))
		d.Text(lx, ly, `font-weight="bold"`, r.Number)
		d.Raw(`</g>`)
	}
	if rest := len(c) - len(shown); rest > 0 {
		k := len(shown)
		d.Text(x+10+float64(k%perRow)*33, y+22+float64(k/perRow)*20, `font-weight="bold"`, "+"+strconv.Itoa(rest))
	}
}

func drawScales(d *svg.Doc) {
	for k := 1; k <= 4; k++ {
		x, _ := cellOrigin(k, 1)
		d.Text(x+cellW/2, top+4*cellH+18, `text-anchor="middle"`, strconv.Itoa(k)+" "+likelihoodLabels[k-1])
		_, y := cellOrigin(1, k)
		d.Text(left-8, y+cellH/2+4, `text-anchor="end"`, strconv.Itoa(k)+" "+impactLabels[k-1])
	}
	d.Text(left+2*cellW, top+4*cellH+38, `text-anchor="middle" font-weight="bold"`, "Probabilité →")
	d.Rawf(`<text x="16" y="%s" font-weight="bold" transform="rotate(-90 16 %s)" text-anchor="middle">Impact →</text>`,
		svg.Num(top+2*cellH), svg.Num(top+2*cellH))
}

func drawLegend(d *svg.Doc, y float64) {
	x := left
	d.Text(x-8, y+11, `text-anchor="end"`, "Criticité :")
	for _, class := range []string{"faible", "modérée", "élevée", "critique"} {
		d.Rect(x, y, 14, 14, `fill="`+classFill[class]+`" stroke="#555"`)
		d.Text(x+20, y+11, "", class)
		x += 100
	}
}
