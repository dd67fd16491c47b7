package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"boussole/internal/access"
	"boussole/internal/figure/sparkline"
	"boussole/internal/frfmt"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/schedule"
	"boussole/internal/strategy"
)

// monitoringSection is the navigation entry of « Suivi et évaluation ».
const monitoringSection = "suivi-evaluation"

// board is what every monitoring page computes from the strategy it shows: the framework, each indicator
// assessed today from its measurements, the owners, the roll-up and the freshness. It costs a fixed number of
// queries whatever the number of indicators: the framework, the measurements, the owners, the schedules and
// the members, each read once.
type board struct {
	F           strategy.Framework
	View        frameworkView
	Term        monitoring.Term
	Today       time.Time
	Assessments []monitoring.Assessment // in the framework's indicator order
	at          map[int64]int
	Owners      map[int64]monitoring.Owner
	Members     map[int64]model.Member
	Tree        monitoring.Tree
	Fresh       monitoring.Freshness
	// What the roll-up was made of, for the dashboards that roll other groupings the same way.
	progress   map[int64]float64
	weights    map[int64]int
	completion map[int64]float64
}

// boardParts are the parts of the strategy aggregate a monitoring page reads, in one read transaction.
// The measurements are read as summaries: an indicator's page, which shows their sources and comments,
// reads them whole (loadIndicatorBoard).
const boardParts = strategy.PartFramework | strategy.PartPlanning | strategy.PartMonitoringSummary

// loadBoard loads the board of the strategy the session looks at; with no strategy it shows the empty state
// and returns false.
func (s *Server) loadBoard(w http.ResponseWriter, r *http.Request, ws *workspace) (*board, bool) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.storeFailed(w, r, err)
		return nil, false
	}
	if !ok {
		s.renderNoStrategy(w, r, ws, monitoringSection)
		return nil, false
	}
	return s.boardOf(w, r, ws, st.ID)
}

// loadIndicatorBoard loads the board of the strategy an indicator of the authority belongs to, which the
// page then shows in its header; a missing indicator, or another authority's, is a 404.
func (s *Server) loadIndicatorBoard(w http.ResponseWriter, r *http.Request, ws *workspace) (*board, monitoring.Assessment, logframe.IndicatorRecord, bool) {
	id, ok := pathID(r, "indicator")
	if !ok {
		s.notFound(w, r)
		return nil, monitoring.Assessment{}, logframe.IndicatorRecord{}, false
	}
	ctx := r.Context()
	in, err := s.store.Indicator(ctx, ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return nil, monitoring.Assessment{}, logframe.IndicatorRecord{}, false
	}
	list, err := s.store.Strategies(ctx, ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return nil, monitoring.Assessment{}, logframe.IndicatorRecord{}, false
	}
	for _, st := range list {
		if st.ID == in.StrategyID {
			ws.show(r, st, list)
		}
	}
	b, _, ok := s.boardWith(w, r, ws, in.StrategyID, strategy.PartMonitoring)
	if !ok {
		return nil, monitoring.Assessment{}, logframe.IndicatorRecord{}, false
	}
	a, in, found := b.assessment(id)
	if !found {
		s.notFound(w, r)
		return nil, monitoring.Assessment{}, logframe.IndicatorRecord{}, false
	}
	return b, a, in, true
}

// boardOf reads the strategy through the aggregate (framework, planning, monitoring in one read
// transaction) and the members, who belong to the authority rather than to the strategy.
func (s *Server) boardOf(w http.ResponseWriter, r *http.Request, ws *workspace, strategyID int64) (*board, bool) {
	b, _, ok := s.boardWith(w, r, ws, strategyID, 0)
	return b, ok
}

// boardWith is boardOf reading more parts of the strategy in the same transaction (the dashboards by theme
// and country read the projects), which it returns beside the board.
func (s *Server) boardWith(w http.ResponseWriter, r *http.Request, ws *workspace, strategyID int64, more strategy.Part) (*board, *strategy.Strategy, bool) {
	ctx := r.Context()
	agg, err := s.store.ReadStrategy(ctx, ws.Authority.ID, strategyID, boardParts|more)
	if err != nil {
		s.storeFailed(w, r, err)
		return nil, nil, false
	}
	members := map[int64]model.Member{}
	if access.Can(ws.Role, access.ViewMemberList) {
		list, err := s.store.Members(ctx, ws.Authority.ID)
		if err != nil {
			s.serverError(w, r, err)
			return nil, nil, false
		}
		for _, m := range list {
			members[m.User.ID] = m
		}
	}
	return newBoard(agg.Framework, agg.Monitoring.Measurements, agg.Monitoring.Owners, agg.Planning.Schedules, members, time.Now().UTC()), agg, true
}

