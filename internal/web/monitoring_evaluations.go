package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/store"
)

// evaluationsPage lists the authority's evaluations and opens a new one for the strategy shown.
type evaluationsPage struct {
	Strategy  model.Strategy
	List      []evaluationSummary
	MayEdit   bool
	Kinds     []monitoring.EvaluationKind
	Conducts  []monitoring.Conduct
	Indicator int // indicators the new evaluation's snapshot will freeze
}

type evaluationSummary struct {
	E        monitoring.Evaluation
	Href     string
	Strategy string
}

// evaluationPage is one evaluation: its fields, the frozen snapshot, questions by criterion, recommendations.
type evaluationPage struct {
	E            monitoring.Evaluation
	Strategy     string
	MayEdit      bool
	Href         string
	Kinds        []monitoring.EvaluationKind
	Conducts     []monitoring.Conduct
	Criteria     []monitoring.Criterion
	Responses    []monitoring.Response
	FollowUps    []monitoring.FollowUp
	QuestionForm *form
	RecForm      *form
	Accepted     int
	Done         int
	PrepareHref  string
	Recs         []recSummary
	Elements     []option // what a recommendation may be about, numbered as the framework numbers them
}

type recSummary struct {
	R           monitoring.Recommendation
	Href        string
	Element     string // the element it is about, or the strategy as a whole
	ElementHref string // its page; "" for the whole
}

// recommendationPage is one recommendation's form: its response and its follow-up.
type recommendationPage struct {
	E         monitoring.Evaluation
	R         monitoring.Recommendation
	Back      string
	MayEdit   bool
	Responses []monitoring.Response
	FollowUps []monitoring.FollowUp
	Elements  []option
	Element   string
}

func (s *Server) evaluationsPath(ws *workspace) string {
	return ws.Prefix() + "/suivi-evaluation/evaluations"
}

func (s *Server) listEvaluations(w http.ResponseWriter, r *http.Request, ws *workspace) {
	b, ok := s.loadBoard(w, r, ws)
	if !ok {
		return
	}
	s.renderEvaluations(w, r, ws, b, newForm(nil), http.StatusOK)
}

func (s *Server) renderEvaluations(w http.ResponseWriter, r *http.Request, ws *workspace, b *board, f *form, status int) {
	all, err := s.store.AuthorityEvaluations(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	titles := map[int64]string{}
	for _, st := range ws.Strategies {
		titles[st.ID] = st.Title
	}
	p := evaluationsPage{Strategy: b.F.Strategy, MayEdit: access.Can(ws.Role, access.ValidateMeasurement), Kinds: []monitoring.EvaluationKind{monitoring.MidTerm, monitoring.Final},
		Conducts: []monitoring.Conduct{monitoring.Internal, monitoring.External}, Indicator: len(b.F.Indicators)}
	for _, e := range all {
		p.List = append(p.List, evaluationSummary{E: e, Href: s.evaluationsPath(ws) + "/" + strconv.FormatInt(e.ID, 10), Strategy: titles[e.StrategyID]})
	}
	if f.Get("type") == "" {
		f.Values.Set("type", string(monitoring.MidTerm))
	}
	v := view{Title: "Évaluations", WS: ws, Section: monitoringSection, Form: f}
	s.renderComponent(w, r, status, v, monitoringEvaluationsContent(v, p))
}

// readEvaluation reads the evaluation form's fields into e.
func readEvaluation(f *form, e *monitoring.Evaluation) {
	e.Kind, e.Conduct = monitoring.EvaluationKind(f.Get("type")), monitoring.Conduct(f.Get("conduite"))
	e.Title, e.Evaluator = cleanLine(f, "titre"), cleanLine(f, "evaluateur")
	e.TermsOfReference, e.Findings, e.Lessons = cleanText(f, "termes"), cleanText(f, "constats"), cleanText(f, "enseignements")
	for _, fe := range monitoring.ValidateEvaluation(*e) {
		f.Fail(fe.Field, fe.Message)
	}
}

// createEvaluation opens an evaluation of the strategy shown, freezing its indicators as they stand today.
func (s *Server) createEvaluation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	b, ok := s.loadBoard(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	e := monitoring.Evaluation{AuthorityID: ws.Authority.ID, StrategyID: b.F.Strategy.ID, SnapshotOn: b.Today, Snapshot: monitoring.SnapshotOf(b.Assessments)}
	readEvaluation(f, &e)
	if !f.OK() {
		s.renderEvaluations(w, r, ws, b, f, http.StatusUnprocessableEntity)
		return
	}
	if err := s.store.CreateEvaluation(r.Context(), actor(r), &e); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, s.evaluationsPath(ws)+"/"+strconv.FormatInt(e.ID, 10)+"?ok=enregistre")
}

