package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/store"
	"boussole/internal/strategy"
	"boussole/internal/territory"
)

// planData is what the planning pages read about one strategy, and the engine's view of it.
type planData struct {
	Strategy   model.Strategy
	Activities []model.Activity // logframe order
	activity   map[int64]model.Activity
	Schedules  map[int64]model.ActivitySchedule
	Milestones []model.Milestone
	milestone  map[int64]model.Milestone
	Deps       []model.Dependency
	Objectives map[int64]model.ActivityObjective // by activity ID
	Steps      []model.StepState
	Calendar   schedule.Calendar // the authority's working days, for lags in « jours ouvrés »
}

// loadPlan reads a strategy's activities, schedules, milestones, dependencies and process steps, in one
// read of the strategy.
func (s *Server) loadPlan(ctx context.Context, authorityID int64, st model.Strategy) (*planData, error) {
	whole, err := s.store.ReadStrategy(ctx, authorityID, st.ID, strategy.PartPlanning|strategy.PartSteps)
	if err != nil {
		return nil, err
	}
	return newPlanData(whole), nil
}

// newPlanData indexes the planning part of a strategy for the planning pages.
func newPlanData(whole *strategy.Strategy) *planData {
	p := whole.Planning
	d := &planData{Strategy: whole.Record, activity: map[int64]model.Activity{}, Schedules: make(map[int64]model.ActivitySchedule, len(p.Schedules)),
		milestone: make(map[int64]model.Milestone, len(p.Milestones)), Objectives: make(map[int64]model.ActivityObjective, len(p.Objectives))}
	d.Calendar = calendarOf(whole.Authority)
	d.Activities, d.Milestones, d.Deps, d.Steps = whole.Framework.Activities, p.Milestones, p.Dependencies, whole.Steps
	for _, a := range d.Activities {
		d.activity[a.ID] = a
	}
	for _, sc := range p.Schedules {
		d.Schedules[sc.ActivityID] = sc
	}
	for _, m := range d.Milestones {
		d.milestone[m.ID] = m
	}
	for _, o := range p.Objectives {
		d.Objectives[o.ActivityID] = o
	}
	return d
}

// calendarOf is the working-day calendar of an authority: Alsace-Moselle's where the official list places it
// there, the national one otherwise (and for an organisation outside the list).
func calendarOf(a model.Authority) schedule.Calendar {
	t, ok := territory.ByID(a.OfficialID)
	return schedule.Calendar{AlsaceMoselle: ok && t.AlsaceMoselle()}
}

// CalendarNote says in French which days a lag in working days skips, for the forms and the chronogramme.
func (d *planData) CalendarNote() string {
	if d.Calendar.AlsaceMoselle {
		return "Jours ouvrés : du lundi au vendredi, hors jours fériés, dont le Vendredi saint et le 26 décembre (droit local d'Alsace-Moselle)."
	}
	return "Jours ouvrés : du lundi au vendredi, hors jours fériés (lundis de Pâques et de Pentecôte et Ascension compris)."
}

// termOf is the strategy's term for the engine. A term is recorded as two years (2026–2032); it is taken to
// cover both whole years, so that an evaluation late in the last year is not flagged as outside it.
func termOf(st model.Strategy) schedule.Term {
	return schedule.Term{Start: schedule.DateOf(st.TermStart, 1, 1), End: schedule.DateOf(st.HorizonEnd()+1, 1, 1)}
}

// NodeName returns the title of an activity or milestone, or a French placeholder when it no longer exists.
func (d *planData) NodeName(n model.Node) string {
	switch n.Kind {
	case model.NodeMilestone:
		if m, ok := d.milestone[n.ID]; ok {
			return m.Title
		}
	default:
		if a, ok := d.activity[n.ID]; ok {
			return a.Title
		}
	}
	return "élément supprimé"
}

// has reports whether a node can take part in the schedule: a milestone, or an activity with a schedule.
func (d *planData) has(n model.Node) bool {
	if n.Kind == model.NodeMilestone {
		_, ok := d.milestone[n.ID]
		return ok
	}
	_, ok := d.Schedules[n.ID]
	return ok
}

func unitOf(u model.LagUnit) schedule.Unit {
	switch u {
	case model.LagWeeks:
		return schedule.Weeks
	case model.LagMonths:
		return schedule.Months
	case model.LagWorkingDays:
		return schedule.WorkingDays
	}
	return schedule.Days
}

func kindOf(k model.DependencyKind) schedule.Kind {
	switch k {
	case model.StartToStart:
		return schedule.StartToStart
	case model.FinishToFinish:
		return schedule.FinishToFinish
	}
	return schedule.FinishToStart
}

// processKey is the engine ID of a step of the elaboration process.
func processKey(st model.StepState) string { return "p-" + string(st.Step) }

