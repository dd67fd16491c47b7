package gantt

import (
	"strconv"

	"boussole/internal/schedule"
)

var monthAbbr = [...]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// axis draws the year row, the month or quarter row, and a gridline at each unit (heavier at each year).
func (p painter) axis() {
	d := p.d
	d.Raw(`<g class="g-axis" font-size="11" fill="` + inkColour + `" text-anchor="middle">`)
	step := unitMonths(p.l.scale)
	for m := p.l.from; m.Before(p.l.to); m = m.AddMonths(step) {
		if m.M == 1 || m == p.l.from {
			p.yearLabel(m)
		}
		if label := unitLabel(m, p.l.scale); label != "" {
			d.Raw(`<text x="`)
			d.Num((p.l.x(m) + p.l.x(m.AddMonths(step))) / 2)
			d.Raw(`" y="30">`)
			d.Raw(label)
			d.Raw(`</text>`)
		}
	}
	d.Raw(`</g>`)
	p.gridLines(`<g class="g-grid" stroke="`+gridColour+`">`, false)
	p.gridLines(`<g class="g-grid g-year" stroke="#9ca3af">`, true)
}

// gridLines draws the gridline of each unit that starts a year (years), or of each other unit, in one group.
func (p painter) gridLines(open string, years bool) {
	d := p.d
	bottom := p.l.height - legendH
	opened := false
	for m := p.l.from; m.Before(p.l.to); m = m.AddMonths(unitMonths(p.l.scale)) {
		if (m.M == 1) != years {
			continue
		}
		if !opened {
			d.Raw(open)
			opened = true
		}
		x := p.l.x(m)
		d.Raw(`<line x1="`)
		d.Num(x)
		d.Raw(`" y1="`)
		d.Num(headerH - 16)
		d.Raw(`" x2="`)
		d.Num(x)
		d.Raw(`" y2="`)
		d.Num(bottom)
		d.Raw(`"/>`)
	}
	if opened {
		d.Raw(`</g>`)
	}
}

// yearLabel centres the year over its visible part, if that part is wide enough to hold it.
func (p painter) yearLabel(m schedule.Date) {
	end := schedule.Date{Y: m.Y + 1, M: 1, D: 1}
	if end.After(p.l.to) {
		end = p.l.to
	}
	x0, x1 := p.l.x(m), p.l.x(end)
	if x1-x0 >= 30 {
		p.d.Raw(`<text x="`)
		p.d.Num((x0 + x1) / 2)
		p.d.Raw(`" y="13" font-weight="bold">`)
		p.d.Int(m.Y)
		p.d.Raw(`</text>`)
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
