package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// planData is what the planning pages read about one strategy: its planning records, from which
// schedule.Records.Plan builds the engine's plan, with lookups by ID for names.
type planData struct {
	schedule.Records
	Strategy   model.Strategy
	activity   map[int64]logframe.ActivityRecord
	milestone  map[int64]schedule.MilestoneRecord
	Objectives map[int64]schedule.ActivityObjective // by activity ID
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
	d := &planData{Records: whole.PlanRecords(), Strategy: whole.Record, activity: make(map[int64]logframe.ActivityRecord, len(whole.Framework.Activities)),
		milestone: make(map[int64]schedule.MilestoneRecord, len(p.Milestones)), Objectives: make(map[int64]schedule.ActivityObjective, len(p.Objectives))}
	for _, a := range d.Activities {
		d.activity[a.ID] = a
	}
	for _, m := range d.Milestones {
		d.milestone[m.ID] = m
	}
	for _, o := range p.Objectives {
		d.Objectives[o.ActivityID] = o
	}
	return d
}

// CalendarNote says in French which days a lag in working days skips, for the forms and the chronogramme.
func (d *planData) CalendarNote() string {
	if d.Calendar.AlsaceMoselle {
		return "Jours ouvrés : du lundi au vendredi, hors jours fériés, dont le Vendredi saint et le 26 décembre (droit local d'Alsace-Moselle)."
	}
	return "Jours ouvrés : du lundi au vendredi, hors jours fériés (lundis de Pâques et de Pentecôte et Ascension compris)."
}

// NodeName returns the title of an activity or milestone, or a French placeholder when it no longer exists.
func (d *planData) NodeName(n schedule.Node) string {
	switch n.Kind {
	case schedule.NodeMilestone:
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

// compute runs the engine on the strategy's plan.
func (d *planData) compute(withProcess bool) (*schedule.Result, error) {
	return schedule.Compute(d.Plan(withProcess))
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
		v := view{Title: "Planification", Section: "planification", WS: ws}
		s.renderComponent(w, r, http.StatusOK, v, planningEmptyContent(v))
		return st, nil, false
	}
	return st, list, true
}

// activityFromPath loads the activity named in the URL and the planning data of its strategy.
func (s *Server) activityFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (logframe.ActivityRecord, *planData, bool) {
	id, ok := pathID(r, "activity")
	if !ok {
		s.notFound(w, r)
		return logframe.ActivityRecord{}, nil, false
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

func (s *Server) loadActivityPlan(ctx context.Context, authorityID, id int64) (logframe.ActivityRecord, *planData, error) {
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
