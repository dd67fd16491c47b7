package stakeholdermap

import (
	"fmt"
	"math"
	"strconv"

	"boussole/internal/figure/svg"
	"boussole/internal/stakeholder"
)

// Grid geometry: the plot is split into 4×4 cells, one per (interest, power) score pair.
const (
	gridW, gridH       = 760.0, 600.0
	gridLeft, gridTop  = 70.0, 30.0
	gridRight, gridBot = 20.0, 60.0
	levels             = stakeholder.MaxScore + 1
	pointR             = 5.0
	labelSize          = 11.0
)

// gridPoint is one stakeholder placed on the grid.
type gridPoint struct {
	i    int // index in the list
	x, y float64
	pl   stakeholder.Placement
}

// layoutGrid places every stakeholder at the centre of its (interest, power) cell and spreads ties on a
// sunflower spiral, ordered by name, so equal scores never hide each other and the picture is stable.
func layoutGrid(list []stakeholder.Stakeholder) []gridPoint {
	plotW, plotH := gridW-gridLeft-gridRight, gridH-gridTop-gridBot
	cellW, cellH := plotW/levels, plotH/levels
	cells := map[[2]int][]int{}
	for i, s := range list {
		key := [2]int{clamp(s.Interest.Level()), clamp(s.Power.Level())}
		cells[key] = append(cells[key], i)
	}
	pts := make([]gridPoint, 0, len(list))
	golden := math.Pi * (3 - math.Sqrt(5))
	for cell, idx := range cells {
		idx = byName(list, idx)
		cx := gridLeft + (float64(cell[0])+0.5)*cellW
		cy := gridTop + plotH - (float64(cell[1])+0.5)*cellH
		spread := math.Min(2.2*pointR, 0.45*math.Min(cellW, cellH)/math.Sqrt(float64(len(idx))))
		for k, i := range idx {
			r, a := spread*math.Sqrt(float64(k)), float64(k)*golden
			pts = append(pts, gridPoint{i: i, x: cx + r*math.Cos(a), y: cy + r*math.Sin(a), pl: list[i].Placement()})
		}
	}
	// Map iteration order is random: sort so the document is byte-for-byte deterministic.
	sortPoints(pts, list)
	return pts
}

func clamp(v int) int { return max(0, min(stakeholder.MaxScore, v)) }

func sortPoints(pts []gridPoint, list []stakeholder.Stakeholder) {
	idx := make([]int, len(pts))
	for k, p := range pts {
		idx[k] = p.i
	}
	order := byName(list, idx)
	pos := make(map[int]gridPoint, len(pts))
	for _, p := range pts {
		pos[p.i] = p
	}
	for k, i := range order {
		pts[k] = pos[i]
	}
}

// Grid draws the power/interest grid with every stakeholder placed in its quadrant.
func Grid(idPrefix string, list []stakeholder.Stakeholder) []byte {
	title := "Grille pouvoir / intérêt des parties prenantes"
	desc := fmt.Sprintf("%d %s placés selon leur pouvoir (axe vertical, de 0 à 3) et leur intérêt (axe horizontal, de 0 à 3), répartis en quatre quadrants : %s",
		len(list), plural(len(list), "acteur", "acteurs"), quadrantCounts(list))
	d := svg.New(idPrefix, gridW, gridH, title, desc)
	drawGridFrame(d)
	pts := layoutGrid(list)
	lp := &placer{bounds: box{gridLeft, gridTop, gridW - gridRight, gridH - gridBot}}
	for _, p := range pts {
		lp.placed = append(lp.placed, box{p.x - pointR, p.y - pointR, p.x + pointR, p.y + pointR})
	}
	for _, p := range pts {
		s := list[p.i]
		d.Rawf(`<g class="acteur" data-quadrant="%s"><title>%s</title>`, p.pl.Quadrant,
			svg.Esc(fmt.Sprintf("%s (%s) : pouvoir %d/3, intérêt %d/3, %s", s.Name, s.Kind.Label(), p.pl.Power.Level, p.pl.Interest.Level, p.pl.Quadrant.Label())))
		marker(d, s, p.x, p.y)
		name := short(s.Name, 24)
		if l := lp.place(p.x, p.y, pointR, name, labelSize); l.ok {
			d.Text(l.x, l.y, `font-size="11" font-family="sans-serif" fill="#1a1a1a" text-anchor="`+l.anchor+`"`, name)
		}
		d.Raw(`</g>`)
	}
	return d.Bytes()
}