// newBoard assesses every indicator and rolls the progress up.
func newBoard(f strategy.Framework, ms []monitoring.Measurement, owners map[int64]monitoring.Owner, schedules []schedule.ScheduleRecord,
	members map[int64]model.Member, today time.Time) *board {
	b := &board{F: f, View: newFrameworkView(f), Term: monitoring.Term{Start: f.Strategy.TermStart, End: f.Strategy.HorizonEnd()},
		Today: today, at: map[int64]int{}, Owners: owners, Members: members}
	byIndicator := measurementsByIndicator(ms)
	progress, weights := map[int64]float64{}, map[int64]int{}
	periods := map[string][]monitoring.Period{} // by periodicity: computed once for all the indicators that share it
	for i, in := range f.Indicators {
		ps, ok := periods[in.Periodicity]
		if !ok {
			ps = monitoring.Periods(in.Periodicity, b.Term)
			periods[in.Periodicity] = ps
		}
		a := monitoring.AssessIn(in.Indicator, ps, b.Term, byIndicator[in.ID], today)
		b.at[in.ID] = i
		b.Assessments = append(b.Assessments, a)
		if a.Progress != nil {
			progress[in.ID] = *a.Progress
		}
		if o, ok := owners[in.ID]; ok && o.Weight > 0 {
			weights[in.ID] = o.Weight
		}
	}
	completion := map[int64]float64{}
	for _, sc := range schedules {
		if sc.Status != schedule.Dropped {
			completion[sc.ActivityID] = float64(sc.PercentDone) / 100
		}
	}
	b.Tree = monitoring.RollUp(f.Logframe, progress, weights, completion)
	b.progress, b.weights, b.completion = progress, weights, completion
	b.Fresh = monitoring.FreshnessOf(b.Assessments)
	return b
}

// assessment returns the assessment of an indicator of the strategy.
func (b *board) assessment(id int64) (monitoring.Assessment, logframe.IndicatorRecord, bool) {
	i, ok := b.at[id]
	if !ok {
		return monitoring.Assessment{}, logframe.IndicatorRecord{}, false
	}
	return b.Assessments[i], b.F.Indicators[i], true
}

// ownerName returns who keeps the indicator up to date, as the viewer may see it: the member named, else
// the service written in the framework, else « non renseigné ».
func (b *board) ownerName(in logframe.IndicatorRecord) string {
	if o, ok := b.Owners[in.ID]; ok && o.UserID != 0 {
		if m, ok := b.Members[o.UserID]; ok {
			return m.User.Name
		}
	}
	if in.Owner != "" {
		return in.Owner
	}
	return frfmt.Unknown
}

// ownedBy reports whether the user keeps the indicator up to date: named as its owner, or, when nobody is
// named, written as its « Responsable » in the framework under their name or address.
func (b *board) ownedBy(in logframe.IndicatorRecord, u *model.User) bool {
	if u == nil {
		return false
	}
	if o, ok := b.Owners[in.ID]; ok && o.UserID != 0 {
		return o.UserID == u.ID
	}
	owner := strings.TrimSpace(in.Owner)
	return owner != "" && (strings.EqualFold(owner, u.Name) || strings.EqualFold(owner, u.Email))
}

// mayRecord reports whether the viewer may enter the indicator's measurements: those who validate, on every
// indicator; a référent, on the indicators they keep.
func (b *board) mayRecord(ws *workspace, in logframe.IndicatorRecord, u *model.User) bool {
	if access.Can(ws.Role, access.ValidateMeasurement) {
		return true
	}
	return access.Can(ws.Role, access.RecordMeasurement) && b.ownedBy(in, u)
}

// indicatorLine is one indicator as the monitoring tables show it.
type indicatorLine struct {
	ID          int64
	Href        string
	Num         string
	Title       string
	Level       string
	Last        string // the latest known value, « non renseigné » without one
	LastWhen    string
	Progress    string // « 45 % », or « non renseigné »
	Bar         int    // the progress clamped to 0–100, for the bar
	HasProgress bool
	Expected    string // the trajectory today
	Status      monitoring.Status
	Why         string // why the status is unknown
	Pending     int
	Overdue     int
	Owner       string
	Spark       template.HTML
}

