package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/logframe"
	"boussole/internal/store"
)

// thematicFromPath loads the thematic priority named in the URL; another authority's is a 404.
func (s *Server) thematicFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (logframe.ThematicPriorityRecord, bool) {
	id, ok := pathID(r, "theme")
	if !ok {
		s.notFound(w, r)
		return logframe.ThematicPriorityRecord{}, false
	}
	t, err := s.store.ThematicPriority(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return t, false
	}
	return t, true
}

// readThematic reads the thematic priority form into t.
func readThematic(fm *form, t *logframe.ThematicPriorityRecord) {
	t.Policy, t.Service, t.Description = cleanLine(fm, "politique"), cleanLine(fm, "service"), cleanText(fm, "description")
	fm.Required("politique")
	fm.MaxLength("politique", logframe.MaxTitleLen)
	fm.MaxLength("service", logframe.MaxTitleLen)
	fm.MaxLength("description", logframe.MaxTextLen)
}

func (s *Server) showThematic(w http.ResponseWriter, r *http.Request, ws *workspace) {
	t, ok := s.thematicFromPath(w, r, ws)
	if !ok {
		return
	}
	fm := newForm(nil)
	fm.Values.Set("politique", t.Policy)
	fm.Values.Set("service", t.Service)
	fm.Values.Set("description", t.Description)
	fm.Values.Set("version", strconv.FormatInt(t.Version, 10))
	s.renderThematic(w, r, ws, t, fm, nil, http.StatusOK)
}

func (s *Server) renderThematic(w http.ResponseWriter, r *http.Request, ws *workspace, t logframe.ThematicPriorityRecord, fm *form, theirs *logframe.ThematicPriorityRecord, status int) {
	v := view{Title: "Priorité thématique : " + t.Policy, WS: ws, Section: "strategie", Form: fm}
	s.renderComponent(w, r, status, v, frameworkThematicContent(v, thematicPage{T: t, Theirs: theirs, Policies: policies}))
}

func (s *Server) updateThematic(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.thematicFromPath(w, r, ws)
	if !ok {
		return
	}
	fm := parseForm(w, r)
	t := stored
	t.Version = formVersion(fm)
	readThematic(fm, &t)
	if !fm.OK() {
		s.renderThematic(w, r, ws, stored, fm, nil, http.StatusUnprocessableEntity)
		return
	}
	err := s.store.SaveThematicPriority(r.Context(), actor(r), &t)
	if errors.Is(err, store.ErrConflict) {
		fm.Top = conflictMessage
		fm.Values.Set("version", strconv.FormatInt(stored.Version, 10))
		s.renderThematic(w, r, ws, stored, fm, &stored, http.StatusConflict)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/strategie?ok=enregistre#thematiques")
}

func (s *Server) confirmDeleteThematic(w http.ResponseWriter, r *http.Request, ws *workspace) {
	t, ok := s.thematicFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderThematicDelete(w, r, ws, t, false, http.StatusOK)
}

func (s *Server) renderThematicDelete(w http.ResponseWriter, r *http.Request, ws *workspace, t logframe.ThematicPriorityRecord, conflict bool, status int) {
	v := view{Title: "Supprimer la priorité thématique « " + t.Policy + " » ?", WS: ws, Section: "strategie"}
	s.renderComponent(w, r, status, v, frameworkThematicDeleteContent(v, thematicDeletePage{T: t, Conflict: conflict}))
}

func (s *Server) deleteThematic(w http.ResponseWriter, r *http.Request, ws *workspace) {
	t, ok := s.thematicFromPath(w, r, ws)
	if !ok {
		return
	}
	fm := parseForm(w, r)
	err := s.store.DeleteThematicPriority(r.Context(), actor(r), ws.Authority.ID, t.ID, formVersion(fm))
	if errors.Is(err, store.ErrConflict) {
		s.renderThematicDelete(w, r, ws, t, true, http.StatusConflict)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/strategie?ok=supprime#thematiques")
}
