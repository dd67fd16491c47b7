package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"boussole/internal/figure/gantt"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/schedule"
)

// Lane modes of the chronogramme, chosen by the ?lignes= parameter.
const (
	lanesObjective = "objectif"
	lanesService   = "service"
	lanesPartner   = "partenaire"
)

var laneModes = []laneMode{
	{lanesObjective, "objectif spécifique"}, {lanesService, "service"}, {lanesPartner, "partenaire"},
}

// The chronogramme draws dependencies as arrows unless ?dependances=non.
const (
	arrowsParam = "dependances"
	arrowsOff   = "non"
)

// chronoRow is one line of the chronogramme's text alternative.
type chronoRow struct {
	Node        schedule.Node
	Milestone   bool
	Label       string
	Group       string // objective, or milestone kind
	Start, Last time.Time
	Days        int
	Responsible string
	Service     string
	Partners    []string
	Status      string
	Percent     int
	Slack       int
	Critical    bool
	Outside     string // « avant le mandat », « après le mandat »
	AnchorLost  bool
	Public      bool
}

// chrono is the computed chronogramme of a strategy.
type chrono struct {
	Result     *schedule.Result
	Err        string // why the schedule could not be computed
	Rows       []chronoRow
	Unplanned  []logframe.ActivityRecord
	SVG        template.HTML
	Critical   []string // names along the critical path
	Outside    int
	AnchorLost []string
	Links      []chronoLink // every dependency and relative start, in words: the arrows' text alternative
}

// chronoLink is one dependency of the text alternative, linked to the page of its successor.
type chronoLink struct {
	Text string
	To   schedule.Node
}

// buildChrono computes the schedule and draws it with lanes by mode, and with dependency arrows if asked.
func (d *planData) buildChrono(mode string, arrows bool, today time.Time) chrono {
	var c chrono
	plan := d.Plan(true) // built once: its dependencies are also the arrows (the process steps have none)
	res, err := schedule.Compute(plan)
	if err != nil {
		c.Err = errorText(err)
		return c
	}
	c.Result = res
	for _, id := range res.CriticalPath {
		t, _ := res.Timing(id)
		c.Critical = append(c.Critical, t.Name)
	}
	c.Rows, c.Unplanned = d.tableRows(res)
	for _, r := range c.Rows {
		if r.Outside != "" {
			c.Outside++
		}
		if r.AnchorLost {
			c.AnchorLost = append(c.AnchorLost, r.Label)
		}
	}
	lanes, rows := d.chartRows(res, mode)
	links := chartLinks(plan.Dependencies)
	c.Links = make([]chronoLink, 0, len(links))
	for _, l := range links {
		from, _ := res.Timing(l.From)
		to, _ := res.Timing(l.To)
		n, _ := schedule.ParseNode(l.To)
		c.Links = append(c.Links, chronoLink{Text: gantt.LinkText(to.Name, from.Name, l), To: n})
	}
	if !arrows {
		links = nil
	}
	c.SVG = template.HTML(gantt.Render(res, gantt.Chart{ //nolint:gosec // drawn by our code, every text escaped
		Title: "Chronogramme de « " + d.Strategy.Title + " »", Term: schedule.TermOf(d.Term), Today: schedule.FromTime(today),
		Lanes: lanes, Rows: rows, Links: links,
	}))
	return c
}

// chartLinks are the engine's dependencies, relative starts included, as the chart's arrows.
func chartLinks(deps []schedule.Dependency) []gantt.Link {
	links := make([]gantt.Link, len(deps))
	for i, dep := range deps {
		links[i] = gantt.Link{From: dep.From, To: dep.To, Kind: dep.Kind, Lag: dep.Lag}
	}
	return links
}

