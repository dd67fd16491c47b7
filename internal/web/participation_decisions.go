package web

import (
	"net/http"
	"strconv"

	"boussole/internal/frfmt"
	"boussole/internal/logframe"
	"boussole/internal/steering"
	"boussole/internal/strategy"
	"boussole/internal/textkey"
)

// decisionPage turns one decision of a meeting into an activity of the framework, under a result the
// person chooses: the guide's steering committees decide actions, and the strategy carries them out.
type decisionPage struct {
	Meeting    steering.Meeting
	MeetingURL string
	Index      int    // the decision's line, from 1
	Decision   string // the line as the minutes hold it
	Strategy   string // the strategy the activity joins
	Results    []decisionResult
	// Existing is an activity of the strategy that already bears the decision's title, if any: the page
	// warns before a second one is made.
	Existing *decisionActivity
}

type decisionResult struct {
	ID    int64
	Label string // « R 1.2 — Des échanges de jeunes chaque année »
}

type decisionActivity struct {
	Number, Title, URL string
}

// decisionOf returns the meeting's decision at index (from 1).
func decisionOf(m steering.Meeting, index int) (string, bool) {
	list := m.DecisionList()
	if index < 1 || index > len(list) {
		return "", false
	}
	return list[index-1], true
}

func (s *Server) showDecisionActivity(w http.ResponseWriter, r *http.Request, ws *workspace) {
	fm := newForm(nil)
	fm.Values.Set("decision", r.URL.Query().Get("decision"))
	s.renderDecision(w, r, ws, fm, http.StatusOK, true)
}

// renderDecision renders the form; fresh fills the title from the decision, a refused form keeps what was typed.
func (s *Server) renderDecision(w http.ResponseWriter, r *http.Request, ws *workspace, fm *form, status int, fresh bool) {
	m, ok := s.meetingFromPath(w, r, ws)
	if !ok {
		return
	}
	index, _ := strconv.Atoi(fm.Get("decision"))
	decision, ok := decisionOf(m, index)
	if !ok {
		s.notFound(w, r)
		return
	}
	f, ok := s.focusFramework(w, r, ws, "participation")
	if !ok {
		return
	}
	if fresh {
		fm.Values.Set("titre", decision) // a line over the limit is refused at the field, for the person to shorten
		fm.Values.Set("description", "Décidé lors de la réunion « "+m.Title+" » du "+frfmt.Date(m.Date)+" : "+decision)
	}
	d := decisionPage{Meeting: m, MeetingURL: s.participationPrefix(ws) + "/reunions/" + strconv.FormatInt(m.ID, 10), Index: index, Decision: decision,
		Strategy: f.Strategy.Title, Results: resultChoices(f), Existing: sameActivity(ws, f, fm.Get("titre"))}
	v := view{Title: "Faire d'une décision une activité", Section: "participation", WS: ws, Form: fm}
	s.renderComponent(w, r, status, v, decisionContent(v, d))
}

func resultChoices(f strategy.Framework) []decisionResult {
	numbers := logframe.Number(&f.Logframe)
	out := make([]decisionResult, 0, len(f.Results))
	for _, res := range f.Results {
		out = append(out, decisionResult{ID: res.ID, Label: "R " + numbers.Of(logframe.Ref{Kind: logframe.KindResult, ID: res.ID}) + " — " + res.Title})
	}
	return out
}

// sameActivity finds an activity of the strategy whose title folds to the same words as title.
func sameActivity(ws *workspace, f strategy.Framework, title string) *decisionActivity {
	key := textkey.Fold(title)
	if key == "" {
		return nil
	}
	numbers := logframe.Number(&f.Logframe)
	for _, a := range f.Activities {
		if textkey.Fold(a.Title) == key {
			ref := logframe.Ref{Kind: logframe.KindActivity, ID: a.ID}
			return &decisionActivity{Number: numbers.Of(ref), Title: a.Title, URL: refURL(ws, ref)}
		}
	}
	return nil
}

func (s *Server) createDecisionActivity(w http.ResponseWriter, r *http.Request, ws *workspace) {
	fm := parseForm(w, r)
	m, ok := s.meetingFromPath(w, r, ws)
	if !ok {
		return
	}
	index, _ := strconv.Atoi(fm.Get("decision"))
	if _, ok := decisionOf(m, index); !ok {
		s.notFound(w, r)
		return
	}
	f, ok := s.focusFramework(w, r, ws, "participation")
	if !ok {
		return
	}
	e := element{Kind: logframe.KindActivity, Activity: logframe.ActivityRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID}}
	result, _ := strconv.ParseInt(fm.Get("resultat"), 10, 64)
	for _, res := range f.Results {
		if res.ID == result {
			e.Activity.ResultID = result
		}
	}
	if e.Activity.ResultID == 0 {
		fm.Fail("resultat", "Choisissez le résultat attendu que cette activité sert.")
	}
	readElement(fm, &e, f.Logframe.Term)
	if !fm.OK() {
		s.renderDecision(w, r, ws, fm, http.StatusUnprocessableEntity, false)
		return
	}
	if err := s.store.CreateActivity(r.Context(), actor(r), &e.Activity); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, refURL(ws, logframe.Ref{Kind: logframe.KindActivity, ID: e.Activity.ID})+"?ok=enregistre")
}
