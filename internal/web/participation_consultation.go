package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"boussole/internal/access"
	"boussole/internal/consultation"
	"boussole/internal/publicpage"
	"boussole/internal/store"
)

// participationNotices are the confirmations of the participation pages.
var participationNotices = map[string]string{
	"consultation": "La consultation est créée, en brouillon. Ajoutez ses questions, puis ouvrez-la.",
	"enregistre":   "Les modifications ont été enregistrées.",
	"question":     "La question est enregistrée.",
	"supprimee":    "La question est supprimée.",
	"ouverte":      "La consultation est ouverte : elle paraît sur la page publique et reçoit les contributions entre ses dates.",
	"close":        "La consultation est close : elle ne reçoit plus de contributions.",
	"brouillon":    "La consultation est revenue en brouillon : elle ne paraît plus sur la page publique.",
	"moderee":      "La contribution est modérée.",
	"themes":       "Les thèmes de la contribution sont enregistrés.",
	"synthese":     "La synthèse est enregistrée.",
}

// consultationPage is the team's page of one consultation: its definition, its questions, its status.
type consultationAdmin struct {
	C          consultation.Consultation
	Phase      consultation.Phase
	URL        string
	PublicURL  string
	Count      int
	Categories []consultation.Category
	Kinds      []consultation.Kind
	QForm      *form
	CanOpen    string // why it cannot be opened yet
	Missing    []string
	Manage     bool
}

// consultationFromPath loads the consultation of the path, or answers 404.
func (s *Server) consultationFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (consultation.Consultation, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return consultation.Consultation{}, false
	}
	c, err := s.store.Consultation(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.serverError(w, r, err) // ErrNotFound is a 404
		return c, false
	}
	return c, true
}

func (s *Server) showConsultation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderConsultationAdmin(w, r, ws, http.StatusOK, c, consultationForm(c), newQuestionForm())
}

func newQuestionForm() *form {
	f := newForm(nil)
	f.Values.Set("kind", string(consultation.OpenText))
	return f
}

func (s *Server) renderConsultationAdmin(w http.ResponseWriter, r *http.Request, ws *workspace, status int, c consultation.Consultation, f, qf *form) {
	counts, err := s.store.ContributionCounts(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p, err := s.store.PublicProfile(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := consultationAdmin{C: c, Phase: c.Phase(time.Now()), URL: s.consultationURL(ws, c.ID), Count: counts[c.ID],
		Categories: consultation.Categories, Kinds: consultation.Kinds, QForm: qf, CanOpen: c.CanOpen(),
		Missing: publicpage.Profile.Controller(p, ws.Authority.Name).Missing(), Manage: access.Can(ws.Role, access.ManageParticipation)}
	if p.Published && c.Public() {
		d.PublicURL = publicConsultationURL(ws.Authority, c.ID)
	}
	v := view{Title: "Consultation « " + c.Title + " »", Section: "participation", WS: ws, Form: f,
		Notice: participationNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, participationConsultationContent(v, d))
}

// updateConsultation saves the definition of a consultation.
func (s *Server) updateConsultation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	c := stored
	readConsultationFields(f, &c)
	if !f.OK() {
		s.renderConsultationAdmin(w, r, ws, http.StatusUnprocessableEntity, stored, f, newQuestionForm())
		return
	}
	if s.saveConsultation(w, r, ws, stored, &c, f) {
		redirect(w, r, s.consultationURL(ws, c.ID)+"?ok=enregistre")
	}
}

// saveConsultation stores c, answering a conflict with the form kept; it reports whether it saved.
func (s *Server) saveConsultation(w http.ResponseWriter, r *http.Request, ws *workspace, stored consultation.Consultation, c *consultation.Consultation, f *form) bool {
	err := s.store.UpdateConsultation(r.Context(), actor(r), c)
	if errors.Is(err, store.ErrConflict) {
		theirs, err := s.store.Consultation(r.Context(), ws.Authority.ID, c.ID)
		if err != nil {
			s.serverError(w, r, err)
			return false
		}
		f.Top = "Quelqu'un a modifié cette consultation pendant que vous la modifiiez : rechargez la page pour voir sa version, puis reportez vos changements."
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderConsultationAdmin(w, r, ws, http.StatusConflict, stored, f, newQuestionForm())
		return false
	}
	if err != nil {
		s.serverError(w, r, err)
		return false
	}
	return true
}

// setConsultationStatus opens, closes or returns a consultation to draft.
func (s *Server) setConsultationStatus(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	c := stored
	c.Status = consultation.Status(f.Get("status"))
	c.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
	switch c.Status {
	case consultation.Open:
		if msg := c.CanOpen(); msg != "" {
			f.Top = msg
		}
	case consultation.Closed, consultation.Draft:
	default:
		f.Top = "Choisissez d'ouvrir, de clore la consultation ou de la remettre en brouillon."
	}
	cf := consultationForm(stored)
	if !f.OK() {
		cf.Top = f.Top
		s.renderConsultationAdmin(w, r, ws, http.StatusUnprocessableEntity, stored, cf, newQuestionForm())
		return
	}
	if s.saveConsultation(w, r, ws, stored, &c, cf) {
		redirect(w, r, s.consultationURL(ws, c.ID)+"?ok="+string(c.Status))
	}
}

// confirmDeleteConsultation asks before deleting a consultation and its contributions.
func (s *Server) confirmDeleteConsultation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	counts, _ := s.store.ContributionCounts(r.Context(), ws.Authority.ID)
	v := view{Title: "Supprimer la consultation", Section: "participation", WS: ws}
	s.renderComponent(w, r, http.StatusOK, v, participationConfirmContent(v, participationConfirm{
		Heading: "Supprimer la consultation « " + c.Title + " » ?",
		Text:    "Ses questions et ses " + strconv.Itoa(counts[c.ID]) + " contributions seront supprimées pour de bon ; elle disparaîtra de la page publique.",
		Button:  "Supprimer la consultation", Action: s.consultationURL(ws, c.ID) + "/suppression", Cancel: s.consultationURL(ws, c.ID)}))
}

func (s *Server) deleteConsultation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	if err := s.store.DeleteConsultation(r.Context(), actor(r), ws.Authority.ID, c.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.participationPrefix(ws))
}

// participationConfirm is the confirmation asked before deleting.
type participationConfirm struct {
	Heading, Text, Button, Action, Cancel string
}