// tableRows lists scheduled activities in logframe order, then milestones, with their computed dates.
func (d *planData) tableRows(res *schedule.Result) (rows []chronoRow, unplanned []logframe.ActivityRecord) {
	rows = make([]chronoRow, 0, len(d.Schedules)+len(d.Milestones))
	for _, a := range d.Activities {
		sc, ok := d.Schedules[a.ID]
		if !ok {
			unplanned = append(unplanned, a)
			continue
		}
		n := schedule.Node{Kind: schedule.NodeActivity, ID: a.ID}
		t, _ := res.Timing(n.Key())
		responsible := sc.Responsible
		if responsible == "" {
			responsible = a.Owner
		}
		rows = append(rows, chronoRow{Node: n, Label: a.Title, Group: d.Objectives[a.ID].ObjectiveTitle, Start: t.Start.Time(),
			Last: t.Finish.AddDays(-1).Time(), Days: sc.DurationDays, Responsible: responsible, Service: sc.Service, Partners: sc.Partners,
			Status: sc.Status.Label(), Percent: sc.PercentDone, Slack: t.Slack, Critical: t.Critical, Outside: timingOutside(t),
			AnchorLost: sc.AnchorLost(), Public: sc.Public})
	}
	for _, m := range d.Milestones {
		t, _ := res.Timing(m.Node().Key())
		rows = append(rows, chronoRow{Node: m.Node(), Milestone: true, Label: m.Title, Group: m.Kind.Label(), Start: t.Start.Time(),
			Last: t.Start.Time(), Slack: t.Slack, Critical: t.Critical, Outside: timingOutside(t), Public: m.Public})
	}
	return rows, unplanned
}

func timingOutside(t schedule.Timing) string {
	switch {
	case t.BeforeTerm && t.AfterTerm:
		return "déborde du mandat des deux côtés"
	case t.BeforeTerm:
		return "commence avant le mandat"
	case t.AfterTerm:
		return "se termine après le mandat"
	}
	return ""
}

// chartRows sorts the chronogramme into lanes: the elaboration process first, then activities by objective,
// service or partner (an activity with two partners appears in both lanes), then milestones.
func (d *planData) chartRows(res *schedule.Result, mode string) ([]gantt.Lane, []gantt.Row) {
	const process, jalons = "processus", "jalons"
	var lanes []gantt.Lane
	var rows []gantt.Row
	for _, st := range d.Steps {
		if _, ok := res.Timing(schedule.ProcessKey(st)); ok {
			rows = append(rows, gantt.Row{ID: schedule.ProcessKey(st), Lane: process})
		}
	}
	if len(rows) > 0 {
		lanes = append(lanes, gantt.Lane{Key: process, Label: "Élaboration de la stratégie"})
	}
	laneKeys := map[string]string{} // a lane's key, written once per lane rather than once per row
	buf := make([]string, 0, 1)
	for _, a := range d.Activities {
		sc, ok := d.Schedules[a.ID]
		if !ok {
			continue
		}
		key := schedule.Node{Kind: schedule.NodeActivity, ID: a.ID}.Key()
		for _, lane := range activityLanes(buf, sc, d.Objectives[a.ID], mode) {
			laneKey, seen := laneKeys[lane]
			if !seen {
				laneKey = "l:" + lane
				laneKeys[lane] = laneKey
				lanes = append(lanes, gantt.Lane{Key: laneKey, Label: lane})
			}
			rows = append(rows, gantt.Row{ID: key, Label: a.Title, Lane: laneKey})
		}
	}
	for _, m := range d.Milestones {
		rows = append(rows, gantt.Row{ID: m.Node().Key(), Lane: jalons})
	}
	if len(d.Milestones) > 0 {
		lanes = append(lanes, gantt.Lane{Key: jalons, Label: "Jalons"})
	}
	return lanes, rows
}

// activityLanes returns the lanes of an activity, in one (into buf, reused from row to row) or, by partner,
// in each of its partners'.
func activityLanes(buf []string, sc schedule.ScheduleRecord, o schedule.ActivityObjective, mode string) []string {
	lane := o.ObjectiveTitle
	switch mode {
	case lanesService:
		lane = sc.Service
		if lane == "" {
			lane = "Service non renseigné"
		}
	case lanesPartner:
		if len(sc.Partners) > 0 {
			return sc.Partners
		}
		lane = "Sans partenaire"
	default:
		if lane == "" {
			lane = "Sans objectif"
		}
	}
	return append(buf[:0], lane)
}

