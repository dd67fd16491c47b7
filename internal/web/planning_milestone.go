package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/frfmt"
	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/store"
)

func milestoneForm(m schedule.MilestoneRecord) *form {
	f := newForm(nil)
	if m.Kind == "" {
		m.Kind = schedule.MilestoneSteering
	}
	f.Values.Set("kind", string(m.Kind))
	f.Values.Set("title", m.Title)
	f.Values.Set("date", m.Date.Input())
	f.Values.Set("notes", m.Notes)
	if m.Public {
		f.Values.Set("public", "1")
	}
	f.Values.Set("version", strconv.FormatInt(m.Version, 10))
	return f
}

func readMilestoneFields(f *form, m *schedule.MilestoneRecord) {
	f.Required("title", "date")
	f.MaxLength("title", 200)
	f.MaxLength("notes", 2000)
	m.Kind = schedule.MilestoneKind(f.Get("kind"))
	if !m.Kind.Valid() {
		f.Fail("kind", "Choisissez le type de jalon dans la liste.")
	}
	m.Title, m.Notes, m.Public = f.Get("title"), f.Get("notes"), f.Get("public") != ""
	m.Date = formPartialDate(f, "date")
	m.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
}

// listMilestones shows a strategy's milestones with the form to add one.
func (s *Server) listMilestones(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, list, ok := s.planningStrategy(w, r, ws)
	if !ok {
		return
	}
	s.renderMilestones(w, r, ws, http.StatusOK, st, list, milestoneForm(schedule.MilestoneRecord{}))
}

