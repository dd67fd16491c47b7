package gantt

import (
	"time"

	"boussole/internal/schedule"
)

// Geometry, in px. The width suits a landscape A4 page and a desktop column alike; the viewBox lets it scale.
const (
	width     = 1120.0
	labelW    = 270.0 // label column
	chartX    = labelW + 10
	chartW    = width - chartX - 10
	headerH   = 36.0 // year row and unit row
	laneH     = 20.0
	rowH      = 18.0
	barH      = 10.0
	legendH   = 30.0
	maxLabel  = 50 // runes of a row label before it is cut with an ellipsis
	minMonthW = 28.0
	minQuartW = 20.0
)

// layout maps dates to x and knows the chart's time window and height.
type layout struct {
	from, to schedule.Date // window, snapped to the scale's units
	days     int
	scale    Scale
	height   float64
}

func newLayout(c Chart, groups []laneGroup) layout {
	from, to := c.Term.Start, c.Term.End
	rows := 0
	for _, g := range groups {
		for _, it := range g.items {
			from = earliest(from, it.t.PrepStart)
			to = latest(to, it.t.FollowUpEnd.AddDays(1)) // milestones at the very end stay inside
		}
		rows += len(g.items)
	}
	if from.IsZero() {
		from = schedule.FromTime(time.Now())
	}
	if !to.After(from) {
		to = from.AddMonths(12)
	}
	scale := c.Scale
	if scale == Auto {
		scale = pickScale(months(from, to))
	}
	from, to = snap(from, to, scale)
	h := headerH + float64(len(groups))*laneH + float64(rows)*rowH + legendH
	return layout{from: from, to: to, days: to.Sub(from), scale: scale, height: h}
}

func pickScale(n int) Scale {
	switch {
	case chartW/float64(n) >= minMonthW:
		return Monthly
	case chartW/float64(n)*3 >= minQuartW:
		return Quarterly
	}
	return Yearly
}

// months counts calendar months touched from from to to.
func months(from, to schedule.Date) int {
	return (to.Y-from.Y)*12 + int(to.M-from.M) + 1
}

// snap widens the window to whole units: the first day of from's unit, and the first day of the unit after to.
func snap(from, to schedule.Date, s Scale) (schedule.Date, schedule.Date) {
	step := unitMonths(s)
	start := func(d schedule.Date) schedule.Date {
		m := (int(d.M)-1)/step*step + 1
		return schedule.Date{Y: d.Y, M: time.Month(m), D: 1}
	}
	end := start(to)
	if end != to {
		end = end.AddMonths(step)
	}
	return start(from), end
}

func unitMonths(s Scale) int {
	switch s {
	case Quarterly:
		return 3
	case Yearly:
		return 12
	}
	return 1
}

func (l layout) x(d schedule.Date) float64 {
	return chartX + float64(d.Sub(l.from))*chartW/float64(l.days)
}

func (l layout) contains(d schedule.Date) bool {
	return !d.IsZero() && !d.Before(l.from) && d.Before(l.to)
}

func earliest(a, b schedule.Date) schedule.Date {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

func latest(a, b schedule.Date) schedule.Date {
	if a.IsZero() || b.After(a) {
		return b
	}
	return a
}
