package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"time"

	"boussole/internal/access"
	"boussole/internal/steering"
	"boussole/internal/store"
)

// meetingsPage lists the authority's meetings with the form to add one.
type meetingsPage struct {
	Upcoming, Past []meetingLine
	Kinds          []steering.Kind
	People         []meetingPerson
	Manage         bool
}

// meetingLine is a meeting in the list.
type meetingLine struct {
	M             steering.Meeting
	URL           string
	Came, Invited int
}

// meetingPerson is a stakeholder one may invite.
type meetingPerson struct {
	ID   int64
	Name string
}

// meetingPage is the page of one meeting.
type meetingPage struct {
	M      steering.Meeting
	URL    string
	Kinds  []steering.Kind
	People []meetingPerson
	Names  map[int64]string
	Manage bool
}

func (s *Server) meetingPeople(r *http.Request, ws *workspace) ([]meetingPerson, error) {
	list, err := s.store.Stakeholders(r.Context(), ws.Authority.ID)
	if err != nil {
		return nil, err
	}
	out := make([]meetingPerson, len(list))
	for i, sh := range list {
		out[i] = meetingPerson{ID: sh.ID, Name: sh.Name}
	}
	return out, nil
}

func meetingForm(m steering.Meeting) *form {
	f := newForm(nil)
	if m.Kind == "" {
		m.Kind = steering.Committee
	}
	f.Values.Set("kind", string(m.Kind))
	f.Values.Set("title", m.Title)
	f.Values.Set("held_on", isoDate(m.Date))
	f.Values.Set("place", m.Place)
	if m.Online {
		f.Values.Set("online", "1")
	}
	f.Values.Set("agenda", m.Agenda)
	f.Values.Set("minutes", m.Minutes)
	f.Values.Set("decisions", m.Decisions)
	for _, id := range m.Invited {
		f.Values.Add("invited", strconv.FormatInt(id, 10))
	}
	for _, id := range m.Attended {
		f.Values.Add("attended", strconv.FormatInt(id, 10))
	}
	f.Values.Set("version", strconv.FormatInt(m.Version, 10))
	return f
}

