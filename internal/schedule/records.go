package schedule

import (
	"boussole/internal/logframe"
	"boussole/internal/model"
)

// Records are a strategy's stored planning records. Records.Plan is the one assembly of the engine's plan
// from them, which the pages, and the documents after them, compute and draw from.
type Records struct {
	Term     logframe.Term // model.Strategy.Dates
	Calendar Calendar      // the authority's working days, for lags in « jours ouvrés »
	// Activities are the framework's activities in logframe order; only those with a schedule are planned.
	Activities   []logframe.ActivityRecord
	Schedules    map[int64]ScheduleRecord // by activity ID
	Milestones   []MilestoneRecord
	Dependencies []DependencyRecord
	// Steps are the elaboration process's steps; those with planned dates are planned beside the activities
	// when Plan is asked for them.
	Steps []model.StepState
}

// ProcessKey is the engine ID of a step of the elaboration process.
func ProcessKey(st model.StepState) string { return "p-" + string(st.Step) }

// Plan builds the engine's plan: scheduled activities (a relative start becomes a dependency on its anchor,
// AnchorDependency), milestones on their date's first day, dependencies and, when withProcess is set, the
// process steps that have planned dates. Dependencies on something no longer planned are left out; the
// pages flag a lost anchor from the schedule itself.
func (r Records) Plan(withProcess bool) Plan {
	p := Plan{Term: TermOf(r.Term), Calendar: r.Calendar,
		Activities: make([]Activity, 0, len(r.Schedules)+len(r.Milestones)+len(r.Steps))}
	has := r.plannedNodes()
	for _, a := range r.Activities {
		sc, ok := r.Schedules[a.ID]
		if !ok {
			continue
		}
		act := Activity{ID: Node{NodeActivity, a.ID}.Key(), Name: a.Title, Duration: sc.DurationDays, Prep: sc.PrepDays, FollowUp: sc.FollowUpDays}
		if sc.StartKind == StartAbsolute {
			act.Start = FromTime(sc.StartDate)
		} else if has(sc.Anchor) {
			if dep, ok := sc.AnchorDependency(); ok {
				p.Dependencies = append(p.Dependencies, dep)
			}
		}
		p.Activities = append(p.Activities, act)
	}
	for _, m := range r.Milestones {
		p.Activities = append(p.Activities, Activity{ID: m.Node().Key(), Name: m.Title, Milestone: true, Start: FromTime(m.Date.First())})
	}
	for _, d := range r.Dependencies {
		if has(d.From) && has(d.To) {
			p.Dependencies = append(p.Dependencies, Dependency{From: d.From.Key(), To: d.To.Key(), Kind: d.Kind, Lag: d.Lag()})
		}
	}
	if withProcess {
		p.Activities = append(p.Activities, r.processActivities()...)
	}
	return p
}

// Has reports whether a node can take part in the plan: a milestone, or an activity with a schedule.
func (r Records) Has(n Node) bool {
	if n.Kind == NodeMilestone {
		for _, m := range r.Milestones {
			if m.ID == n.ID {
				return true
			}
		}
		return false
	}
	_, ok := r.Schedules[n.ID]
	return ok
}

// plannedNodes is Has for the builder's loops: the milestones indexed once, and no node key written just to
// be looked up.
func (r Records) plannedNodes() func(Node) bool {
	milestones := make(map[int64]bool, len(r.Milestones))
	for _, m := range r.Milestones {
		milestones[m.ID] = true
	}
	return func(n Node) bool {
		switch {
		case n.IsZero():
			return false
		case n.Kind == NodeMilestone:
			return milestones[n.ID]
		}
		_, ok := r.Schedules[n.ID]
		return ok
	}
}

func (r Records) processActivities() []Activity {
	var out []Activity
	for _, st := range r.Steps {
		if st.PlannedStart.IsZero() || st.PlannedEnd.Before(st.PlannedStart) {
			continue
		}
		start := FromTime(st.PlannedStart)
		out = append(out, Activity{ID: ProcessKey(st), Name: st.Definition().Title, Start: start,
			Duration: FromTime(st.PlannedEnd).Sub(start) + 1})
	}
	return out
}
