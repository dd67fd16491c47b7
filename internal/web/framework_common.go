package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/logframe"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// renderNoStrategy is the empty state of the pages that belong to a strategy when there is none yet.
func (s *Server) renderNoStrategy(w http.ResponseWriter, r *http.Request, ws *workspace, section string) {
	v := view{Title: "Aucune stratégie", WS: ws, Section: section}
	s.renderComponent(w, r, http.StatusOK, v, frameworkNoneContent(v))
}

// focusFramework loads the framework of the strategy the session looks at (by default the one in
// preparation, else the one in force). With no strategy yet it shows an empty state that says where to start, and returns false.
func (s *Server) focusFramework(w http.ResponseWriter, r *http.Request, ws *workspace, section string) (strategy.Framework, bool) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.storeFailed(w, r, err)
		return strategy.Framework{}, false
	}
	if !ok {
		s.renderNoStrategy(w, r, ws, section)
		return strategy.Framework{}, false
	}
	f, err := s.store.LoadFramework(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return f, false
	}
	return f, true
}

// storeFailed turns a store error into the right page: 404 for another authority's or a vanished record.
func (s *Server) storeFailed(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	s.serverError(w, r, err)
}

// cleanLine reads a one-line field and tidies what a word processor pasted into it, writing the tidied text
// back so the form shows exactly what will be saved.
func cleanLine(f *form, name string) string {
	v := logframe.CleanLine(f.Raw(name))
	f.Values.Set(name, v)
	return v
}

// cleanText is cleanLine for a multi-line field.
func cleanText(f *form, name string) string {
	v := logframe.CleanText(f.Raw(name))
	f.Values.Set(name, v)
	return v
}

// formDate reads a date field of the framework, which may hold only a month or a year; a malformed date
// gets a French message.
func formDate(f *form, name string) partialdate.Date { return formPartialDate(f, name) }

// formVersion reads the hidden version field of an edit form.
func formVersion(f *form) int64 {
	v, _ := strconv.ParseInt(f.Get("version"), 10, 64)
	return v
}

// lines splits a textarea into its non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// refURL returns the page where an element of the framework is fixed, for the check's links.
func refURL(ws *workspace, ref logframe.Ref) string {
	p := ws.Prefix()
	id := strconv.FormatInt(ref.ID, 10)
	if ref.ID <= 0 {
		// A finding about something missing (« aucun risque ») points at the page where it is added.
		switch ref.Kind {
		case logframe.KindRisk:
			return p + "/cadre-logique/risques"
		case logframe.KindIndicator:
			return p + "/cadre-logique/indicateurs"
		case logframe.KindSpecificObjective, logframe.KindResult, logframe.KindActivity, logframe.KindAssumption:
			return p + "/cadre-logique"
		}
	}
	switch ref.Kind {
	case logframe.KindSpecificObjective:
		return p + "/cadre-logique/objectifs/" + id
	case logframe.KindResult:
		return p + "/cadre-logique/resultats/" + id
	case logframe.KindActivity:
		return p + "/cadre-logique/activites/" + id
	case logframe.KindIndicator:
		return p + "/cadre-logique/indicateurs/" + id
	case logframe.KindRisk:
		return p + "/cadre-logique/risques/" + id
	case logframe.KindGeoPriority:
		return p + "/strategie/priorites/" + id
	case logframe.KindAssumption:
		return p + "/cadre-logique"
	case logframe.KindSWOT:
		return swotAnchor(ws, ref.ID)
	case logframe.KindTerm:
		return p + "/strategies"
	}
	return p + "/strategie"
}

// frameworkView is what most framework pages receive: the framework, its numbers and its check.
type frameworkView struct {
	F       strategy.Framework
	Numbers logframe.Numbers
	Report  logframe.Report
	Term    logframe.Term
}

func newFrameworkView(f strategy.Framework) frameworkView {
	return frameworkView{F: f, Numbers: logframe.Number(&f.Logframe), Report: logframe.Check(f.Logframe), Term: f.Logframe.Term}
}

// Num returns the display number of an element.
func (v frameworkView) Num(kind string, id int64) string {
	return v.Numbers.Of(logframe.Ref{Kind: logframe.Kind(kind), ID: id})
}

// From says where an element copied from a peer's share comes from, or nothing for the authority's own.
func (v frameworkView) From(kind logframe.Kind, id int64) string {
	return v.F.Provenance[logframe.Ref{Kind: kind, ID: id}]
}

// ResultsOf returns the results of an objective in order.
func (v frameworkView) ResultsOf(objectiveID int64) []logframe.ResultRecord {
	var out []logframe.ResultRecord
	for _, r := range v.F.Results {
		if r.ObjectiveID == objectiveID {
			out = append(out, r)
		}
	}
	return out
}

// ActivitiesOf returns the activities of a result in order.
func (v frameworkView) ActivitiesOf(resultID int64) []logframe.ActivityRecord {
	var out []logframe.ActivityRecord
	for _, a := range v.F.Activities {
		if a.ResultID == resultID {
			out = append(out, a)
		}
	}
	return out
}

// IndicatorsOf returns the indicators that measure an element.
func (v frameworkView) IndicatorsOf(kind string, id int64) []logframe.IndicatorRecord {
	var out []logframe.IndicatorRecord
	for _, in := range v.F.Indicators {
		if in.Level.Kind == logframe.Kind(kind) && in.Level.ID == id {
			out = append(out, in)
		}
	}
	return out
}

// AssumptionsOf returns the assumptions attached to an element.
func (v frameworkView) AssumptionsOf(kind string, id int64) []logframe.AssumptionRecord {
	var out []logframe.AssumptionRecord
	for _, a := range v.F.Assumptions {
		if a.Target.Kind == logframe.Kind(kind) && a.Target.ID == id {
			out = append(out, a)
		}
	}
	return out
}

// TagsOf returns the ODD codes an element is tagged with.
func (v frameworkView) TagsOf(kind string, id int64) []string {
	var out []string
	for _, t := range v.F.Tags {
		if t.Element.Kind == logframe.Kind(kind) && t.Element.ID == id {
			out = append(out, t.Code)
		}
	}
	return out
}