// marker draws a square for the authority's own actors and a circle for the others, so the distinction
// does not rest on colour alone.
func marker(d *svg.Doc, s stakeholder.Stakeholder, x, y float64) {
	fill := `fill="` + colour(s.Kind) + `" stroke="#ffffff" stroke-width="1"`
	if s.Internal() {
		d.Rect(x-pointR, y-pointR, 2*pointR, 2*pointR, fill)
		return
	}
	d.Circle(x, y, pointR, fill)
}

// drawGridFrame draws the quadrants, their names, the axes and their ticks.
func drawGridFrame(d *svg.Doc) {
	plotW, plotH := gridW-gridLeft-gridRight, gridH-gridTop-gridBot
	// The quadrant boundary sits between scores Threshold-1 and Threshold, where the rule switches.
	split := float64(stakeholder.Threshold) / levels
	sx := gridLeft + split*plotW
	sy := gridTop + plotH - split*plotH
	quads := []struct {
		q          stakeholder.Quadrant
		x, y, w, h float64
		fill       string
	}{
		{stakeholder.QuadrantKeepSatisfied, gridLeft, gridTop, sx - gridLeft, sy - gridTop, "#fdf2e9"},
		{stakeholder.QuadrantManageClosely, sx, gridTop, gridLeft + plotW - sx, sy - gridTop, "#fde8e8"},
		{stakeholder.QuadrantMonitor, gridLeft, sy, sx - gridLeft, gridTop + plotH - sy, "#f3f4f6"},
		{stakeholder.QuadrantKeepInformed, sx, sy, gridLeft + plotW - sx, gridTop + plotH - sy, "#e8f1fd"},
	}
	for _, q := range quads {
		d.Rect(q.x, q.y, q.w, q.h, `fill="`+q.fill+`" stroke="#9ca3af"`)
		d.Text(q.x+6, q.y+16, `font-size="13" font-weight="bold" font-family="sans-serif" fill="#374151"`, q.q.Label())
	}
	for v := 0; v < levels; v++ {
		x := gridLeft + (float64(v)+0.5)*plotW/levels
		y := gridTop + plotH - (float64(v)+0.5)*plotH/levels
		d.Text(x, gridTop+plotH+16, `font-size="11" font-family="sans-serif" text-anchor="middle" fill="#374151"`, strconv.Itoa(v))
		d.Text(gridLeft-8, y+4, `font-size="11" font-family="sans-serif" text-anchor="end" fill="#374151"`, strconv.Itoa(v))
	}
	d.Text(gridLeft+plotW/2, gridH-20, `font-size="13" font-family="sans-serif" text-anchor="middle" fill="#1a1a1a"`, "Intérêt →")
	d.Rawf(`<text x="20" y="%s" font-size="13" font-family="sans-serif" text-anchor="middle" fill="#1a1a1a" transform="rotate(-90 20 %s)">Pouvoir →</text>`,
		svg.Num(gridTop+plotH/2), svg.Num(gridTop+plotH/2))
}

// quadrantCounts says how many stakeholders each quadrant holds, in French.
func quadrantCounts(list []stakeholder.Stakeholder) string {
	n := map[stakeholder.Quadrant]int{}
	for _, s := range list {
		n[s.Placement().Quadrant]++
	}
	out := ""
	for k, q := range stakeholder.Quadrants() {
		if k > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%s %d", q.Label(), n[q])
	}
	return out + "."
}

// GridAlt is the grid as a table: every stakeholder with its scores, quadrant and the engagement it calls for.
func GridAlt(list []stakeholder.Stakeholder) Alt {
	alt := Alt{
		Caption: "Grille pouvoir / intérêt : position de chaque acteur",
		Header:  []string{"Acteur", "Type", "Pouvoir (0 à 3)", "Intérêt (0 à 3)", "Quadrant", "Engagement conseillé"},
	}
	byQuad := map[stakeholder.Quadrant][]int{}
	for i, s := range list {
		q := s.Placement().Quadrant
		byQuad[q] = append(byQuad[q], i)
	}
	for _, q := range stakeholder.Quadrants() {
		idx := byName(list, byQuad[q])
		alt.Summary = append(alt.Summary, fmt.Sprintf("%s : %d %s.", q.Label(), len(idx), plural(len(idx), "acteur", "acteurs")))
		for _, i := range idx {
			s := list[i]
			pl := s.Placement()
			alt.Rows = append(alt.Rows, []string{s.Name, s.Kind.Label(), strconv.Itoa(pl.Power.Level), strconv.Itoa(pl.Interest.Level),
				q.Label(), q.SuggestedLevel().Label() + " : " + q.Advice()})
		}
	}
	return alt
}
