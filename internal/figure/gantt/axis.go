package gantt

import (
	"strconv"

	"boussole/internal/figure/svg"
	"boussole/internal/schedule"
)

var monthAbbr = [...]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// axis draws the year row, the month or quarter row, and a gridline at each unit (heavier at each year).
func (p painter) axis() {
	bottom := p.l.height - legendH
	var grid, yearGrid []string
	p.d.Rawf(`<g class="g-axis" font-size="11" fill="%s" text-anchor="middle">`, inkColour)
	step := unitMonths(p.l.scale)
	for d := p.l.from; d.Before(p.l.to); d = d.AddMonths(step) {
		next := d.AddMonths(step)
		x0, x1 := p.l.x(d), p.l.x(next)
		if d.M == 1 || d == p.l.from {
			p.yearLabel(d)
		}
		if label := unitLabel(d, p.l.scale); label != "" {
			p.d.Rawf(`<text x="%s" y="30">%s</text>`, svg.Num((x0+x1)/2), label)
		}
		line := `<line x1="` + svg.Num(x0) + `" y1="` + svg.Num(headerH-16) + `" x2="` + svg.Num(x0) + `" y2="` + svg.Num(bottom) + `"/>`
		if d.M == 1 {
			yearGrid = append(yearGrid, line)
		} else {
			grid = append(grid, line)
		}
	}
	p.d.Raw(`</g>`)
	p.group(`class="g-grid" stroke="`+gridColour+`"`, grid)
	p.group(`class="g-grid g-year" stroke="#9ca3af"`, yearGrid)
}

// yearLabel centres the year over its visible part, if that part is wide enough to hold it.
func (p painter) yearLabel(d schedule.Date) {
	end := schedule.Date{Y: d.Y + 1, M: 1, D: 1}
	if end.After(p.l.to) {
		end = p.l.to
	}
	x0, x1 := p.l.x(d), p.l.x(end)
	if x1-x0 >= 30 {
		p.d.Text((x0+x1)/2, 13, `font-weight="bold"`, strconv.Itoa(d.Y))
	}
}

func unitLabel(d schedule.Date, s Scale) string {
	switch s {
	case Monthly:
		return monthAbbr[d.M-1]
	case Quarterly:
		return "T" + strconv.Itoa((int(d.M)-1)/3+1)
	}
	return ""
}
