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
	d *svg.Doc
	l layout
	c Chart
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
	var rects []string
	shade := func(x0, x1 float64) {
		rects = append(rects, `<rect x="`+svg.Num(x0)+`" y="`+svg.Num(top)+`" width="`+svg.Num(x1-x0)+`" height="`+svg.Num(h)+`"/>`)
	}
	if t := p.c.Term.Start; p.l.contains(t) && t.After(p.l.from) {
		shade(chartX, p.l.x(t))
	}
	if t := p.c.Term.End; p.l.contains(t) {
		shade(p.l.x(t), chartX+chartW)
	}
	p.group(`class="g-out" fill="#f3f4f6"`, rects)
}

// lanes draws each lane's band and title, and the labels of its rows.
func (p painter) lanes(groups []laneGroup) {
	y := headerH
	p.d.Rawf(`<g class="g-label" font-size="11" fill="%s">`, inkColour)
	for _, g := range groups {
		if g.lane.Label != "" || len(groups) > 1 {
			p.d.Rawf(`<rect class="g-lane" x="0" y="%s" width="%s" height="%s" fill="#e5e7eb"/>`, svg.Num(y), svg.Num(width), svg.Num(laneH))
			p.d.Text(4, y+14, `font-weight="bold"`, laneLabel(g.lane))
		}
		y += laneH
		for _, it := range g.items {
			p.rowLabel(y, it.Label)
			y += rowH
		}
	}
	p.d.Raw(`</g>`)
}

func (p painter) rowLabel(y float64, label string) {
	// A cut label needs no title of its own: the bar's title beside it carries the full name.
	p.d.Rawf(`<text x="12" y="%s">%s</text>`, svg.Num(y+13), svg.Esc(truncate(label, maxLabel)))
}

// bars draws, row by row, the preparation and follow-up extensions, the bars and the diamonds, each kind in
// its own group so the shared presentation is written once.
func (p painter) bars(groups []laneGroup) {
	var ext, plain, crit, ms []string
	y := headerH
	for _, g := range groups {
		y += laneH
		for _, it := range g.items {
			mid := y + rowH/2
			ext = append(ext, p.extensions(it.t, mid)...)
			switch {
			case it.t.Milestone:
				ms = append(ms, p.diamond(it, mid))
			case it.t.Critical:
				crit = append(crit, p.bar(it, mid))
			default:
				plain = append(plain, p.bar(it, mid))
			}
			y += rowH
		}
	}
	p.group(`class="g-ext" fill="`+extColour+`"`, ext)
	p.group(`class="g-bar" fill="`+barColour+`"`, plain)
	p.group(`class="g-crit" fill="url(#`+p.id("crit")+`)" stroke="#000" stroke-width="1.5"`, crit)
	p.group(`class="g-ms" fill="`+inkColour+`"`, ms)
}

func (p painter) group(attrs string, elems []string) {
	if len(elems) == 0 {
		return
	}
	p.d.Raw(`<g ` + attrs + `>`)
	for _, e := range elems {
		p.d.Raw(e)
	}
	p.d.Raw(`</g>`)
}

func (p painter) bar(it item, mid float64) string {
	x0, x1 := p.l.x(it.t.Start), p.l.x(it.t.Finish)
	attrs := ""
	if it.t.BeforeTerm || it.t.AfterTerm {
		attrs = ` class="out" stroke="#000" stroke-dasharray="3 2"`
	}
	return `<rect x="` + svg.Num(x0) + `" y="` + svg.Num(mid-barH/2) + `" width="` + svg.Num(max(x1-x0, 1)) +
		`" height="` + svg.Num(barH) + `"` + attrs + `><title>` + svg.Esc(barTitle(it)) + `</title></rect>`
}

func (p painter) diamond(it item, mid float64) string {
	x := p.l.x(it.t.Start)
	r := barH/2 + 1
	attrs := ""
	if it.t.Critical {
		attrs = ` class="crit" stroke="` + critColour + `" stroke-width="2"`
	}
	return `<path d="M` + svg.Num(x) + ` ` + svg.Num(mid-r) + `l` + svg.Num(r) + ` ` + svg.Num(r) + ` ` + svg.Num(-r) + ` ` +
		svg.Num(r) + ` ` + svg.Num(-r) + ` ` + svg.Num(-r) + `z"` + attrs + `><title>` + svg.Esc(barTitle(it)) + `</title></path>`
}

// extensions are the thin preparation and follow-up bars on either side of the main one.
func (p painter) extensions(t schedule.Timing, mid float64) []string {
	var out []string
	thin := func(from, to schedule.Date) {
		x0, x1 := p.l.x(from), p.l.x(to)
		out = append(out, `<rect x="`+svg.Num(x0)+`" y="`+svg.Num(mid-2)+`" width="`+svg.Num(x1-x0)+`" height="4"/>`)
	}
	if t.PrepStart.Before(t.Start) {
		thin(t.PrepStart, t.Start)
	}
	if t.FollowUpEnd.After(t.Finish) {
		thin(t.Finish, t.FollowUpEnd)
	}
	return out
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
