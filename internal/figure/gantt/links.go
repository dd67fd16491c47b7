package gantt

import "boussole/internal/schedule"

// Link is a dependency, drawn as an arrow from the end of the predecessor it counts from to the end of the
// successor it constrains: finish to start, start to start, or finish to finish.
type Link struct {
	From, To string // schedule IDs of the predecessor and the successor
	Kind     schedule.Kind
	Lag      schedule.Lag
}

const (
	linkColour = "#374151"
	linkStub   = 6.0 // px an arrow runs out of a bar before turning
)

// LinkText says a dependency in a sentence: « Jury » commence après la fin de « Appel », décalage de 2 jours ouvrés.
func LinkText(to, from string, l Link) string {
	s := "« " + to + " » " + l.Kind.Label() + " « " + from + " »"
	if l.Lag.N != 0 || l.Lag.Unit == schedule.WorkingDays {
		s += ", décalage de " + l.Lag.String()
	}
	return s
}

// rowPos is where a schedule ID is drawn: its first row's middle, and its dates.
type rowPos struct {
	mid float64
	it  item
}

// positions finds the first row of each schedule ID, so an activity shown in two lanes is linked once.
func positions(groups []laneGroup) map[string]rowPos {
	pos := map[string]rowPos{}
	y := headerH
	for _, g := range groups {
		y += laneH
		for _, it := range g.items {
			if _, seen := pos[it.ID]; !seen {
				pos[it.ID] = rowPos{mid: y + rowH/2, it: it}
			}
			y += rowH
		}
	}
	return pos
}

// drawable counts the links whose two ends are on the chart.
func drawable(links []Link, pos map[string]rowPos) int {
	n := 0
	for _, l := range links {
		_, okF := pos[l.From]
		_, okT := pos[l.To]
		if okF && okT {
			n++
		}
	}
	return n
}

// links draws each dependency whose two ends are on the chart as an elbow arrow: out of the predecessor's
// end, along the gap between rows, into the successor's end. Each arrow's title says the dependency in words.
func (p painter) links(pos map[string]rowPos) {
	opened := false
	for _, l := range p.c.Links {
		from, okF := pos[l.From]
		to, okT := pos[l.To]
		if !okF || !okT {
			continue
		}
		if !opened {
			p.d.Raw(`<g class="g-dep" fill="none" stroke="` + linkColour + `" stroke-width="1.2">`)
			opened = true
		}
		p.arrow(l, from, to)
	}
	if opened {
		p.d.Raw(`</g>`)
	}
}

// arrowHead is the marker every arrow and the legend end with.
func (p painter) arrowHead() string {
	return `<marker id="` + p.id("fleche") + `" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
		`<path d="M0 0L10 5L0 10z" fill="` + linkColour + `"/></marker>`
}

func (p painter) arrow(l Link, from, to rowPos) {
	x1, out := p.l.x(from.it.t.Finish), linkStub
	if l.Kind == schedule.StartToStart {
		x1, out = p.l.x(from.it.t.Start), -linkStub
	}
	x2, in := p.l.x(to.it.t.Start), -linkStub
	if l.Kind == schedule.FinishToFinish {
		x2, in = p.l.x(to.it.t.Finish), linkStub
	}
	// Turn in the gap just above or below the successor's row, then run to the bar's end.
	turn := to.mid - rowH/2
	if to.mid < from.mid {
		turn = to.mid + rowH/2
	}
	d := p.d
	d.Raw(`<path d="M`)
	d.Num(x1)
	d.Raw(` `)
	d.Num(from.mid)
	d.Raw(`H`)
	d.Num(x1 + out)
	d.Raw(`V`)
	d.Num(turn)
	d.Raw(`H`)
	d.Num(x2 + in)
	d.Raw(`V`)
	d.Num(to.mid)
	d.Raw(`H`)
	d.Num(x2)
	d.Raw(p.arrowEnd)
	d.Raw(`<title>`)
	d.Raw("« ")
	d.Esc(to.it.Label)
	d.Raw(" » ")
	d.Esc(l.Kind.Label())
	d.Raw(" « ")
	d.Esc(from.it.Label)
	d.Raw(" »")
	if l.Lag.N != 0 || l.Lag.Unit == schedule.WorkingDays {
		d.Raw(", décalage de ")
		d.Esc(l.Lag.String())
	}
	d.Raw(`</title></path>`)
}