// showChrono shows the chronogramme: the Gantt figure, what the engine found, and the table that says the same.
func (s *Server) showChrono(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, list, ok := s.planningStrategy(w, r, ws)
	if !ok {
		return
	}
	d, err := s.loadPlan(r.Context(), ws.Authority.ID, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	mode := r.URL.Query().Get("lignes")
	if mode != lanesService && mode != lanesPartner {
		mode = lanesObjective
	}
	arrows := r.URL.Query().Get(arrowsParam) != arrowsOff
	c := d.buildChrono(mode, arrows, time.Now())
	v := view{Title: "Chronogramme", Section: "planification", WS: ws, Notice: planSavedNotice(r, d, c.Result)}
	s.renderComponent(w, r, http.StatusOK, v, chronoContent(v, chronoPage{
		Plan: d, Chrono: c, Mode: mode, Modes: laneModes, Strategies: list, Query: strategyQuery(st, list),
		Arrows: arrows, ArrowsOff: arrowsOff, Toggle: chronoQuery(st, list, mode, !arrows),
		SVGQuery: chronoQuery(st, list, mode, arrows),
	}))
}

// chronoQuery is the query string of the chronogramme with the given lanes and arrows, on its strategy.
func chronoQuery(st model.Strategy, list []model.Strategy, mode string, arrows bool) string {
	q := url.Values{"lignes": {mode}}
	if !arrows {
		q.Set(arrowsParam, arrowsOff)
	}
	if strategyQuery(st, list) != "" {
		q.Set("strategie", strconv.FormatInt(st.ID, 10))
	}
	return "?" + q.Encode()
}

// showChronoSVG serves the chronogramme alone, for the strategy document and for download.
func (s *Server) showChronoSVG(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, _, ok := s.planningStrategy(w, r, ws)
	if !ok {
		return
	}
	d, err := s.loadPlan(r.Context(), ws.Authority.ID, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	c := d.buildChrono(r.URL.Query().Get("lignes"), r.URL.Query().Get(arrowsParam) != arrowsOff, time.Now())
	if c.Err != "" {
		s.errorPage(w, r, http.StatusUnprocessableEntity, c.Err)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="chronogramme.svg"`)
	_, _ = w.Write([]byte(c.SVG))
}

// shiftsParam encodes what moved for the page after a save: « a12:5:5,m3:0:2 » (key, start and finish shifts).
func shiftsParam(shifts []schedule.Shift) string {
	parts := make([]string, 0, len(shifts))
	for _, sh := range shifts[:min(len(shifts), 500)] {
		parts = append(parts, sh.ID+":"+strconv.Itoa(sh.StartDays)+":"+strconv.Itoa(sh.FinishDays))
	}
	return strings.Join(parts, ",")
}

// planSavedNotice says what a save changed, from the ?enregistre= and ?decale= parameters of the redirect, with
// the names as they are now.
func planSavedNotice(r *http.Request, d *planData, res *schedule.Result) string {
	q := r.URL.Query()
	what := q.Get("enregistre")
	if what == "" {
		return ""
	}
	msg := map[string]string{"calendrier": "Le calendrier de l'activité a été enregistré.", "jalon": "Le jalon a été enregistré.",
		"dependance": "La dépendance a été ajoutée.", "suppression": "La suppression a été faite."}[what]
	if msg == "" {
		return ""
	}
	var shifts []schedule.Shift
	for _, part := range strings.Split(q.Get("decale"), ",") {
		f := strings.Split(part, ":")
		if len(f) != 3 {
			continue
		}
		n, ok := schedule.ParseNode(f[0])
		start, err1 := strconv.Atoi(f[1])
		finish, err2 := strconv.Atoi(f[2])
		if !ok || err1 != nil || err2 != nil {
			continue
		}
		shifts = append(shifts, schedule.Shift{ID: f[0], Name: d.NodeName(n), StartDays: start, FinishDays: finish})
	}
	msg += " " + schedule.SummarizeShifts(shifts)
	return msg
}

// planAfterSave computes what a write moved against the schedule computed before it, and redirects to the
// chronogramme, which says it.
func (s *Server) planAfterSave(w http.ResponseWriter, r *http.Request, ws *workspace, st model.Strategy, what string, before *schedule.Result) {
	q := url.Values{"enregistre": {what}}
	if list, err := s.store.Strategies(r.Context(), ws.Authority.ID); err == nil && strategyQuery(st, list) != "" {
		q.Set("strategie", strconv.FormatInt(st.ID, 10))
	}
	if d, err := s.loadPlan(r.Context(), ws.Authority.ID, st); err == nil && before != nil {
		if after, err := d.compute(true); err == nil {
			q.Set("decale", shiftsParam(schedule.Diff(before, after)))
		}
	}
	redirect(w, r, ws.Prefix()+"/planification?"+q.Encode()+"#tableau")
}
