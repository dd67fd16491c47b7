package schedule

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
)

// randomPlan builds an acyclic plan: every dependency goes from a lower to a higher rank, and activities are
// listed in a shuffled order so the input is not already topological.
func randomPlan(rng *rand.Rand, n, m int) Plan {
	p := Plan{Term: Term{Start: d(2026, 1, 1), End: d(2032, 1, 1)}, Calendar: Calendar{AlsaceMoselle: rng.IntN(2) == 0}}
	for i := range n {
		a := Activity{ID: fmt.Sprintf("a%d", i), Duration: 1 + rng.IntN(120)}
		switch rng.IntN(10) {
		case 0:
			a.Milestone, a.Duration = true, 0
		case 1:
			a.Start = d(2026, 1, 1).AddDays(rng.IntN(2000) - 100)
		case 2:
			a.Prep, a.FollowUp = rng.IntN(30), rng.IntN(30)
		}
		p.Activities = append(p.Activities, a)
	}
	for range m {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		if u > v {
			u, v = v, u
		}
		p.Dependencies = append(p.Dependencies, Dependency{From: p.Activities[u].ID, To: p.Activities[v].ID,
			Kind: Kinds[rng.IntN(3)], Lag: randomLag(rng)})
	}
	rng.Shuffle(n, func(i, j int) { p.Activities[i], p.Activities[j] = p.Activities[j], p.Activities[i] })
	return p
}

func randomLag(rng *rand.Rand) Lag {
	switch rng.IntN(5) {
	case 0:
		return Lag{rng.IntN(8) - 2, Weeks}
	case 1:
		return Lag{rng.IntN(6) - 1, Months}
	case 2:
		return Lag{rng.IntN(30) - 8, WorkingDays}
	}
	return Lag{rng.IntN(40) - 10, Days}
}

// constraint returns, for one dependency, the successor's date it constrains and the bound it must respect,
// given the dates t of both ends: the dependency holds when got >= bound.
func constraint(w *workdays, dep Dependency, from, to Timing) (got, bound int) {
	switch dep.Kind {
	case StartToStart:
		return to.Start.days(), dep.Lag.apply(from.Start.days(), w)
	case FinishToFinish:
		return to.Finish.days(), dep.Lag.apply(from.Finish.days(), w)
	}
	return to.Start.days(), dep.Lag.apply(from.Finish.days(), w)
}

func late(t Timing) Timing {
	t.Start, t.Finish = t.LateStart, t.LateFinish
	return t
}

func TestPropertiesOnRandomAcyclicPlans(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 2026))
	for round := range 300 {
		n := 1 + rng.IntN(60)
		p := randomPlan(rng, n, rng.IntN(3*n))
		r, err := Compute(p)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		checkDependenciesHold(t, p, r)
		checkAgainstRelaxation(t, p, r)
		checkCriticalPath(t, p, r)
		if t.Failed() {
			t.Fatalf("round %d failed on a plan of %d activities", round, n)
		}
	}
}

func checkDependenciesHold(t *testing.T, p Plan, r *Result) {
	t.Helper()
	w := newWorkdays(p.Calendar)
	for _, dep := range p.Dependencies {
		from, _ := r.Timing(dep.From)
		to, _ := r.Timing(dep.To)
		if got, bound := constraint(w, dep, from, to); got < bound {
			t.Errorf("early dates break %+v: %s %v–%v, %s %v–%v", dep, from.ID, from.Start, from.Finish, to.ID, to.Start, to.Finish)
		}
		if got, bound := constraint(w, dep, late(from), late(to)); got < bound {
			t.Errorf("late dates break %+v", dep)
		}
	}
	for i, tm := range r.Timings {
		a := p.Activities[i]
		if tm.Finish.Sub(tm.Start) != a.Duration || tm.LateFinish.Sub(tm.LateStart) != a.Duration {
			t.Errorf("%s: dates do not span its %d days", a.ID, a.Duration)
		}
		if tm.Slack < 0 || tm.LateFinish.After(r.Finish) || tm.Finish.After(r.Finish) {
			t.Errorf("%s: slack %d, late finish %v, project finish %v", a.ID, tm.Slack, tm.LateFinish, r.Finish)
		}
		if !a.Start.IsZero() && tm.Start.Before(a.Start) {
			t.Errorf("%s starts %v before its absolute date %v", a.ID, tm.Start, a.Start)
		}
	}
}