// loadEvaluation reads the evaluation in the path, of this authority, and shows its strategy in the header.
func (s *Server) loadEvaluation(w http.ResponseWriter, r *http.Request, ws *workspace) (monitoring.Evaluation, string, bool) {
	id, ok := pathID(r, "evaluation")
	if !ok {
		s.notFound(w, r)
		return monitoring.Evaluation{}, "", false
	}
	e, err := s.store.Evaluation(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return e, "", false
	}
	list, err := s.store.Strategies(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return e, "", false
	}
	title := ""
	for _, st := range list {
		if st.ID == e.StrategyID {
			ws.show(r, st, list)
			title = st.Title
		}
	}
	return e, title, true
}

func evaluationForm(e monitoring.Evaluation) *form {
	f := newForm(nil)
	set := f.Values.Set
	set("version", strconv.FormatInt(e.Version, 10))
	set("type", string(e.Kind))
	set("conduite", string(e.Conduct))
	set("titre", e.Title)
	set("evaluateur", e.Evaluator)
	set("termes", e.TermsOfReference)
	set("constats", e.Findings)
	set("enseignements", e.Lessons)
	return f
}

func (s *Server) showEvaluation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	e, title, ok := s.loadEvaluation(w, r, ws)
	if !ok {
		return
	}
	s.renderEvaluation(w, r, ws, e, title, evaluationForm(e), nil, nil, http.StatusOK)
}

func (s *Server) renderEvaluation(w http.ResponseWriter, r *http.Request, ws *workspace, e monitoring.Evaluation, title string, f, qf, rf *form, status int) {
	if qf == nil {
		qf = newForm(nil)
	}
	if rf == nil {
		rf = newForm(nil)
		rf.Values.Set("suivi", string(monitoring.ToStart))
	}
	els, err := s.evaluatedFramework(r, ws, e)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	href := s.evaluationsPath(ws) + "/" + strconv.FormatInt(e.ID, 10)
	p := evaluationPage{E: e, Strategy: title, MayEdit: access.Can(ws.Role, access.ValidateMeasurement), Href: href,
		Kinds: []monitoring.EvaluationKind{monitoring.MidTerm, monitoring.Final}, Conducts: []monitoring.Conduct{monitoring.Internal, monitoring.External},
		Criteria: monitoring.Criteria, Responses: monitoring.Responses, FollowUps: monitoring.FollowUps, QuestionForm: qf, RecForm: rf, Elements: els.Options}
	for _, rec := range e.Recommendations {
		sum := recSummary{R: rec, Href: href + "/recommandations/" + strconv.FormatInt(rec.ID, 10), Element: els.Label(rec.Element)}
		if els.Known[rec.Element] {
			sum.ElementHref = refURL(ws, rec.Element)
		}
		p.Recs = append(p.Recs, sum)
		if rec.Response == monitoring.Accepted || rec.Response == monitoring.Partly {
			p.Accepted++
		}
		if rec.FollowUp == monitoring.Done {
			p.Done++
		}
	}
	v := view{Title: e.Title, WS: ws, Section: monitoringSection, Form: f}
	s.renderComponent(w, r, status, v, monitoringEvaluationContent(v, p))
}

func (s *Server) updateEvaluation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	e, title, ok := s.loadEvaluation(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	upd := e
	upd.Version = formVersion(f)
	readEvaluation(f, &upd)
	if !f.OK() {
		s.renderEvaluation(w, r, ws, e, title, f, nil, nil, http.StatusUnprocessableEntity)
		return
	}
	err := s.store.UpdateEvaluation(r.Context(), actor(r), &upd)
	switch {
	case err == nil:
		redirect(w, r, s.evaluationsPath(ws)+"/"+strconv.FormatInt(e.ID, 10)+"?ok=enregistre")
	case errors.Is(err, store.ErrConflict):
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(e.Version, 10))
		s.renderEvaluation(w, r, ws, e, title, f, nil, nil, http.StatusConflict)
	default:
		s.storeFailed(w, r, err)
	}
}

func (s *Server) addQuestion(w http.ResponseWriter, r *http.Request, ws *workspace) {
	e, title, ok := s.loadEvaluation(w, r, ws)
	if !ok {
		return
	}
	qf := parseForm(w, r)
	q := monitoring.Question{Criterion: monitoring.Criterion(qf.Get("critere")), Text: cleanLine(qf, "question"), Answer: cleanText(qf, "reponse")}
	for _, fe := range monitoring.ValidateQuestion(q) {
		qf.Fail(fe.Field, fe.Message)
	}
	if !qf.OK() {
		s.renderEvaluation(w, r, ws, e, title, evaluationForm(e), qf, nil, http.StatusUnprocessableEntity)
		return
	}
	if err := s.store.AddQuestion(r.Context(), actor(r), ws.Authority.ID, e.ID, &q); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, s.evaluationsPath(ws)+"/"+strconv.FormatInt(e.ID, 10)+"?ok=enregistre#questions")
}

