package web

import (
	"net/http"

	"boussole/internal/access"
	"boussole/internal/frfmt"
	"boussole/internal/logframe"
	"boussole/internal/monitoring"
)

// dashboardPage is the monitoring dashboard: freshness first, then progress by objective and result.
type dashboardPage struct {
	Fresh        freshnessView
	Strategy     rollupView
	General      []indicatorLine
	Objectives   []objectiveBlock
	Statuses     []statusCount
	Indicators   int
	Mine         int // the viewer's periods awaiting a value
	MayImport    bool
	StatusRule   string
	RollupRule   string
	DueRule      string
	MayValidate  bool
	TermLabel    string
	NoIndicators bool
	// PreparedNotes is how many notes the previous strategy left, when this one was prepared from it.
	PreparedNotes int
	Prepared      bool
}

// freshnessView is the share of indicators up to date, as the dashboard shows it.
type freshnessView struct {
	Known    bool
	Share    string // « 64 % »
	Pct      int
	UpToDate int
	Counted  int
	Without  int
	Rule     string
}

// rollupView is a roll-up as shown: its progress and how many of its parts are known.
type rollupView struct {
	Text        string
	Pct         int
	HasProgress bool
	Known       int
	Total       int
	Weighted    bool
}

type objectiveBlock struct {
	Num, Title string
	Rollup     rollupView
	Indicators []indicatorLine
	Results    []resultBlock
}

type resultBlock struct {
	Num, Title string
	Rollup     rollupView
	Indicators []indicatorLine
	Activities int
}

type statusCount struct {
	Status monitoring.Status
	N      int
}

func newFreshnessView(f monitoring.Freshness) freshnessView {
	v := freshnessView{UpToDate: f.UpToDate, Counted: f.Counted, Without: f.Without, Rule: monitoring.FreshnessRule, Share: frfmt.Unknown}
	if s, ok := f.Share(); ok {
		v.Known, v.Share, v.Pct = true, progressPercent(s), int(s*100+0.5)
	}
	return v
}

func newRollupView(r monitoring.Rollup) rollupView {
	v := rollupView{Text: rollupText(r), Known: r.Known, Total: r.Total, Weighted: r.Weighted}
	if r.Progress != nil {
		v.HasProgress, v.Pct = true, int(monitoring.Clamp(*r.Progress)*100+0.5)
	}
	return v
}

func (s *Server) showMonitoringDashboard(w http.ResponseWriter, r *http.Request, ws *workspace) {
	b, ok := s.loadBoard(w, r, ws)
	if !ok {
		return
	}
	page := dashboardPage{Fresh: newFreshnessView(b.Fresh), Strategy: newRollupView(b.Tree.Strategy), Indicators: len(b.F.Indicators),
		MayImport: access.Can(ws.Role, access.ValidateMeasurement), MayValidate: access.Can(ws.Role, access.ValidateMeasurement),
		StatusRule: monitoring.StatusRule, RollupRule: monitoring.RollupRule, DueRule: monitoring.DueRule, TermLabel: b.F.Strategy.Term(),
		NoIndicators: len(b.F.Indicators) == 0}
	if rev, ok, err := s.store.StrategyRevision(r.Context(), ws.Authority.ID, b.F.Strategy.ID); err != nil {
		s.log.Warn("révision illisible", "err", err)
	} else if ok {
		page.Prepared, page.PreparedNotes = true, len(rev.Notes)
	}
	counts := map[monitoring.Status]int{}
	lines := map[logframe.Ref][]indicatorLine{}
	u := currentUser(r)
	for i, in := range b.F.Indicators {
		a := b.Assessments[i]
		counts[a.Status]++
		lines[in.Level] = append(lines[in.Level], b.line(ws, a, in))
		if b.ownedBy(in, u) {
			page.Mine += a.Pending + a.Overdue
		}
	}
	for _, st := range []monitoring.Status{monitoring.StatusAhead, monitoring.StatusOnTrack, monitoring.StatusLate, monitoring.StatusUnknown} {
		page.Statuses = append(page.Statuses, statusCount{st, counts[st]})
	}
	for ref, l := range lines {
		if ref.Kind == logframe.KindGeneralObjective {
			page.General = append(page.General, l...)
		}
	}
	for _, o := range b.F.Objectives {
		ref := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}
		ob := objectiveBlock{Num: b.View.Numbers.Of(ref), Title: o.Title, Rollup: newRollupView(b.Tree.Objectives[o.ID]), Indicators: lines[ref]}
		for _, res := range b.View.ResultsOf(o.ID) {
			rref := logframe.Ref{Kind: logframe.KindResult, ID: res.ID}
			rb := resultBlock{Num: b.View.Numbers.Of(rref), Title: res.Title, Rollup: newRollupView(b.Tree.Results[res.ID]), Indicators: lines[rref],
				Activities: len(b.View.ActivitiesOf(res.ID))}
			for _, act := range b.View.ActivitiesOf(res.ID) {
				rb.Indicators = append(rb.Indicators, lines[logframe.Ref{Kind: logframe.KindActivity, ID: act.ID}]...)
			}
			ob.Results = append(ob.Results, rb)
		}
		page.Objectives = append(page.Objectives, ob)
	}
	s.renderComponent(w, r, http.StatusOK, view{Title: "Suivi et évaluation", WS: ws, Section: monitoringSection},
		monitoringDashboardContent(ws, page))
}
