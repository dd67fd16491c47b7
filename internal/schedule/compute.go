package schedule

import (
	"boussole/internal/fielderr"
	"math"
)

// passes holds the engine's working arrays, in epoch days.
type passes struct {
	g              *graph
	w              *workdays // for lags in working days
	es, ef, ls, lf []int
	order          []int32 // topological order
}

// Compute validates the plan, orders it topologically (Kahn's algorithm), then runs the forward and backward
// passes; it returns a fielderr.List or a *CycleError when the plan cannot be scheduled.
// Time is linear in activities plus dependencies.
func Compute(p Plan) (*Result, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	origin, ok := p.origin()
	if !ok {
		return nil, fielderr.List{{Message: "Indiquez la date de début du mandat ou celle d'au moins une activité."}}
	}
	g := newGraph(p)
	ps := &passes{g: g, w: newWorkdays(p.Calendar)}
	if !ps.forward(origin) {
		return nil, g.cycle(ps.order)
	}
	finish := math.MinInt
	for _, f := range ps.ef {
		finish = max(finish, f)
	}
	ps.backward(finish)
	return ps.result(p.Term, finish), nil
}

// origin is where unconstrained activities start: the term's start, else the earliest absolute start.
func (p Plan) origin() (int, bool) {
	if !p.Term.Start.IsZero() {
		return p.Term.Start.days(), true
	}
	best, ok := 0, false
	for _, a := range p.Activities {
		if !a.Start.IsZero() && (!ok || a.Start.days() < best) {
			best, ok = a.Start.days(), true
		}
	}
	return best, ok || len(p.Activities) == 0
}

// forward computes earliest dates while taking nodes in topological order; it reports false on a cycle.
func (ps *passes) forward(origin int) bool {
	g := ps.g
	n := len(g.acts)
	ps.es, ps.ef = make([]int, n), make([]int, n)
	set := make([]bool, n)
	indeg := make([]int32, n)
	for _, t := range g.to {
		indeg[t]++
	}
	ps.order = make([]int32, 0, n)
	for i, a := range g.acts {
		if !a.Start.IsZero() {
			ps.es[i], set[i] = a.Start.days(), true
		}
		if indeg[i] == 0 {
			ps.order = append(ps.order, int32(i))
		}
	}
	for head := 0; head < len(ps.order); head++ {
		u := ps.order[head]
		if !set[u] {
			ps.es[u] = origin + g.acts[u].Prep
		}
		ps.ef[u] = ps.es[u] + g.acts[u].Duration
		for _, e := range g.succ(u) {
			v := g.to[e]
			if c := ps.earliest(e); !set[v] || c > ps.es[v] {
				ps.es[v], set[v] = c, true
			}
			if indeg[v]--; indeg[v] == 0 {
				ps.order = append(ps.order, v)
			}
		}
	}
	return len(ps.order) == n
}

// earliest is the earliest start that dependency e allows its successor, given its predecessor's early dates.
func (ps *passes) earliest(e int32) int {
	u, v, d := ps.g.from[e], ps.g.to[e], ps.g.deps[e]
	switch d.Kind {
	case StartToStart:
		return d.Lag.apply(ps.es[u], ps.w)
	case FinishToFinish:
		return d.Lag.apply(ps.ef[u], ps.w) - ps.g.acts[v].Duration
	}
	return d.Lag.apply(ps.ef[u], ps.w)
}

// backward computes latest dates in reverse topological order against the project finish.
func (ps *passes) backward(finish int) {
	g := ps.g
	n := len(g.acts)
	ps.ls, ps.lf = make([]int, n), make([]int, n)
	for k := n - 1; k >= 0; k-- {
		u := ps.order[k]
		lf := finish
		for _, e := range g.succ(u) {
			lf = min(lf, ps.latest(e))
		}
		ps.lf[u], ps.ls[u] = lf, lf-g.acts[u].Duration
	}
}

// latest is the latest finish that dependency e allows its predecessor, given its successor's late dates.
func (ps *passes) latest(e int32) int {
	u, v, d := ps.g.from[e], ps.g.to[e], ps.g.deps[e]
	switch d.Kind {
	case StartToStart:
		return d.Lag.latest(ps.ls[v], ps.w) + ps.g.acts[u].Duration
	case FinishToFinish:
		return d.Lag.latest(ps.lf[v], ps.w)
	}
	return d.Lag.latest(ps.ls[v], ps.w)
}