// readRecommendation reads a recommendation's fields; els are the evaluated strategy's elements it may be about.
func readRecommendation(f *form, rec *monitoring.Recommendation, els elementChoices) {
	readRecommendationElement(f, rec, els)
	rec.Text, rec.Owner, rec.Notes = cleanText(f, "recommandation"), cleanLine(f, "porteur"), cleanText(f, "suivi_notes")
	rec.Response, rec.FollowUp = monitoring.Response(f.Get("reponse_ct")), monitoring.FollowUp(f.Get("suivi"))
	for _, fe := range monitoring.ValidateRecommendation(*rec) {
		f.Fail(fe.Field, fe.Message)
	}
}

func (s *Server) addRecommendation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	e, title, ok := s.loadEvaluation(w, r, ws)
	if !ok {
		return
	}
	rf := parseForm(w, r)
	els, err := s.evaluatedFramework(r, ws, e)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	var rec monitoring.Recommendation
	readRecommendation(rf, &rec, els)
	if !rf.OK() {
		s.renderEvaluation(w, r, ws, e, title, evaluationForm(e), nil, rf, http.StatusUnprocessableEntity)
		return
	}
	if err := s.store.AddRecommendation(r.Context(), actor(r), ws.Authority.ID, e.ID, &rec); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, s.evaluationsPath(ws)+"/"+strconv.FormatInt(e.ID, 10)+"/recommandations/"+strconv.FormatInt(rec.ID, 10)+"?ok=enregistre")
}

// recommendationFromPath finds the recommendation in the path among the evaluation's.
func recommendationFromPath(r *http.Request, e monitoring.Evaluation) (monitoring.Recommendation, bool) {
	id, ok := pathID(r, "recommendation")
	for _, rec := range e.Recommendations {
		if ok && rec.ID == id {
			return rec, true
		}
	}
	return monitoring.Recommendation{}, false
}

func recommendationForm(rec monitoring.Recommendation) *form {
	f := newForm(nil)
	set := f.Values.Set
	set("version", strconv.FormatInt(rec.Version, 10))
	set("recommandation", rec.Text)
	set("porteur", rec.Owner)
	set("reponse_ct", string(rec.Response))
	set("suivi", string(rec.FollowUp))
	set("suivi_notes", rec.Notes)
	set("element", refValue(rec.Element))
	return f
}

func (s *Server) showRecommendation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	e, _, ok := s.loadEvaluation(w, r, ws)
	if !ok {
		return
	}
	rec, found := recommendationFromPath(r, e)
	if !found {
		s.notFound(w, r)
		return
	}
	s.renderRecommendation(w, r, ws, e, rec, recommendationForm(rec), http.StatusOK)
}

func (s *Server) renderRecommendation(w http.ResponseWriter, r *http.Request, ws *workspace, e monitoring.Evaluation, rec monitoring.Recommendation, f *form, status int) {
	els, err := s.evaluatedFramework(r, ws, e)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	d := recommendationPage{E: e, R: rec, Back: s.evaluationsPath(ws) + "/" + strconv.FormatInt(e.ID, 10), MayEdit: access.Can(ws.Role, access.ValidateMeasurement),
		Responses: monitoring.Responses, FollowUps: monitoring.FollowUps, Elements: els.Options, Element: els.Label(rec.Element)}
	v := view{Title: "Recommandation", WS: ws, Section: monitoringSection, Form: f}
	s.renderComponent(w, r, status, v, monitoringRecommendationContent(v, d))
}

func (s *Server) updateRecommendation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	e, _, ok := s.loadEvaluation(w, r, ws)
	if !ok {
		return
	}
	rec, found := recommendationFromPath(r, e)
	if !found {
		s.notFound(w, r)
		return
	}
	f := parseForm(w, r)
	els, err := s.evaluatedFramework(r, ws, e)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	upd := monitoring.Recommendation{ID: rec.ID, Version: formVersion(f)}
	readRecommendation(f, &upd, els)
	if !f.OK() {
		s.renderRecommendation(w, r, ws, e, rec, f, http.StatusUnprocessableEntity)
		return
	}
	err = s.store.UpdateRecommendation(r.Context(), actor(r), ws.Authority.ID, e.ID, &upd)
	switch {
	case err == nil:
		redirect(w, r, s.evaluationsPath(ws)+"/"+strconv.FormatInt(e.ID, 10)+"/recommandations/"+strconv.FormatInt(rec.ID, 10)+"?ok=enregistre")
	case errors.Is(err, store.ErrConflict):
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(rec.Version, 10))
		s.renderRecommendation(w, r, ws, e, rec, f, http.StatusConflict)
	default:
		s.storeFailed(w, r, err)
	}
}
