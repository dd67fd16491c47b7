package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/diagnostic"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// showAwareness is the first step's page: the argument, the sessions, the principles and the conditions,
// each with where it stands and a link to its page.
func (s *Server) showAwareness(w http.ResponseWriter, r *http.Request, ws *workspace) {
	if !s.diagInternal(w, r, ws, "sensibilisation", "Sensibilisation") {
		return
	}
	st, ok := s.diagStrategy(w, r, ws, "sensibilisation", "Sensibilisation")
	if !ok {
		return
	}
	whole, err := s.store.ReadStrategy(r.Context(), ws.Authority.ID, st.ID, strategy.PartAwareness)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := whole.Awareness
	arg, sessions, services, assessment := d.Argument, d.Sessions, d.Services, d.Assessment
	coverage := diagnostic.ServiceCoverage(sessionDomain(sessions), services.Services)
	s.diagPage(w, r, http.StatusOK, ws, "sensibilisation", "Sensibilisation", nil, &awarenessPage{
		Strategy: st, Argument: arg, Sessions: len(sessions), Unreached: diagnostic.Unreached(coverage),
		ServicesListed: len(services.Services), Assessment: principleRows(assessment),
		Missing: diagnostic.MissingConditions(assessment.ConditionsMet), Conditions: len(diagnostic.Conditions()),
	})
}

func sessionDomain(list []diagnostic.SessionRecord) []diagnostic.Session {
	out := make([]diagnostic.Session, len(list))
	for i, s := range list {
		out[i] = s.Session
	}
	return out
}

func (s *Server) listSessions(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderSessions(w, r, ws, http.StatusOK, nil)
}

