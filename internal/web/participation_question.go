package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/consultation"
	"boussole/internal/store"
)

// questionPage is the edit page of one question.
type questionPage struct {
	C     consultation.Consultation
	Q     consultation.Question
	URL   string
	Kinds []consultation.Kind
	Slots []int // the numbers of the choice fields
}

// choiceSlots returns how many choice fields a question form offers: those filled and three more,
// within the limit.
func choiceSlots(f *form) []int {
	n := 0
	for i := 1; i <= consultation.MaxChoices; i++ {
		if f.Get("choice_"+strconv.Itoa(i)) != "" {
			n = i
		}
	}
	out := make([]int, min(n+3, consultation.MaxChoices))
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// ChoiceSlots gives the templates the choice fields of a question form.
func (f *form) ChoiceSlots() []int { return choiceSlots(f) }

func questionForm(q consultation.Question) *form {
	f := newForm(nil)
	f.Values.Set("kind", string(q.Kind))
	f.Values.Set("prompt", q.Prompt)
	f.Values.Set("help", q.Help)
	for i, ch := range q.Choices {
		f.Values.Set("choice_"+strconv.Itoa(i+1), ch)
	}
	if q.Required {
		f.Values.Set("required", "1")
	}
	f.Values.Set("version", strconv.FormatInt(q.Version, 10))
	return f
}

func readQuestionFields(f *form, q *consultation.Question) {
	q.Kind, q.Prompt, q.Help, q.Required = consultation.Kind(f.Get("kind")), f.Get("prompt"), f.Get("help"), f.Get("required") != ""
	q.Choices = nil
	for i := 1; i <= consultation.MaxChoices+5; i++ {
		if v := f.Get("choice_" + strconv.Itoa(i)); v != "" {
			q.Choices = append(q.Choices, v)
		}
	}
	q.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
	for field, msg := range q.Check() {
		f.Fail(field, msg)
	}
}

// createQuestion adds a question at the end of the consultation.
func (s *Server) createQuestion(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	q := consultation.Question{ConsultationID: c.ID}
	readQuestionFields(f, &q)
	if !f.OK() {
		s.renderConsultationAdmin(w, r, ws, http.StatusUnprocessableEntity, c, consultationForm(c), f)
		return
	}
	if err := s.store.SaveQuestion(r.Context(), actor(r), ws.Authority.ID, &q); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.consultationURL(ws, c.ID)+"?ok=question#questions")
}

func (s *Server) questionFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (consultation.Consultation, consultation.Question, bool) {
	c, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return c, consultation.Question{}, false
	}
	id, _ := pathID(r, "question")
	q, ok := c.Question(id)
	if !ok {
		s.notFound(w, r)
	}
	return c, q, ok
}

func (s *Server) renderQuestion(w http.ResponseWriter, r *http.Request, ws *workspace, status int, c consultation.Consultation, q consultation.Question, f *form) {
	d := questionPage{C: c, Q: q, URL: s.consultationURL(ws, c.ID) + "/questions/" + strconv.FormatInt(q.ID, 10), Kinds: consultation.Kinds, Slots: choiceSlots(f)}
	v := view{Title: "Question « " + q.Prompt + " »", Section: "participation", WS: ws, Form: f}
	s.renderComponent(w, r, status, v, participationQuestionContent(v, d))
}

func (s *Server) showQuestion(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, q, ok := s.questionFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderQuestion(w, r, ws, http.StatusOK, c, q, questionForm(q))
}

func (s *Server) updateQuestion(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, stored, ok := s.questionFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	q := stored
	readQuestionFields(f, &q)
	if !f.OK() {
		s.renderQuestion(w, r, ws, http.StatusUnprocessableEntity, c, stored, f)
		return
	}
	err := s.store.SaveQuestion(r.Context(), actor(r), ws.Authority.ID, &q)
	if errors.Is(err, store.ErrConflict) {
		f.Top = "Quelqu'un a modifié cette question pendant que vous la modifiiez : rechargez la page pour voir sa version, puis reportez vos changements."
		s.renderQuestion(w, r, ws, http.StatusConflict, c, stored, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.consultationURL(ws, c.ID)+"?ok=question#questions")
}

func (s *Server) confirmDeleteQuestion(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, q, ok := s.questionFromPath(w, r, ws)
	if !ok {
		return
	}
	url := s.consultationURL(ws, c.ID) + "/questions/" + strconv.FormatInt(q.ID, 10)
	v := view{Title: "Supprimer la question", Section: "participation", WS: ws}
	s.renderComponent(w, r, http.StatusOK, v, participationConfirmContent(v, participationConfirm{
		Heading: "Supprimer la question « " + q.Prompt + " » ?",
		Text:    "Les réponses déjà reçues à cette question resteront dans les contributions, mais ne seront plus comptées ni montrées.",
		Button:  "Supprimer la question", Action: url + "/suppression", Cancel: url}))
}

func (s *Server) deleteQuestion(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, q, ok := s.questionFromPath(w, r, ws)
	if !ok {
		return
	}
	if err := s.store.DeleteQuestion(r.Context(), actor(r), ws.Authority.ID, c.ID, q.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.consultationURL(ws, c.ID)+"?ok=supprimee#questions")
}
