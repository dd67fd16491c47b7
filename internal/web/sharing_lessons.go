package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/refdata/country"
	"boussole/internal/sharing"
	"boussole/internal/store"
)

// lessonsPage lists the authority's lessons learned, with the form that adds one.
type lessonsPage struct {
	Lessons      []lessonRow
	Edit         *sharing.Lesson // the lesson the form edits; nil to add one
	Countries    []option
	Difficulties []option
}

type lessonRow struct {
	L       sharing.Lesson
	URL     string
	Country string
}

func lessonOptions(p *lessonsPage) {
	for _, c := range country.All() {
		p.Countries = append(p.Countries, option{c.Alpha2, c.Name})
	}
	for _, d := range sharing.Difficulties {
		p.Difficulties = append(p.Difficulties, option{string(d), d.Label()})
	}
}

func (s *Server) listLessons(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderLessons(w, r, ws, http.StatusOK, newForm(nil), nil)
}

func (s *Server) renderLessons(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form, edit *sharing.Lesson) {
	list, err := s.store.Lessons(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := lessonsPage{Edit: edit}
	lessonOptions(&p)
	for _, l := range list {
		p.Lessons = append(p.Lessons, lessonRow{L: l, URL: ws.Prefix() + "/lecons/" + strconv.FormatInt(l.ID, 10), Country: country.Name(l.Country)})
	}
	v := view{Title: "Leçons apprises", WS: ws, Section: "bibliotheque", Form: f}
	content := lessonsContent(v, p)
	if edit != nil {
		content = lessonContent(v, p)
	}
	s.renderComponent(w, r, status, v, content)
}

func (s *Server) lessonFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (sharing.Lesson, bool) {
	id, ok := pathID(r, "lesson")
	if !ok {
		s.notFound(w, r)
		return sharing.Lesson{}, false
	}
	l, err := s.store.Lesson(r.Context(), ws.Authority.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return l, false
	}
	if err != nil {
		s.serverError(w, r, err)
		return l, false
	}
	return l, true
}

func (s *Server) showLesson(w http.ResponseWriter, r *http.Request, ws *workspace) {
	l, ok := s.lessonFromPath(w, r, ws)
	if !ok {
		return
	}
	f := newForm(nil)
	f.Values.Set("title", l.Title)
	f.Values.Set("text", l.Text)
	f.Values.Set("country", l.Country)
	f.Values.Set("theme", l.Theme)
	f.Values.Set("difficulty", string(l.Difficulty))
	if l.Shared {
		f.Values.Set("shared", "oui")
	}
	f.Values.Set("version", strconv.FormatInt(l.Version, 10))
	s.renderLessons(w, r, ws, http.StatusOK, f, &l)
}

// readLesson reads the form into l and checks it, the refusals at their fields.
func readLesson(f *form, l *sharing.Lesson) {
	l.Title, l.Text, l.Theme = f.Get("title"), f.Get("text"), f.Get("theme")
	l.Country, l.Difficulty, l.Shared = strings.ToUpper(f.Get("country")), sharing.Difficulty(f.Get("difficulty")), f.Get("shared") == "oui"
	f.FailFields(sharing.CheckLesson(*l, knownCountry), nil)
}

func (s *Server) createLesson(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	l := sharing.Lesson{AuthorityID: ws.Authority.ID}
	readLesson(f, &l)
	if !f.OK() {
		s.renderLessons(w, r, ws, http.StatusUnprocessableEntity, f, nil)
		return
	}
	if err := s.store.SaveLesson(r.Context(), actor(r), &l); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/lecons/"+strconv.FormatInt(l.ID, 10)+"?ok=enregistre")
}

func (s *Server) updateLesson(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	l, ok := s.lessonFromPath(w, r, ws)
	if !ok {
		return
	}
	l.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
	readLesson(f, &l)
	if f.OK() {
		err := s.store.SaveLesson(r.Context(), actor(r), &l)
		if err == nil {
			redirect(w, r, ws.Prefix()+"/lecons/"+strconv.FormatInt(l.ID, 10)+"?ok=enregistre")
			return
		}
		if !errors.Is(err, store.ErrConflict) {
			s.serverError(w, r, err)
			return
		}
		f.Top = "Quelqu'un a modifié cette leçon pendant que vous la modifiiez : rechargez la page pour voir sa version, votre saisie est affichée ci-dessous."
	}
	s.renderLessons(w, r, ws, http.StatusUnprocessableEntity, f, &l)
}

// lessonDeletePage confirms the deletion of a lesson.
type lessonDeletePage struct {
	L   sharing.Lesson
	URL string
}

func (s *Server) confirmDeleteLesson(w http.ResponseWriter, r *http.Request, ws *workspace) {
	l, ok := s.lessonFromPath(w, r, ws)
	if !ok {
		return
	}
	d := lessonDeletePage{L: l, URL: ws.Prefix() + "/lecons/" + strconv.FormatInt(l.ID, 10)}
	s.renderComponent(w, r, http.StatusOK, view{Title: "Supprimer une leçon", WS: ws, Section: "bibliotheque"}, lessonDeleteContent(d))
}

func (s *Server) deleteLesson(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	l, ok := s.lessonFromPath(w, r, ws)
	if !ok {
		return
	}
	version, _ := strconv.ParseInt(f.Get("version"), 10, 64)
	if err := s.store.DeleteLesson(r.Context(), actor(r), ws.Authority.ID, l.ID, version); err != nil && !errors.Is(err, store.ErrNotFound) {
		if errors.Is(err, store.ErrConflict) {
			redirect(w, r, ws.Prefix()+"/lecons/"+strconv.FormatInt(l.ID, 10))
			return
		}
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/lecons?ok=lecon-supprimee")
}
