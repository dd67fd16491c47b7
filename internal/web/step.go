package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"boussole/internal/model"
	"boussole/internal/process"
	"boussole/internal/store"
)

// showStep shows one step of the tracker with its form.
func (s *Server) showStep(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, step, ok := s.stepFromPath(w, r, ws)
	if !ok {
		return
	}
	v := view{Title: step.Definition().Title, WS: ws, Section: "accueil", Form: stepForm(step)}
	s.renderComponent(w, r, http.StatusOK, v, strategyStepContent(v, stepPage{Strategy: st, Step: step}))
}

func stepForm(step model.StepState) *form {
	f := newForm(nil)
	f.Values.Set("status", string(step.Status))
	f.Values.Set("owner", step.Owner)
	f.Values.Set("planned_start", isoDate(step.PlannedStart))
	f.Values.Set("planned_end", isoDate(step.PlannedEnd))
	f.Values.Set("actual_start", isoDate(step.ActualStart))
	f.Values.Set("actual_end", isoDate(step.ActualEnd))
	f.Values.Set("notes", step.Notes)
	f.Values.Set("version", strconv.FormatInt(step.Version, 10))
	return f
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func (s *Server) updateStep(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, stored, ok := s.stepFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	step := stored
	readStepFields(f, &step)
	data := stepPage{Strategy: st, Step: stored}
	status := http.StatusUnprocessableEntity
	if f.OK() {
		err := s.store.UpdateStep(r.Context(), actor(r), &step)
		if err == nil {
			redirect(w, r, ws.Prefix()+"/strategies/"+strconv.FormatInt(st.ID, 10)+"?ok=enregistre#etape-"+string(step.Step))
			return
		}
		if !errors.Is(err, store.ErrConflict) {
			s.serverError(w, r, err)
			return
		}
		status = http.StatusConflict
		f.Top = conflictMessage
		theirs, err := s.store.Step(r.Context(), ws.Authority.ID, st.ID, stored.Step)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		data.Theirs = &theirs
	}
	v := view{Title: stored.Definition().Title, WS: ws, Section: "accueil", Form: f}
	s.renderComponent(w, r, status, v, strategyStepContent(v, data))
}

// readStepFields validates the step form into step.
func readStepFields(f *form, step *model.StepState) {
	step.Status = process.Status(f.Get("status"))
	if !step.Status.Valid() {
		f.Fail("status", "Choisissez un statut dans la liste.")
	}
	f.MaxLength("owner", 120)
	f.MaxLength("notes", 5000)
	step.Owner, step.Notes = f.Get("owner"), f.Get("notes")
	dates := []struct {
		field string
		dst   *time.Time
	}{
		{"planned_start", &step.PlannedStart}, {"planned_end", &step.PlannedEnd},
		{"actual_start", &step.ActualStart}, {"actual_end", &step.ActualEnd},
	}
	for _, d := range dates {
		t, ok := parseDate(f.Get(d.field))
		if !ok {
			f.Fail(d.field, "Date invalide : utilisez le format jj/mm/aaaa.")
			continue
		}
		*d.dst = t
	}
	if !step.PlannedStart.IsZero() && !step.PlannedEnd.IsZero() && step.PlannedEnd.Before(step.PlannedStart) {
		f.Fail("planned_end", "La fin prévue doit venir après le début prévu.")
	}
	if !step.ActualStart.IsZero() && !step.ActualEnd.IsZero() && step.ActualEnd.Before(step.ActualStart) {
		f.Fail("actual_end", "La fin réelle doit venir après le début réel.")
	}
	step.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
}

func (s *Server) stepFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (model.Strategy, model.StepState, bool) {
	st, ok := s.strategyFromPath(w, r, ws)
	if !ok {
		return st, model.StepState{}, false
	}
	step, err := s.store.Step(r.Context(), ws.Authority.ID, st.ID, process.Step(r.PathValue("step")))
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return st, step, false
	}
	if err != nil {
		s.serverError(w, r, err)
		return st, step, false
	}
	return st, step, true
}
