package web

import (
	"html/template"
	"net/http"

	"boussole/internal/access"
	"boussole/internal/figure/logframe"
	lf "boussole/internal/logframe"
	"boussole/internal/model"
)

// treeSVG draws the objectives tree; the figure escapes every text it draws.
func treeSVG(s lf.Strategy) template.HTML {
	return template.HTML(logframe.Tree(s, logframe.Options{IDPrefix: "arbre-objectifs", ShowActivities: true})) // #nosec: generated SVG
}

// checkStep is one step of the check page: its score and its findings with links to fix them. Hidden counts
// the findings the viewer may not read (see shownFindings).
type checkStep struct {
	Score    lf.StepScore
	Findings []checkFinding
	Hidden   int
}

type checkFinding struct {
	lf.Finding
	URL string
}

// checkSteps groups the report's findings by step, each with the link to the place to fix it.
func checkSteps(ws *workspace, rep lf.Report) []checkStep {
	out := make([]checkStep, 0, len(rep.Steps))
	for _, sc := range rep.Steps {
		st := checkStep{Score: sc}
		st.Findings, st.Hidden = shownFindings(ws, rep.For(sc.Step))
		out = append(out, st)
	}
	return out
}

// shownFindings keeps, with their links, the findings the viewer may read. A finding about a SWOT item
// quotes the diagnostic and links to it, both internal: someone who may not read them (a partner) is told
// only how many such findings there are, as the scores still count them.
func shownFindings(ws *workspace, fs []lf.Finding) (shown []checkFinding, hidden int) {
	internal := access.Can(ws.Role, access.ViewInternal)
	for _, f := range fs {
		if !internal && f.Target.Kind == lf.KindSWOT {
			hidden++
			continue
		}
		shown = append(shown, checkFinding{Finding: f, URL: refURL(ws, f.Target)})
	}
	return shown, hidden
}

// showCheck tests the logic of the strategy and lists the findings by step.
func (s *Server) showCheck(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "cadre-logique")
	if !ok {
		return
	}
	v := checkPage{frameworkView: newFrameworkView(f)}
	v.Steps = checkSteps(ws, v.Report)
	v.Rules = lf.Rules()
	page := view{Title: "Vérification de la stratégie", WS: ws, Section: "cadre-logique"}
	s.renderComponent(w, r, http.StatusOK, page, frameworkCheckContent(page, v))
}

// frameworkHomeData is what the strategy's home page shows: readiness per step and overall, top findings.
type frameworkHomeData struct {
	Report   lf.Report
	Top      []checkFinding
	Hidden   int // findings the viewer may not read (see shownFindings)
	Complete bool
	Adopted  bool // the strategy is adopted: the check shows what its document does not say, for its revision
}

// homeFindings is how many findings the home page lists.
const homeFindings = 5

// frameworkHomeFor builds the home block for a strategy; nil when it cannot be read (the home page still shows).
func (s *Server) frameworkHomeFor(r *http.Request, ws *workspace, st model.Strategy) *frameworkHomeData {
	rep, err := s.checkReport(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.log.Warn("cadre logique illisible", "err", err)
		return nil
	}
	d := &frameworkHomeData{Report: rep, Complete: rep.Complete(), Adopted: st.Adopted()}
	d.Top, d.Hidden = shownFindings(ws, rep.Findings)
	d.Top = d.Top[:min(homeFindings, len(d.Top))]
	return d
}