func (s *Server) renderMilestones(w http.ResponseWriter, r *http.Request, ws *workspace, status int, st model.Strategy, list []model.Strategy, f *form) {
	d, err := s.loadPlan(r.Context(), ws.Authority.ID, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var flags map[string]string
	if res, err := d.compute(false); err == nil {
		flags = map[string]string{}
		for _, m := range d.Milestones {
			if t, ok := res.Timing(m.Node().Key()); ok {
				flags[m.Node().Key()] = timingOutside(t)
				if t.Start.Time().After(m.Date.First()) {
					flags[m.Node().Key()] = "repoussé au " + frfmt.Date(t.Start.Time()) + " par ses dépendances"
				}
			}
		}
	}
	v := view{Title: "Jalons", Section: "planification", WS: ws, Form: f}
	s.renderComponent(w, r, status, v, planningMilestonesContent(v, milestonesPage{
		Plan: d, Kinds: schedule.MilestoneKinds, Flags: flags, Strategies: list, Query: strategyQuery(st, list),
	}))
}

func (s *Server) createMilestone(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	id, _ := strconv.ParseInt(f.Get("strategie"), 10, 64)
	st, err := s.store.Strategy(r.Context(), ws.Authority.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	m := schedule.MilestoneRecord{AuthorityID: ws.Authority.ID, StrategyID: st.ID}
	readMilestoneFields(f, &m)
	if !f.OK() {
		list, _ := s.store.Strategies(r.Context(), ws.Authority.ID)
		s.renderMilestones(w, r, ws, http.StatusUnprocessableEntity, st, list, f)
		return
	}
	if err := s.store.CreateMilestone(r.Context(), actor(r), &m); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.planAfterSave(w, r, ws, st, "jalon", nil)
}

func (s *Server) loadMilestonePlan(ctx context.Context, authorityID, id int64) (schedule.MilestoneRecord, *planData, error) {
	m, err := s.store.Milestone(ctx, authorityID, id)
	if err != nil {
		return m, nil, err
	}
	st, err := s.store.Strategy(ctx, authorityID, m.StrategyID)
	if err != nil {
		return m, nil, err
	}
	d, err := s.loadPlan(ctx, authorityID, st)
	return m, d, err
}

func (s *Server) milestoneFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (schedule.MilestoneRecord, *planData, bool) {
	id, ok := pathID(r, "milestone")
	if !ok {
		s.notFound(w, r)
		return schedule.MilestoneRecord{}, nil, false
	}
	m, d, err := s.loadMilestonePlan(r.Context(), ws.Authority.ID, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case err != nil:
		s.serverError(w, r, err)
	default:
		s.showStrategyOf(r, ws, m.StrategyID)
	}
	return m, d, err == nil
}

func (s *Server) renderMilestone(w http.ResponseWriter, r *http.Request, ws *workspace, status int, m schedule.MilestoneRecord, d *planData, f, depForm *form) {
	acts, jalons := d.nodeOptions(m.Node())
	var in []schedule.DependencyRecord
	for _, dep := range d.Dependencies {
		if dep.To == m.Node() {
			in = append(in, dep)
		}
	}
	if depForm == nil {
		depForm = newForm(nil)
	}
	data := milestonePage{Milestone: m, Plan: d, Kinds: schedule.MilestoneKinds, planDepsData: planDepsData{Acts: acts, Jalons: jalons, Self: m.Node().Key(),
		DepsIn: in, DepForm: depForm, DepKinds: schedule.Kinds, Units: schedule.Units}}
	v := view{Title: "Jalon « " + m.Title + " »", Section: "planification", WS: ws, Form: f}
	s.renderComponent(w, r, status, v, planningMilestoneContent(v, data))
}

func (s *Server) showMilestone(w http.ResponseWriter, r *http.Request, ws *workspace) {
	m, d, ok := s.milestoneFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderMilestone(w, r, ws, http.StatusOK, m, d, milestoneForm(m), nil)
}

func (s *Server) updateMilestone(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, d, ok := s.milestoneFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	m := stored
	readMilestoneFields(f, &m)
	if !f.OK() {
		s.renderMilestone(w, r, ws, http.StatusUnprocessableEntity, stored, d, f, nil)
		return
	}
	before, _ := d.compute(true)
	err := s.store.UpdateMilestone(r.Context(), actor(r), &m)
	if errors.Is(err, store.ErrConflict) {
		theirs, err := s.store.Milestone(r.Context(), ws.Authority.ID, m.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		v := view{Title: "Jalon « " + stored.Title + " »", Section: "planification", WS: ws, Form: f}
		s.renderComponent(w, r, http.StatusConflict, v, planningMilestoneContent(v,
			milestonePage{Milestone: stored, Theirs: &theirs, Plan: d, Kinds: schedule.MilestoneKinds, planDepsData: planDepsData{DepForm: newForm(nil)}}))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.planAfterSave(w, r, ws, d.Strategy, "jalon", before)
}

func (s *Server) confirmDeleteMilestone(w http.ResponseWriter, r *http.Request, ws *workspace) {
	m, _, ok := s.milestoneFromPath(w, r, ws)
	if !ok {
		return
	}
	anchored, deps, err := s.store.MilestoneUses(r.Context(), ws.Authority.ID, m.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	text := "Le jalon (" + m.Date.String() + ") disparaîtra du chronogramme et des agendas."
	if deps > 0 {
		text += " " + planPlural(deps, "dépendance qui le concerne sera supprimée", "dépendances qui le concernent seront supprimées") + "."
	}
	if anchored > 0 {
		text += " " + planPlural(anchored, "activité commence", "activités commencent") + " par rapport à ce jalon : " +
			"elles garderont leur calendrier, signalé comme à revoir, jusqu'à ce que vous leur donniez une autre référence."
	}
	s.renderComponent(w, r, http.StatusOK, view{Title: "Supprimer le jalon", Section: "planification", WS: ws}, planningConfirmContent(planConfirmPage{
		Heading: "Supprimer le jalon « " + m.Title + " » ?", Text: text, Button: "Supprimer le jalon", Cancel: planNodeURL(ws, m.Node()),
	}))
}

func (s *Server) deleteMilestone(w http.ResponseWriter, r *http.Request, ws *workspace) {
	m, d, ok := s.milestoneFromPath(w, r, ws)
	if !ok {
		return
	}
	before, _ := d.compute(true)
	if err := s.store.DeleteMilestone(r.Context(), actor(r), ws.Authority.ID, m.ID); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			s.notFound(w, r)
			return
		}
		s.serverError(w, r, err)
		return
	}
	s.planAfterSave(w, r, ws, d.Strategy, "suppression", before)
}

// planPlural writes « 1 activité commence » or « 3 activités commencent ».
func planPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