// checkAgainstRelaxation recomputes the earliest starts the slow way (relax every dependency until nothing
// changes) and expects the same dates: the engine must not push anything later than needed.
func checkAgainstRelaxation(t *testing.T, p Plan, r *Result) {
	t.Helper()
	es := map[string]int{}
	hasPred := map[string]bool{}
	for _, dep := range p.Dependencies {
		hasPred[dep.To] = true
	}
	dur := map[string]int{}
	for _, a := range p.Activities {
		dur[a.ID] = a.Duration
		switch {
		case !a.Start.IsZero():
			es[a.ID] = a.Start.days()
		case !hasPred[a.ID]:
			es[a.ID] = p.Term.Start.days() + a.Prep
		default:
			es[a.ID] = -1 << 40
		}
	}
	w := newWorkdays(p.Calendar)
	for changed := true; changed; {
		changed = false
		for _, dep := range p.Dependencies {
			if es[dep.From] <= -1<<39 {
				continue // the predecessor has no start yet
			}
			var c int
			switch dep.Kind {
			case StartToStart:
				c = dep.Lag.apply(es[dep.From], w)
			case FinishToFinish:
				c = dep.Lag.apply(es[dep.From]+dur[dep.From], w) - dur[dep.To]
			default:
				c = dep.Lag.apply(es[dep.From]+dur[dep.From], w)
			}
			if c > es[dep.To] {
				es[dep.To], changed = c, true
			}
		}
	}
	for _, tm := range r.Timings {
		if tm.Start.days() != es[tm.ID] {
			t.Errorf("%s starts %v, relaxation says %v", tm.ID, tm.Start, fromDays(es[tm.ID]))
		}
	}
}

func checkCriticalPath(t *testing.T, p Plan, r *Result) {
	t.Helper()
	cp := r.CriticalPath
	if len(cp) == 0 {
		t.Error("empty critical path")
		return
	}
	last, _ := r.Timing(cp[len(cp)-1])
	if last.Finish != r.Finish {
		t.Errorf("critical path ends at %v, project finishes %v", last.Finish, r.Finish)
	}
	for i, id := range cp {
		tm, _ := r.Timing(id)
		if tm.Slack != 0 || !tm.Critical {
			t.Errorf("critical %s has slack %d", id, tm.Slack)
		}
		if i > 0 && !binding(p, r, cp[i-1], id) {
			t.Errorf("critical path %v: no binding dependency %s → %s", cp, cp[i-1], id)
		}
	}
}

func binding(p Plan, r *Result, from, to string) bool {
	w := newWorkdays(p.Calendar)
	for _, dep := range p.Dependencies {
		if dep.From == from && dep.To == to {
			f, _ := r.Timing(from)
			s, _ := r.Timing(to)
			if got, bound := constraint(w, dep, f, s); got == bound {
				return true
			}
		}
	}
	return false
}

func TestPropertiesOnRandomCycles(t *testing.T) {
	rng := rand.New(rand.NewPCG(5545, 6))
	for round := range 200 {
		n := 2 + rng.IntN(40)
		p := randomPlan(rng, n, 2*n)
		succ := map[string][]string{}
		for _, dep := range p.Dependencies {
			succ[dep.From] = append(succ[dep.From], dep.To)
		}
		start := p.Activities[rng.IntN(n)].ID
		end := start
		for steps := rng.IntN(5); steps >= 0 && len(succ[end]) > 0; steps-- {
			end = succ[end][rng.IntN(len(succ[end]))]
		}
		if end == start {
			continue // no successor to loop through; self-dependencies are covered by TestValidation
		}
		back := Dependency{From: end, To: start}
		if err := p.CheckDependency(back); !isCycleThrough(p, back, err) {
			t.Fatalf("round %d: adding %s → %s gave %v", round, end, start, err)
		}
		withBack := p
		withBack.Dependencies = append(append([]Dependency(nil), p.Dependencies...), back)
		if _, err := Compute(withBack); !isCycleThrough(withBack, Dependency{}, err) {
			t.Fatalf("round %d: Compute gave %v", round, err)
		}
	}
}

// isCycleThrough checks that err is a cycle whose every step is a dependency of p or the proposed one.
func isCycleThrough(p Plan, proposed Dependency, err error) bool {
	var cerr *CycleError
	if !errors.As(err, &cerr) || len(cerr.IDs) < 3 || cerr.IDs[0] != cerr.IDs[len(cerr.IDs)-1] {
		return false
	}
	edges := map[[2]string]bool{{proposed.From, proposed.To}: true}
	for _, dep := range p.Dependencies {
		edges[[2]string{dep.From, dep.To}] = true
	}
	for i := 1; i < len(cerr.IDs); i++ {
		if !edges[[2]string{cerr.IDs[i-1], cerr.IDs[i]}] {
			return false
		}
	}
	return true
}

func BenchmarkCompute10kActivities20kDependencies(b *testing.B) {
	rng := rand.New(rand.NewPCG(10000, 20000))
	p := randomPlan(rng, 10000, 20000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckDependency10k(b *testing.B) {
	rng := rand.New(rand.NewPCG(10000, 20000))
	p := randomPlan(rng, 10000, 20000)
	dep := Dependency{From: p.Activities[0].ID, To: p.Activities[1].ID}
	for b.Loop() {
		_ = p.CheckDependency(dep)
	}
}
