package gantt

import "boussole/internal/schedule"

// item is one row with its computed dates.
type item struct {
	Row
	t schedule.Timing
}

// laneGroup is a lane and the rows drawn under it.
type laneGroup struct {
	lane  Lane
	items []item
}

// group sorts rows into lanes, keeping the caller's order of lanes and of rows within a lane.
func group(r *schedule.Result, c Chart) []laneGroup {
	rows := c.Rows
	if len(rows) == 0 {
		rows = make([]Row, len(r.Timings))
		for i, t := range r.Timings {
			rows[i] = Row{ID: t.ID, Label: t.Name}
		}
	}
	var groups []laneGroup
	pos := map[string]int{}
	add := func(l Lane) {
		if _, ok := pos[l.Key]; !ok {
			pos[l.Key] = len(groups)
			groups = append(groups, laneGroup{lane: l})
		}
	}
	for _, l := range c.Lanes {
		add(l)
	}
	for _, row := range rows {
		t, ok := r.Timing(row.ID)
		if !ok {
			continue
		}
		if row.Label == "" {
			row.Label = t.Name
		}
		add(Lane{Key: row.Lane, Label: row.Lane})
		g := &groups[pos[row.Lane]]
		g.items = append(g.items, item{row, t})
	}
	kept := groups[:0]
	for _, g := range groups {
		if len(g.items) > 0 {
			kept = append(kept, g)
		}
	}
	return kept
}