// plan builds the engine's plan: scheduled activities (a relative start becomes a start-to-start or
// finish-to-start dependency on its anchor), milestones, dependencies and, when withProcess is set, the steps
// of the elaboration process that have planned dates. Dependencies on something no longer scheduled are left
// out; the pages flag a lost anchor from the schedule itself.
func (d *planData) plan(withProcess bool) schedule.Plan {
	p := schedule.Plan{Term: termOf(d.Strategy), Calendar: d.Calendar}
	for _, a := range d.Activities {
		sc, ok := d.Schedules[a.ID]
		if !ok {
			continue
		}
		n := model.Node{Kind: model.NodeActivity, ID: a.ID}
		act := schedule.Activity{ID: n.Key(), Name: a.Title, Duration: sc.DurationDays, Prep: sc.PrepDays, FollowUp: sc.FollowUpDays}
		switch {
		case sc.StartKind == model.StartAbsolute:
			act.Start = schedule.FromTime(sc.StartDate)
		case !sc.Anchor.IsZero() && d.has(sc.Anchor):
			kind := schedule.FinishToStart
			if sc.AnchorEdge == model.EdgeStart {
				kind = schedule.StartToStart
			}
			p.Dependencies = append(p.Dependencies, schedule.Dependency{From: sc.Anchor.Key(), To: n.Key(), Kind: kind,
				Lag: schedule.Lag{N: sc.OffsetN, Unit: unitOf(sc.OffsetUnit)}})
		}
		p.Activities = append(p.Activities, act)
	}
	for _, m := range d.Milestones {
		p.Activities = append(p.Activities, schedule.Activity{ID: m.Node().Key(), Name: m.Title, Milestone: true, Start: schedule.FromTime(m.Date.First())})
	}
	for _, dep := range d.Deps {
		if d.has(dep.From) && d.has(dep.To) {
			p.Dependencies = append(p.Dependencies, schedule.Dependency{From: dep.From.Key(), To: dep.To.Key(), Kind: kindOf(dep.Kind),
				Lag: schedule.Lag{N: dep.LagN, Unit: unitOf(dep.LagUnit)}})
		}
	}
	if withProcess {
		for _, st := range d.Steps {
			if st.PlannedStart.IsZero() || st.PlannedEnd.Before(st.PlannedStart) {
				continue
			}
			start := schedule.FromTime(st.PlannedStart)
			p.Activities = append(p.Activities, schedule.Activity{ID: processKey(st), Name: st.Definition().Title, Start: start,
				Duration: schedule.FromTime(st.PlannedEnd).Sub(start) + 1})
		}
	}
	return p
}

// compute runs the engine on the plan.
func (d *planData) compute(withProcess bool) (*schedule.Result, error) {
	return schedule.Compute(d.plan(withProcess))
}

// planningStrategy returns the strategy a planning page is about: the one named by ?strategie=, else the
// one the session looks at (viewedStrategy); ok is false when a response was written (none yet, or not this authority's).
func (s *Server) planningStrategy(w http.ResponseWriter, r *http.Request, ws *workspace) (model.Strategy, []model.Strategy, bool) {
	st, list, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.storeFailed(w, r, err)
		return model.Strategy{}, nil, false
	}
	if !ok {
		s.render(w, r, http.StatusOK, "planning_empty", view{Title: "Planification", Section: "planification", WS: ws})
		return st, nil, false
	}
	return st, list, true
}

// activityFromPath loads the activity named in the URL and the planning data of its strategy.
func (s *Server) activityFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (model.Activity, *planData, bool) {
	id, ok := pathID(r, "activity")
	if !ok {
		s.notFound(w, r)
		return model.Activity{}, nil, false
	}
	a, d, err := s.loadActivityPlan(r.Context(), ws.Authority.ID, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case err != nil:
		s.serverError(w, r, err)
	default:
		s.showStrategyOf(r, ws, a.StrategyID)
	}
	return a, d, err == nil
}

func (s *Server) loadActivityPlan(ctx context.Context, authorityID, id int64) (model.Activity, *planData, error) {
	a, err := s.store.Activity(ctx, authorityID, id)
	if err != nil {
		return a, nil, err
	}
	st, err := s.store.Strategy(ctx, authorityID, a.StrategyID)
	if err != nil {
		return a, nil, err
	}
	d, err := s.loadPlan(ctx, authorityID, st)
	return a, d, err
}

// strategyQuery is the ?strategie= suffix that keeps a page's links on its strategy. An authority with a
// single strategy needs none; with several, the links name it, whatever the session chose meanwhile.
func strategyQuery(st model.Strategy, list []model.Strategy) string {
	if len(list) <= 1 {
		return ""
	}
	return "?strategie=" + strconv.FormatInt(st.ID, 10)
}