// renderSessions shows the log, the counts per service and the services never reached; f is the service
// list's form when it was refused.
func (s *Server) renderSessions(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	st, ok := s.diagStrategy(w, r, ws, "sensibilisation", "Séances de sensibilisation")
	if !ok {
		return
	}
	sessions, err := s.store.AwarenessSessions(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	services, err := s.store.ServiceList(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if f == nil {
		f = newForm(nil)
		f.Values.Set("services", strings.Join(services.Services, "\n"))
		f.Values.Set("version", strconv.FormatInt(services.Version, 10))
		if services.Version == 0 {
			f.Values.Set("services", strings.Join(s.memberServices(r, ws), "\n"))
		}
	}
	coverage := diagnostic.ServiceCoverage(sessionDomain(sessions), services.Services)
	s.diagPage(w, r, status, ws, "sensibilisation", "Séances de sensibilisation", f, &sessionsPage{
		Strategy: st, Sessions: sessions, Coverage: coverage, Unreached: diagnostic.Unreached(coverage),
		ServicesSaved: services.Version > 0,
	})
}

// memberServices proposes, for a list never saved, the services the workspace's members belong to.
func (s *Server) memberServices(r *http.Request, ws *workspace) []string {
	members, err := s.store.Members(r.Context(), ws.Authority.ID)
	if err != nil {
		return nil
	}
	var out []string
	for _, m := range members {
		if sv := strings.TrimSpace(m.Service); sv != "" && !containsFold(out, sv) {
			out = append(out, sv)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func (s *Server) saveServiceList(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	l := diagnostic.ServiceListRecord{AuthorityID: ws.Authority.ID, Services: diagLines(f.Get("services")), Version: diagVersion(f)}
	for _, sv := range l.Services {
		if len([]rune(sv)) > 200 {
			f.Fail("services", "Chaque service tient sur une ligne de 200 caractères au plus.")
		}
	}
	if len(l.Services) > 300 {
		f.Fail("services", "La liste est limitée à 300 services.")
	}
	if f.OK() {
		err := s.store.SaveServiceList(r.Context(), actor(r), &l)
		if err == nil {
			redirect(w, r, ws.Prefix()+"/sensibilisation/seances?ok=enregistre#services")
			return
		}
		if !errors.Is(err, store.ErrConflict) {
			s.serverError(w, r, err)
			return
		}
		theirs, err := s.store.ServiceList(r.Context(), ws.Authority.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		f.Top = "La liste des services a été modifiée par quelqu'un d'autre entre-temps. Voici la vôtre, non enregistrée ; la version enregistrée compte " +
			strconv.Itoa(len(theirs.Services)) + " services : " + strings.Join(theirs.Services, ", ") + ". Reprenez ce qu'il faut puis enregistrez."
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderSessions(w, r, ws, http.StatusConflict, f)
		return
	}
	s.renderSessions(w, r, ws, http.StatusUnprocessableEntity, f)
}

// readSessionFields reads the session form; attendees are typed one per line as « Nom ; Service ».
func readSessionFields(f *form) diagnostic.Session {
	ss := diagnostic.Session{Title: f.Get("title"), Format: diagnostic.SessionFormat(f.Get("format")), Outcomes: f.Get("outcomes")}
	ss.Date = formPartialDate(f, "date")
	for _, a := range f.Values["audiences"] {
		ss.Audiences = append(ss.Audiences, diagnostic.Audience(a))
	}
	for _, line := range diagLines(f.Get("attendees")) {
		name, service, _ := strings.Cut(line, ";")
		ss.Attendees = append(ss.Attendees, diagnostic.Attendee{Name: strings.TrimSpace(name), Service: strings.TrimSpace(service)})
	}
	if len(ss.Attendees) > 500 {
		f.Fail("attendees", "Une séance compte au plus 500 participants.")
	}
	f.FailFields(ss.Validate(), map[string]string{})
	return ss
}

func sessionForm(rec diagnostic.SessionRecord) *form {
	f := newForm(nil)
	ss := rec.Session
	f.Values.Set("date", ss.Date.Input())
	f.Values.Set("title", ss.Title)
	f.Values.Set("format", string(ss.Format))
	f.Values.Set("outcomes", ss.Outcomes)
	for _, a := range ss.Audiences {
		f.Values.Add("audiences", string(a))
	}
	lines := make([]string, len(ss.Attendees))
	for i, a := range ss.Attendees {
		lines[i] = a.Name
		if a.Service != "" {
			lines[i] += " ; " + a.Service
		}
	}
	f.Values.Set("attendees", strings.Join(lines, "\n"))
	f.Values.Set("version", strconv.FormatInt(rec.Version, 10))
	return f
}

func (s *Server) showNewSession(w http.ResponseWriter, r *http.Request, ws *workspace) {
	if _, ok := s.diagStrategy(w, r, ws, "sensibilisation", "Nouvelle séance"); !ok {
		return
	}
	s.diagPage(w, r, http.StatusOK, ws, "sensibilisation", "Nouvelle séance", newForm(nil), &sessionFormPage{})
}

func (s *Server) createSession(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.diagStrategy(w, r, ws, "sensibilisation", "Nouvelle séance")
	if !ok {
		return
	}
	f := parseForm(w, r)
	ss := readSessionFields(f)
	if !f.OK() {
		s.diagPage(w, r, http.StatusUnprocessableEntity, ws, "sensibilisation", "Nouvelle séance", f, &sessionFormPage{})
		return
	}
	rec := diagnostic.SessionRecord{AuthorityID: ws.Authority.ID, StrategyID: st.ID, Session: ss}
	if s.diagStoreError(w, r, s.store.CreateAwarenessSession(r.Context(), actor(r), &rec)) {
		return
	}
	redirect(w, r, ws.Prefix()+"/sensibilisation/seances?ok=enregistre")
}

func (s *Server) sessionFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (diagnostic.SessionRecord, bool) {
	id, ok := pathID(r, "session")
	if !ok {
		s.notFound(w, r)
		return diagnostic.SessionRecord{}, false
	}
	rec, err := s.store.AwarenessSession(r.Context(), ws.Authority.ID, id)
	if s.diagStoreError(w, r, err) {
		return rec, false
	}
	s.showStrategyOf(r, ws, rec.StrategyID)
	return rec, true
}

func (s *Server) showEditSession(w http.ResponseWriter, r *http.Request, ws *workspace) {
	rec, ok := s.sessionFromPath(w, r, ws)
	if !ok {
		return
	}
	s.diagPage(w, r, http.StatusOK, ws, "sensibilisation", "Modifier la séance", sessionForm(rec), &sessionFormPage{Session: &rec})
}

func (s *Server) updateSession(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.sessionFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	rec := stored
	rec.Session, rec.Version = readSessionFields(f), diagVersion(f)
	data := &sessionFormPage{Session: &stored}
	status := http.StatusUnprocessableEntity
	if f.OK() {
		err := s.store.UpdateAwarenessSession(r.Context(), actor(r), &rec)
		if err == nil {
			redirect(w, r, ws.Prefix()+"/sensibilisation/seances?ok=enregistre")
			return
		}
		if !errors.Is(err, store.ErrConflict) {
			s.diagStoreError(w, r, err)
			return
		}
		theirs, ok := s.sessionFromPath(w, r, ws)
		if !ok {
			return
		}
		status, f.Top = http.StatusConflict, conflictMessage
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		data.Theirs = &theirs
	}
	s.diagPage(w, r, status, ws, "sensibilisation", "Modifier la séance", f, data)
}

func sessionConfirm(ws *workspace, rec diagnostic.SessionRecord) diagConfirm {
	id := strconv.FormatInt(rec.ID, 10)
	return diagConfirm{
		Heading: "Supprimer la séance « " + rec.Session.Title + " » ?",
		What: "La séance du " + rec.Session.Date.String() + " et la liste de ses " + strconv.Itoa(len(rec.Session.Attendees)) +
			" participants seront supprimées ; les comptes par service seront recalculés.",
		Action: ws.Prefix() + "/sensibilisation/seances/" + id + "/suppression", Cancel: ws.Prefix() + "/sensibilisation/seances", Version: rec.Version,
	}
}

func (s *Server) confirmDeleteSession(w http.ResponseWriter, r *http.Request, ws *workspace) {
	rec, ok := s.sessionFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "sensibilisation", sessionConfirm(ws, rec))
}

func (s *Server) deleteSession(w http.ResponseWriter, r *http.Request, ws *workspace) {
	rec, ok := s.sessionFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	err := s.store.DeleteAwarenessSession(r.Context(), actor(r), ws.Authority.ID, rec.ID, diagVersion(f))
	if errors.Is(err, store.ErrConflict) {
		c := sessionConfirm(ws, rec)
		c.Conflict = true
		s.renderConfirm(w, r, http.StatusConflict, ws, "sensibilisation", c)
		return
	}
	if s.diagStoreError(w, r, err) {
		return
	}
	redirect(w, r, ws.Prefix()+"/sensibilisation/seances?ok=supprime")
}

// principleRow is a principle with the CT's rating of it, for the pages that show the self-assessment.
type principleRow struct {
	diagnostic.Principle
	Rating  diagnostic.Rating
	Comment string
}

func principleRows(a diagnostic.AssessmentRecord) []principleRow {
	var out []principleRow
	for _, p := range diagnostic.Principles() {
		row := principleRow{Principle: p}
		for _, pa := range a.Principles {
			if pa.Principle == p.Code {
				row.Rating, row.Comment = pa.Rating, pa.Comment
			}
		}
		out = append(out, row)
	}
	return out
}

func assessmentForm(a diagnostic.AssessmentRecord) *form {
	f := newForm(nil)
	for _, pa := range a.Principles {
		f.Values.Set("rating_"+pa.Principle, strconv.Itoa(int(pa.Rating)))
		f.Values.Set("comment_"+pa.Principle, pa.Comment)
	}
	f.Values["conditions"] = append([]string(nil), a.ConditionsMet...)
	f.Values.Set("version", strconv.FormatInt(a.Version, 10))
	return f
}

func (s *Server) showPrinciples(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.diagStrategy(w, r, ws, "sensibilisation", "Principes et conditions facilitantes")
	if !ok {
		return
	}
	a, err := s.store.Assessment(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderPrinciples(w, r, ws, http.StatusOK, st, a, assessmentForm(a), nil)
}

func (s *Server) renderPrinciples(w http.ResponseWriter, r *http.Request, ws *workspace, status int, st model.Strategy, a diagnostic.AssessmentRecord, f *form, theirs *diagnostic.AssessmentRecord) {
	data := &principlesPage{Strategy: st, Rows: principleRows(a), Missing: diagnostic.MissingConditions(a.ConditionsMet)}
	if theirs != nil {
		data.Theirs = &principlesTheirs{Rows: principleRows(*theirs), Missing: diagnostic.MissingConditions(theirs.ConditionsMet), UpdatedAt: theirs.UpdatedAt}
	}
	s.diagPage(w, r, status, ws, "sensibilisation", "Principes et conditions facilitantes", f, data)
}

func (s *Server) savePrinciples(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.diagStrategy(w, r, ws, "sensibilisation", "Principes et conditions facilitantes")
	if !ok {
		return
	}
	f := parseForm(w, r)
	a := diagnostic.AssessmentRecord{AuthorityID: ws.Authority.ID, StrategyID: st.ID, Version: diagVersion(f)}
	for _, p := range diagnostic.Principles() {
		rating, comment := f.Get("rating_"+p.Code), f.Get("comment_"+p.Code)
		if rating == "" && comment == "" {
			continue // not assessed yet: that is allowed
		}
		n, _ := strconv.Atoi(rating)
		pa := diagnostic.PrincipleAssessment{Principle: p.Code, Rating: diagnostic.Rating(n), Comment: comment}
		f.FailFields(pa.Validate(), map[string]string{"rating": "rating_" + p.Code, "comment": "comment_" + p.Code})
		a.Principles = append(a.Principles, pa)
	}
	for _, c := range f.Values["conditions"] {
		if !slicesContainsCondition(c) {
			f.Fail("conditions", "Condition inconnue : « "+c+" ».")
			continue
		}
		a.ConditionsMet = append(a.ConditionsMet, c)
	}
	if !f.OK() {
		s.renderPrinciples(w, r, ws, http.StatusUnprocessableEntity, st, a, f, nil)
		return
	}
	err := s.store.SaveAssessment(r.Context(), actor(r), &a)
	if err == nil {
		redirect(w, r, ws.Prefix()+"/sensibilisation/principes?ok=enregistre")
		return
	}
	if !errors.Is(err, store.ErrConflict) {
		s.diagStoreError(w, r, err)
		return
	}
	theirs, err := s.store.Assessment(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f.Top = conflictMessage
	f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
	s.renderPrinciples(w, r, ws, http.StatusConflict, st, a, f, &theirs)
}

func slicesContainsCondition(code string) bool {
	for _, c := range diagnostic.Conditions() {
		if c.Code == code {
			return true
		}
	}
	return false
}
