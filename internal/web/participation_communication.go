package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/communication"
	"boussole/internal/store"
)

// commPlanPage is the communication plan: the external and internal actions, and the form to add one.
type commPlanPage struct {
	External, Internal []commLine
	Kinds              []communication.Kind
	Manage             bool
}

// commLine is an action in the plan.
type commLine struct {
	A   communication.Action
	URL string
}

// commActionPage is the page of one action.
type commActionPage struct {
	A     communication.Action
	URL   string
	Kinds []communication.Kind
}

func (s *Server) commURL(ws *workspace, id int64) string {
	return s.participationPrefix(ws) + "/communication/" + strconv.FormatInt(id, 10)
}

func commForm(a communication.Action) *form {
	f := newForm(nil)
	if a.Kind == "" {
		a.Kind = communication.PublishedCalendar
	}
	f.Values.Set("kind", string(a.Kind))
	f.Values.Set("title", a.Title)
	f.Values.Set("start_on", isoDate(a.Start))
	f.Values.Set("end_on", isoDate(a.End))
	f.Values.Set("owner", a.Owner)
	f.Values.Set("audience", a.Audience)
	if a.Done {
		f.Values.Set("done", "1")
	}
	f.Values.Set("notes", a.Notes)
	f.Values.Set("version", strconv.FormatInt(a.Version, 10))
	return f
}

func readCommFields(f *form, a *communication.Action) {
	a.Kind, a.Title, a.Owner, a.Audience = communication.Kind(f.Get("kind")), f.Get("title"), f.Get("owner"), f.Get("audience")
	a.Done, a.Notes = f.Get("done") != "", f.Get("notes")
	var ok bool
	if a.Start, ok = parseDate(f.Get("start_on")); !ok {
		f.Fail("start_on", "Saisissez une date valide, par exemple 15/01/2027.")
	}
	if a.End, ok = parseDate(f.Get("end_on")); !ok {
		f.Fail("end_on", "Saisissez une date valide, par exemple 15/01/2027.")
	}
	a.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
	for field, msg := range a.Check() {
		f.Fail(field, msg)
	}
}

func (s *Server) showCommPlan(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderCommPlan(w, r, ws, http.StatusOK, commForm(communication.Action{}))
}

func (s *Server) renderCommPlan(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	list, err := s.store.CommunicationPlan(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := commPlanPage{Kinds: communication.Kinds(), Manage: access.Can(ws.Role, access.ManageParticipation)}
	for _, a := range list {
		line := commLine{A: a, URL: s.commURL(ws, a.ID)}
		if a.Kind.Internal() {
			d.Internal = append(d.Internal, line)
		} else {
			d.External = append(d.External, line)
		}
	}
	v := view{Title: "Plan de communication", Section: "participation", WS: ws, Form: f}
	s.renderComponent(w, r, status, v, participationCommunicationContent(v, d))
}

func (s *Server) createCommAction(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	a := communication.Action{AuthorityID: ws.Authority.ID}
	readCommFields(f, &a)
	if !f.OK() {
		s.renderCommPlan(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	if err := s.store.SaveCommunicationAction(r.Context(), actor(r), &a); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.commURL(ws, a.ID)+"?ok=enregistre")
}

func (s *Server) commFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (communication.Action, bool) {
	id, ok := pathID(r, "action")
	if !ok {
		s.notFound(w, r)
		return communication.Action{}, false
	}
	a, err := s.store.CommunicationAction(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.serverError(w, r, err)
		return a, false
	}
	return a, true
}

func (s *Server) renderCommAction(w http.ResponseWriter, r *http.Request, ws *workspace, status int, a communication.Action, f *form) {
	v := view{Title: "Action « " + a.Title + " »", Section: "participation", WS: ws, Form: f,
		Notice: participationNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, participationCommActionContent(v, commActionPage{A: a, URL: s.commURL(ws, a.ID), Kinds: communication.Kinds()}))
}

func (s *Server) showCommAction(w http.ResponseWriter, r *http.Request, ws *workspace) {
	a, ok := s.commFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderCommAction(w, r, ws, http.StatusOK, a, commForm(a))
}

func (s *Server) updateCommAction(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.commFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	a := stored
	readCommFields(f, &a)
	if !f.OK() {
		s.renderCommAction(w, r, ws, http.StatusUnprocessableEntity, stored, f)
		return
	}
	err := s.store.SaveCommunicationAction(r.Context(), actor(r), &a)
	if errors.Is(err, store.ErrConflict) {
		theirs, err := s.store.CommunicationAction(r.Context(), ws.Authority.ID, a.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		f.Top = "Quelqu'un a modifié cette action pendant que vous la modifiiez : rechargez la page pour voir sa version, puis reportez vos changements."
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderCommAction(w, r, ws, http.StatusConflict, stored, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.commURL(ws, a.ID)+"?ok=enregistre")
}

func (s *Server) confirmDeleteCommAction(w http.ResponseWriter, r *http.Request, ws *workspace) {
	a, ok := s.commFromPath(w, r, ws)
	if !ok {
		return
	}
	url := s.commURL(ws, a.ID)
	v := view{Title: "Supprimer l'action", Section: "participation", WS: ws}
	s.renderComponent(w, r, http.StatusOK, v, participationConfirmContent(v, participationConfirm{
		Heading: "Supprimer l'action « " + a.Title + " » ?", Text: "Elle disparaîtra du plan de communication.",
		Button: "Supprimer l'action", Action: url + "/suppression", Cancel: url}))
}

func (s *Server) deleteCommAction(w http.ResponseWriter, r *http.Request, ws *workspace) {
	a, ok := s.commFromPath(w, r, ws)
	if !ok {
		return
	}
	if err := s.store.DeleteCommunicationAction(r.Context(), actor(r), ws.Authority.ID, a.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.participationPrefix(ws)+"/communication")
}