func readMeetingFields(f *form, m *steering.Meeting, people []meetingPerson) {
	m.Kind, m.Title, m.Place, m.Online = steering.Kind(f.Get("kind")), f.Get("title"), f.Get("place"), f.Get("online") != ""
	m.Agenda, m.Minutes, m.Decisions = f.Get("agenda"), f.Get("minutes"), f.Get("decisions")
	var ok bool
	if m.Date, ok = parseDate(f.Get("held_on")); !ok {
		f.Fail("held_on", "Saisissez une date valide, par exemple 24/06/2027.")
	}
	known := map[int64]bool{}
	for _, p := range people {
		known[p.ID] = true
	}
	read := func(name string) []int64 {
		var out []int64
		for _, v := range f.Checked(name) {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil || !known[id] {
				f.Fail(name, "Choisissez les acteurs dans la liste : l'un d'eux n'existe plus dans la cartographie.")
				continue
			}
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		return out
	}
	m.Invited, m.Attended = read("invited"), read("attended")
	m.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
	for field, msg := range m.Check() {
		if field == "date" {
			field = "held_on"
		}
		f.Fail(field, msg)
	}
}

func (s *Server) showMeetings(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderMeetings(w, r, ws, http.StatusOK, meetingForm(steering.Meeting{}))
}

func (s *Server) renderMeetings(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	list, err := s.store.Meetings(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	people, err := s.meetingPeople(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := meetingsPage{Kinds: steering.Kinds, People: people, Manage: access.Can(ws.Role, access.ManageParticipation)}
	now := time.Now()
	for _, m := range list {
		came, inv := m.Attendance()
		line := meetingLine{M: m, URL: s.participationPrefix(ws) + "/reunions/" + strconv.FormatInt(m.ID, 10), Came: came, Invited: inv}
		if m.Past(now) {
			d.Past = append(d.Past, line)
		} else {
			d.Upcoming = append([]meetingLine{line}, d.Upcoming...) // soonest first
		}
	}
	v := view{Title: "Comités et groupes de travail", Section: "participation", WS: ws, Form: f}
	s.renderComponent(w, r, status, v, participationMeetingsContent(v, d))
}

func (s *Server) createMeeting(w http.ResponseWriter, r *http.Request, ws *workspace) {
	people, err := s.meetingPeople(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := parseForm(w, r)
	m := steering.Meeting{AuthorityID: ws.Authority.ID}
	readMeetingFields(f, &m, people)
	if !f.OK() {
		s.renderMeetings(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	if err := s.store.SaveMeeting(r.Context(), actor(r), &m); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.participationPrefix(ws)+"/reunions/"+strconv.FormatInt(m.ID, 10)+"?ok=enregistre")
}

func (s *Server) meetingFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (steering.Meeting, bool) {
	id, ok := pathID(r, "meeting")
	if !ok {
		s.notFound(w, r)
		return steering.Meeting{}, false
	}
	m, err := s.store.Meeting(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.serverError(w, r, err)
		return m, false
	}
	return m, true
}

func (s *Server) renderMeeting(w http.ResponseWriter, r *http.Request, ws *workspace, status int, m steering.Meeting, f *form) {
	people, err := s.meetingPeople(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	names := map[int64]string{}
	for _, p := range people {
		names[p.ID] = p.Name
	}
	d := meetingPage{M: m, URL: s.participationPrefix(ws) + "/reunions/" + strconv.FormatInt(m.ID, 10), Kinds: steering.Kinds, People: people,
		Names: names, Manage: access.Can(ws.Role, access.ManageParticipation)}
	v := view{Title: m.Summary(), Section: "participation", WS: ws, Form: f,
		Notice: participationNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, participationMeetingContent(v, d))
}

func (s *Server) showMeeting(w http.ResponseWriter, r *http.Request, ws *workspace) {
	m, ok := s.meetingFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderMeeting(w, r, ws, http.StatusOK, m, meetingForm(m))
}

func (s *Server) updateMeeting(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.meetingFromPath(w, r, ws)
	if !ok {
		return
	}
	people, err := s.meetingPeople(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := parseForm(w, r)
	m := stored
	readMeetingFields(f, &m, people)
	if !f.OK() {
		s.renderMeeting(w, r, ws, http.StatusUnprocessableEntity, stored, f)
		return
	}
	err = s.store.SaveMeeting(r.Context(), actor(r), &m)
	if errors.Is(err, store.ErrConflict) {
		theirs, err := s.store.Meeting(r.Context(), ws.Authority.ID, m.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		f.Top = "Quelqu'un a modifié cette réunion pendant que vous la modifiiez : rechargez la page pour voir sa version, puis reportez vos changements."
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderMeeting(w, r, ws, http.StatusConflict, stored, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.participationPrefix(ws)+"/reunions/"+strconv.FormatInt(m.ID, 10)+"?ok=enregistre")
}

func (s *Server) confirmDeleteMeeting(w http.ResponseWriter, r *http.Request, ws *workspace) {
	m, ok := s.meetingFromPath(w, r, ws)
	if !ok {
		return
	}
	url := s.participationPrefix(ws) + "/reunions/" + strconv.FormatInt(m.ID, 10)
	v := view{Title: "Supprimer la réunion", Section: "participation", WS: ws}
	s.renderComponent(w, r, http.StatusOK, v, participationConfirmContent(v, participationConfirm{
		Heading: "Supprimer « " + m.Title + " » ?", Text: "L'ordre du jour, le compte rendu, les décisions et la liste des présents seront supprimés pour de bon.",
		Button: "Supprimer la réunion", Action: url + "/suppression", Cancel: url}))
}

func (s *Server) deleteMeeting(w http.ResponseWriter, r *http.Request, ws *workspace) {
	m, ok := s.meetingFromPath(w, r, ws)
	if !ok {
		return
	}
	if err := s.store.DeleteMeeting(r.Context(), actor(r), ws.Authority.ID, m.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.participationPrefix(ws)+"/reunions")
}
