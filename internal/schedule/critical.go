package schedule

// result turns the passes into dates, flags and the critical path.
func (ps *passes) result(term Term, finish int) *Result {
	g := ps.g
	r := &Result{Timings: make([]Timing, len(g.acts)), index: g.index}
	termStart, termEnd := term.Start.days(), term.End.days()
	start := finish
	for i, a := range g.acts {
		t := Timing{ID: a.ID, Name: a.label(), Milestone: a.Milestone,
			Start: fromDays(ps.es[i]), Finish: fromDays(ps.ef[i]),
			LateStart: fromDays(ps.ls[i]), LateFinish: fromDays(ps.lf[i]),
			PrepStart: fromDays(ps.es[i] - a.Prep), FollowUpEnd: fromDays(ps.ef[i] + a.FollowUp),
			Slack: ps.ls[i] - ps.es[i]}
		t.Critical = t.Slack == 0
		t.BeforeTerm = !term.Start.IsZero() && ps.es[i]-a.Prep < termStart
		t.AfterTerm = !term.End.IsZero() && ps.ef[i]+a.FollowUp > termEnd
		r.Timings[i] = t
		start = min(start, ps.es[i])
	}
	if len(g.acts) > 0 {
		r.Start, r.Finish = fromDays(start), fromDays(finish)
		r.CriticalPath = ps.criticalPath(finish)
	}
	return r
}

// criticalPath walks back from the first activity finishing the project, each time through a critical
// predecessor whose dependency is binding (it alone fixes the successor's start), so consecutive members are
// always linked by a dependency.
func (ps *passes) criticalPath(finish int) []string {
	cur := int32(-1)
	for i := range ps.ef {
		if ps.ef[i] == finish && ps.ls[i] == ps.es[i] {
			cur = int32(i)
			break
		}
	}
	var rev []string
	for cur >= 0 {
		rev = append(rev, ps.g.acts[cur].ID)
		next := int32(-1)
		for _, e := range ps.g.pred(cur) {
			u := ps.g.from[e]
			if ps.ls[u] == ps.es[u] && ps.earliest(e) == ps.es[cur] {
				next = u
				break
			}
		}
		cur = next
	}
	path := make([]string, len(rev))
	for i, id := range rev {
		path[len(rev)-1-i] = id
	}
	return path
}
