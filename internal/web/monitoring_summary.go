package web

import (
	"net/http"
	"sort"
	"strconv"

	"boussole/internal/frfmt"
	"boussole/internal/logframe"
	"boussole/internal/monitoring"
)

// The one-page summary of progress for élus (issue 13, item 4): the strategy's progress and the freshness
// of its data first, then each objective, the indicators behind schedule and where the evaluations'
// recommendations stand. Lists, not tables: it reads on a phone without sideways scrolling.

// summaryPage is the page's data.
type summaryPage struct {
	Title, Term, Today string
	Strategy           rollupView
	Fresh              freshnessView
	Statuses           []statusCount
	Objectives         []summaryLine
	Themes             []summaryLine
	Late               []summaryLine // the indicators behind schedule, most behind first
	LateMore           int
	Recommendations    []statusCount2
	RecTotal           int
	NoIndicators       bool
	AxesHref           string
	BoardHref          string
	EvaluationsHref    string
}

// summaryLine is one short line with its progress and a link to what is behind it.
type summaryLine struct {
	Label  string
	Rollup rollupView
	Href   string
	Detail string
}

// statusCount2 is a count under a label.
type statusCount2 struct {
	Label string
	N     int
}

// summaryLateShown is how many indicators behind schedule the summary names.
const summaryLateShown = 5

func (s *Server) showMonitoringSummary(w http.ResponseWriter, r *http.Request, ws *workspace) {
	b, agg, ok := s.loadBoardWith(w, r, ws, axesParts)
	if !ok {
		return
	}
	p := ws.Prefix() + "/suivi-evaluation"
	page := summaryPage{Title: b.F.Strategy.Title, Term: b.F.Strategy.Term(), Today: frfmt.Date(b.Today), Strategy: newRollupView(b.Tree.Strategy),
		Fresh: newFreshnessView(b.Fresh), NoIndicators: len(b.F.Indicators) == 0, AxesHref: p + "/tableaux", BoardHref: p, EvaluationsHref: p + "/evaluations"}
	counts := map[monitoring.Status]int{}
	type late struct {
		gap float64
		l   summaryLine
	}
	var behind []late
	for i, in := range b.F.Indicators {
		a := b.Assessments[i]
		counts[a.Status]++
		if a.Status == monitoring.StatusLate && a.Progress != nil && a.Expected != nil {
			l := summaryLine{Label: in.Title, Href: p + "/indicateurs/" + strconv.FormatInt(in.ID, 10),
				Detail: progressPercent(*a.Progress) + " atteints, " + progressPercent(*a.Expected) + " attendus à la dernière mesure"}
			l.Rollup = rollupView{Text: progressPercent(*a.Progress), Pct: int(monitoring.Clamp(*a.Progress)*100 + 0.5), HasProgress: true}
			behind = append(behind, late{*a.Expected - *a.Progress, l})
		}
	}
	for _, st := range []monitoring.Status{monitoring.StatusAhead, monitoring.StatusOnTrack, monitoring.StatusLate, monitoring.StatusUnknown} {
		page.Statuses = append(page.Statuses, statusCount{st, counts[st]})
	}
	sort.SliceStable(behind, func(i, j int) bool { return behind[i].gap > behind[j].gap })
	for i, x := range behind {
		if i == summaryLateShown {
			page.LateMore = len(behind) - summaryLateShown
			break
		}
		page.Late = append(page.Late, x.l)
	}
	axes := b.axes(agg)
	for _, o := range b.F.Objectives {
		ref := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}
		page.Objectives = append(page.Objectives, summaryLine{Label: b.View.Numbers.Of(ref) + ". " + o.Title, Rollup: newRollupView(b.Tree.Objectives[o.ID]),
			Href: axisHref(ws, axisObjective, strconv.FormatInt(o.ID, 10))})
	}
	for _, h := range axes[axisTheme] {
		page.Themes = append(page.Themes, summaryLine{Label: h.Label, Rollup: newRollupView(h.Rollup), Href: axisHref(ws, axisTheme, h.Key)})
	}
	byFollowUp := map[monitoring.FollowUp]int{}
	for _, e := range agg.Monitoring.Evaluations {
		for _, rec := range e.Recommendations {
			byFollowUp[rec.FollowUp]++
			page.RecTotal++
		}
	}
	for _, f := range monitoring.FollowUps {
		if n := byFollowUp[f]; n > 0 {
			page.Recommendations = append(page.Recommendations, statusCount2{f.Label(), n})
		}
	}
	s.renderComponent(w, r, http.StatusOK, view{Title: "Le suivi en une page", WS: ws, Section: monitoringSection}, monitoringSummaryContent(ws, page))
}
