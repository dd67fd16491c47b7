// Package gantt draws the chronogramme: a server-side SVG Gantt chart of a computed schedule, with rows grouped
// in lanes, the critical path hatched, milestones as diamonds, dependencies as arrows and a line for today.
package gantt

import (
	"boussole/internal/figure/svg"
	"boussole/internal/schedule"
)

// Scale is the time unit along the top of the chart.
type Scale int

const (
	// Auto picks months when they fit, else quarters, else years.
	Auto Scale = iota
	// Monthly labels every month (« janv. », « févr. »…).
	Monthly
	// Quarterly labels every quarter (« T1 »…).
	Quarterly
	// Yearly labels years only.
	Yearly
)

// Lane is a group of rows, such as an objective, a service or a partner.
type Lane struct {
	Key, Label string
}

// Row is one line of the chart: the activity or milestone with schedule ID ID, shown as Label in lane Lane.
// An activity may appear in several lanes (one row per partner, say).
type Row struct {
	ID, Label, Lane string
}

// Chart is the display information that goes with a computed schedule.
type Chart struct {
	IDPrefix    string // keeps ids unique when a page holds several figures; "gantt" when empty
	Title       string // accessible name; « Chronogramme » when empty
	Description string // long description; a French summary is generated when empty
	Term        schedule.Term
	Today       schedule.Date // no today line when zero or outside the chart
	Scale       Scale
	Lanes       []Lane // lane order; lanes only named by rows are appended in order of appearance
	Rows        []Row  // when empty, every activity of the schedule in its order, without lanes
	Links       []Link // dependencies drawn as arrows; none when empty
}

// Render draws the chart as a standalone SVG document. Rows whose ID is not in the schedule are skipped.
func Render(r *schedule.Result, c Chart) []byte {
	if c.IDPrefix == "" {
		c.IDPrefix = "gantt"
	}
	if c.Title == "" {
		c.Title = "Chronogramme"
	}
	groups := group(r, c)
	l := newLayout(c, groups)
	var pos map[string]rowPos
	if len(c.Links) > 0 {
		pos = positions(groups)
	}
	if c.Description == "" {
		c.Description = describe(r, c, groups, pos)
	}
	d := svg.New(c.IDPrefix, width, l.height, c.Title, c.Description)
	d.Grow(sizeHint(groups, len(c.Links)))
	p := painter{d: d, l: l, c: c}
	p.arrowEnd = `" marker-end="url(#` + p.id("fleche") + `)">`
	p.defs()
	p.outsideTerm()
	p.axis()
	p.lanes(groups)
	p.bars(groups)
	p.links(pos)
	p.today()
	p.legend()
	return d.Bytes()
}

// sizeHint is about the bytes a chart takes, so its buffer grows once: a row's label, bar and title take
// about 400 bytes, an arrow and its sentence about 300, the axis and the legend a few kilobytes.
func sizeHint(groups []laneGroup, links int) int {
	n := 8 << 10
	for _, g := range groups {
		n += 100 + 400*len(g.items)
	}
	return n + 300*links
}