func (b *board) line(ws *workspace, a monitoring.Assessment, in logframe.IndicatorRecord) indicatorLine {
	l := indicatorLine{ID: in.ID, Href: ws.Prefix() + "/suivi-evaluation/indicateurs/" + strconv.FormatInt(in.ID, 10),
		Num: b.View.Numbers.Of(logframe.Ref{Kind: logframe.KindIndicator, ID: in.ID}), Title: in.Title,
		Level: in.Level.Kind.Noun() + " " + b.View.Numbers.Of(in.Level), Last: frfmt.Unknown, Progress: frfmt.Unknown, Expected: frfmt.Unknown,
		Status: a.Status, Why: a.Unmeasurable, Pending: a.Pending, Overdue: a.Overdue, Spark: b.spark(a, in, "spark-"+strconv.FormatInt(in.ID, 10), 120, 28)}
	if access.Can(ws.Role, access.ViewInternal) {
		l.Owner = b.ownerName(in)
	}
	if m := a.Latest; m != nil {
		l.Last, l.LastWhen = valueText(*m, in), frfmt.Date(m.MeasuredOn)
	}
	if a.Progress != nil {
		l.Progress, l.Bar, l.HasProgress = progressPercent(*a.Progress), int(monitoring.Clamp(*a.Progress)*100+0.5), true
	}
	if a.ExpectedToday != nil {
		l.Expected = progressPercent(*a.ExpectedToday)
	}
	if l.Why == "" && a.Latest == nil {
		l.Why = "aucune mesure"
	}
	return l
}

// valueText writes a measured value with its unit, or its text for an indicator measured in words.
func valueText(m monitoring.Measurement, in logframe.IndicatorRecord) string {
	if m.Value == nil {
		if m.Text != "" {
			return m.Text
		}
		return frfmt.Unknown
	}
	v := m.Value.French()
	if in.Unit != "" {
		v += " " + in.Unit
	}
	return v
}

// progressPercent writes a progress as a whole percentage, unclamped (« 112 % », « −5 % »).
func progressPercent(p float64) string {
	n := int(p*100 + 0.5)
	if p < 0 {
		n = int(p*100 - 0.5)
	}
	return strings.Replace(strconv.Itoa(n), "-", "\u2212", 1) + "\u202f%"
}

// rollupText writes a roll-up's progress, « non renseigné » when none of its parts is known.
func rollupText(r monitoring.Rollup) string {
	if r.Progress == nil {
		return frfmt.Unknown
	}
	return progressPercent(*r.Progress)
}

// spark draws the trend of an indicator over its periods.
func (b *board) spark(a monitoring.Assessment, in logframe.IndicatorRecord, id string, w, h float64) template.HTML {
	pts := make([]sparkline.Point, 0, len(a.Rows))
	for _, r := range a.Rows {
		p := sparkline.Point{Label: r.Period.Label}
		if m := r.Measurement; m != nil && m.Value != nil {
			v := m.Value.Float64()
			p.Value, p.Text = &v, m.Value.French()
		}
		pts = append(pts, p)
	}
	o := sparkline.Options{IDPrefix: id, Title: "Évolution de l'indicateur « " + in.Title + " »", Unit: in.Unit, Width: w, Height: h}
	if a.Unmeasurable == "" {
		bv, tv := a.Span.Baseline.Float64(), a.Span.Target.Float64()
		o.Baseline, o.Target = &bv, &tv
	}
	return template.HTML(sparkline.Draw(pts, o)) // #nosec: generated SVG, texts escaped by the figure
}

// measurementsByIndicator groups the measurements by indicator without copying them: the store returns
// them by indicator, so each group is a window on ms (a list in another order is grouped all the same).
func measurementsByIndicator(ms []monitoring.Measurement) map[int64][]monitoring.Measurement {
	out := map[int64][]monitoring.Measurement{}
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].IndicatorID == ms[i].IndicatorID {
			j++
		}
		id := ms[i].IndicatorID
		if prev, seen := out[id]; seen {
			out[id] = append(append([]monitoring.Measurement(nil), prev...), ms[i:j]...)
		} else {
			out[id] = ms[i:j:j]
		}
		i = j
	}
	return out
}
