package gantt

import (
	"strconv"
	"unicode/utf8"

	"boussole/internal/figure/svg"
	"boussole/internal/schedule"
)

// Colours are inline presentation attributes on groups, so a standalone file reads well; the page stylesheet
// overrides them through the g-* classes. Critical bars also differ by hatching and a heavy outline, and
// out-of-term bars by a dashed outline, so colour is never the only cue.
const (
	inkColour  = "#1f2937"
	gridColour = "#d1d5db"
	barColour  = "#5b7db1"
	critColour = "#b42318"
	extColour  = "#c7d4e8"
	todayColor = "#0f766e"
)

// painter draws the parts of one chart into its document.
type painter struct {
	d        *svg.Doc
	l        layout
	c        Chart
	arrowEnd string // closes an arrow's path with its marker, written once per chart
}

func (p painter) id(name string) string { return svg.Esc(p.c.IDPrefix) + "-" + name }

func (p painter) defs() {
	p.d.Rawf(`<defs><pattern id="%s" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`+
		`<rect width="6" height="6" fill="%s"/><rect width="2" height="6" fill="#fff" fill-opacity=".45"/></pattern>`,
		p.id("crit"), critColour)
	if len(p.c.Links) > 0 {
		p.d.Raw(p.arrowHead())
	}
	p.d.Raw(`</defs>`)
}

// outsideTerm greys the parts of the window before and after the term, where flagged activities spill.
func (p painter) outsideTerm() {
	top, h := headerH, p.l.height-headerH-legendH
	var spans [2][2]float64
	n := 0
	if t := p.c.Term.Start; p.l.contains(t) && t.After(p.l.from) {
		spans[n] = [2]float64{chartX, p.l.x(t)}
		n++
	}
	if t := p.c.Term.End; p.l.contains(t) {
		spans[n] = [2]float64{p.l.x(t), chartX + chartW}
		n++
	}
	if n == 0 {
		return
	}
	d := p.d
	d.Raw(`<g class="g-out" fill="#f3f4f6">`)
	for _, sp := range spans[:n] {
		d.Raw(`<rect x="`)
		d.Num(sp[0])
		d.Raw(`" y="`)
		d.Num(top)
		d.Raw(`" width="`)
		d.Num(sp[1] - sp[0])
		d.Raw(`" height="`)
		d.Num(h)
		d.Raw(`"/>`)
	}
	d.Raw(`</g>`)
}

// lanes draws each lane's band and title, and the labels of its rows.
func (p painter) lanes(groups []laneGroup) {
	d := p.d
	y := headerH
	d.Raw(`<g class="g-label" font-size="11" fill="` + inkColour + `">`)
	for _, g := range groups {
		if g.lane.Label != "" || len(groups) > 1 {
			d.Raw(`<rect class="g-lane" x="0" y="`)
			d.Num(y)
			d.Raw(`" width="`)
			d.Num(width)
			d.Raw(`" height="`)
			d.Num(laneH)
			d.Raw(`" fill="#e5e7eb"/><text x="4" y="`)
			d.Num(y + 14)
			d.Raw(`" font-weight="bold">`)
			d.Esc(laneLabel(g.lane))
			d.Raw(`</text>`)
		}
		y += laneH
		for _, it := range g.items {
			p.rowLabel(y, it.Label)
			y += rowH
		}
	}
	d.Raw(`</g>`)
}

func (p painter) rowLabel(y float64, label string) {
	// A cut label needs no title of its own: the bar's title beside it carries the full name.
	p.d.Raw(`<text x="12" y="`)
	p.d.Num(y + 13)
	p.d.Raw(`">`)
	p.d.Esc(truncate(label, maxLabel))
	p.d.Raw(`</text>`)
}

// bars draws, row by row, the preparation and follow-up extensions, the bars and the diamonds, each kind in
// its own group so the shared presentation is written once.
func (p painter) bars(groups []laneGroup) {
	p.eachRow(groups, `<g class="g-ext" fill="`+extColour+`">`, hasExtensions, p.extensions)
	p.eachRow(groups, `<g class="g-bar" fill="`+barColour+`">`, func(t schedule.Timing) bool { return !t.Milestone && !t.Critical }, p.bar)
	p.eachRow(groups, `<g class="g-crit" fill="url(#`+p.id("crit")+`)" stroke="#000" stroke-width="1.5">`,
		func(t schedule.Timing) bool { return !t.Milestone && t.Critical }, p.bar)
	p.eachRow(groups, `<g class="g-ms" fill="`+inkColour+`">`, func(t schedule.Timing) bool { return t.Milestone }, p.diamond)
}

// eachRow draws, inside one group opened by open, the rows whose timing keep accepts, given their middle; it
// writes no group when it draws none. Walking the rows once per kind writes each shape straight into the
// document, in the order the groups need.
func (p painter) eachRow(groups []laneGroup, open string, keep func(schedule.Timing) bool, draw func(it item, mid float64)) {
	opened := false
	y := headerH
	for _, g := range groups {
		y += laneH
		for _, it := range g.items {
			if keep(it.t) {
				if !opened {
					p.d.Raw(open)
					opened = true
				}
				draw(it, y+rowH/2)
			}
			y += rowH
		}
	}
	if opened {
		p.d.Raw(`</g>`)
	}
}

func (p painter) bar(it item, mid float64) {
	d := p.d
	x0, x1 := p.l.x(it.t.Start), p.l.x(it.t.Finish)
	d.Raw(`<rect x="`)
	d.Num(x0)
	d.Raw(`" y="`)
	d.Num(mid - barH/2)
	d.Raw(`" width="`)
	d.Num(max(x1-x0, 1))
	d.Raw(`" height="`)
	d.Num(barH)
	d.Raw(`"`)
	if it.t.BeforeTerm || it.t.AfterTerm {
		d.Raw(` class="out" stroke="#000" stroke-dasharray="3 2"`)
	}
	d.Raw(`><title>`)
	barTitle(d, it)
	d.Raw(`</title></rect>`)
}

func (p painter) diamond(it item, mid float64) {
	d := p.d
	x := p.l.x(it.t.Start)
	r := barH/2 + 1
	d.Raw(`<path d="M`)
	d.Num(x)
	d.Raw(` `)
	d.Num(mid - r)
	for i, v := range [...]float64{r, r, -r, r, -r, -r} {
		if i == 0 {
			d.Raw(`l`)
		} else {
			d.Raw(` `)
		}
		d.Num(v)
	}
	d.Raw(`z"`)
	if it.t.Critical {
		d.Raw(` class="crit" stroke="` + critColour + `" stroke-width="2"`)
	}
	d.Raw(`><title>`)
	barTitle(d, it)
	d.Raw(`</title></path>`)
}

func hasExtensions(t schedule.Timing) bool {
	return t.PrepStart.Before(t.Start) || t.FollowUpEnd.After(t.Finish)
}

// extensions are the thin preparation and follow-up bars on either side of the main one.
func (p painter) extensions(it item, mid float64) {
	t := it.t
	thin := func(from, to schedule.Date) {
		x0, x1 := p.l.x(from), p.l.x(to)
		p.d.Raw(`<rect x="`)
		p.d.Num(x0)
		p.d.Raw(`" y="`)
		p.d.Num(mid - 2)
		p.d.Raw(`" width="`)
		p.d.Num(x1 - x0)
		p.d.Raw(`" height="4"/>`)
	}
	if t.PrepStart.Before(t.Start) {
		thin(t.PrepStart, t.Start)
	}
	if t.FollowUpEnd.After(t.Finish) {
		thin(t.Finish, t.FollowUpEnd)
	}
}

func (p painter) today() {
	if !p.l.contains(p.c.Today) {
		return
	}
	x := p.l.x(p.c.Today)
	p.d.Rawf(`<g class="g-today" stroke="%s" fill="%s">`, todayColor, todayColor)
	p.d.Line(x, headerH-4, x, p.l.height-legendH, `stroke-width="2" stroke-dasharray="6 3"`)
	p.d.Rawf(`<title>Aujourd'hui : %s</title></g>`, svg.Esc(longDate(p.c.Today)))
}

// legend explains the marks with words, since hatching and diamonds alone would not tell a new reader.
func (p painter) legend() {
	y := p.l.height - legendH + 10
	p.d.Rawf(`<g class="g-legend" font-size="11" fill="%s">`, inkColour)
	p.d.Rect(chartX, y, 24, barH, `fill="`+barColour+`"`)
	p.d.Text(chartX+30, y+9, "", "Activité")
	x := chartX + 110
	p.d.Rect(x, y, 24, barH, `fill="url(#`+p.id("crit")+`)" stroke="#000" stroke-width="1.5"`)
	p.d.Text(x+30, y+9, "", "Chemin critique")
	x += 150
	p.d.Rawf(`<path d="M%s %sl6 6 -6 6 -6 -6z"/>`, svg.Num(x+6), svg.Num(y-1))
	p.d.Text(x+18, y+9, "", "Jalon")
	x += 80
	p.d.Rect(x, y+3, 24, 4, `fill="`+extColour+`"`)
	p.d.Text(x+30, y+9, "", "Préparation, suivi")
	x += 160
	p.d.Rect(x, y, 24, barH, `fill="#fff" stroke="#000" stroke-dasharray="3 2"`)
	p.d.Text(x+30, y+9, "", "Hors mandat")
	x += 120
	p.d.Line(x+12, y-3, x+12, y+13, `stroke="`+todayColor+`" stroke-width="2" stroke-dasharray="6 3"`)
	p.d.Text(x+22, y+9, "", "Aujourd'hui")
	if len(p.c.Links) > 0 {
		x += 105
		p.d.Rawf(`<path d="M%s %sh18" fill="none" stroke="%s" stroke-width="1.2" marker-end="url(#%s)"/>`, svg.Num(x), svg.Num(y+5), linkColour, p.id("fleche"))
		p.d.Text(x+26, y+9, "", "Dépendance")
	}
	p.d.Raw(`</g>`)
}

func laneLabel(l Lane) string {
	if l.Label == "" {
		return "Autres"
	}
	return l.Label
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func itoa(n int) string { return strconv.Itoa(n) }
