package declaration

import (
	"strconv"
	"strings"
	"time"

	"boussole/internal/funding"
	"boussole/internal/logframe"
	"boussole/internal/monitoring"
	"boussole/internal/strategy"
)

// IATI results: a project's results are the framework elements it serves (funding.Link), with their
// indicators, baselines and targets from the framework and the actuals from the monitoring's measurements.
// An objective is an outcome (IATI ResultType 2), an expected result an output (1); an activity stands for
// the result it serves. An element without indicator gives no result: the schema wants one at least.

type result struct {
	Type        string      `xml:"type,attr"`
	Title       textElem    `xml:"title"`
	Description *textElem   `xml:"description,omitempty"`
	Indicators  []indicator `xml:"indicator"`
}

type indicator struct {
	Measure     string     `xml:"measure,attr"`
	Ascending   string     `xml:"ascending,attr"`
	Title       textElem   `xml:"title"`
	Description *textElem  `xml:"description,omitempty"`
	Baselines   []baseline `xml:"baseline"`
	Periods     []period   `xml:"period"`
}

type baseline struct {
	ISODate string    `xml:"iso-date,attr,omitempty"`
	Year    string    `xml:"year,attr"`
	Value   string    `xml:"value,attr,omitempty"`
	Comment *textElem `xml:"comment,omitempty"`
}

type period struct {
	Start   isoDate       `xml:"period-start"`
	End     isoDate       `xml:"period-end"`
	Targets []periodValue `xml:"target"`
	Actuals []periodValue `xml:"actual"`
}

type periodValue struct {
	Value   string    `xml:"value,attr,omitempty"`
	Comment *textElem `xml:"comment,omitempty"`
}

// resultIndex finds, for a strategy, the indicators and measurements of each framework element.
type resultIndex struct {
	objectives   map[int64]logframe.SpecificObjective
	results      map[int64]logframe.ExpectedResult
	activityOf   map[int64]int64 // activity → its expected result
	indicators   map[logframe.Ref][]logframe.Indicator
	measurements map[int64][]monitoring.Measurement
}

func newResultIndex(s strategy.Strategy) resultIndex {
	x := resultIndex{objectives: map[int64]logframe.SpecificObjective{}, results: map[int64]logframe.ExpectedResult{},
		activityOf: map[int64]int64{}, indicators: map[logframe.Ref][]logframe.Indicator{}, measurements: map[int64][]monitoring.Measurement{}}
	for _, o := range s.Framework.Objectives {
		x.objectives[o.ID] = o.SpecificObjective
	}
	for _, r := range s.Framework.Results {
		x.results[r.ID] = r.ExpectedResult
	}
	for _, a := range s.Framework.Activities {
		x.activityOf[a.ID] = a.ResultID
	}
	for _, in := range s.Framework.Indicators {
		x.indicators[in.Level] = append(x.indicators[in.Level], in.Indicator)
	}
	for _, m := range s.Monitoring.Measurements {
		x.measurements[m.IndicatorID] = append(x.measurements[m.IndicatorID], m)
	}
	return x
}

// of returns the results of the elements a project serves, each element once, in the links' order.
func (x resultIndex) of(p funding.Project) []result {
	var out []result
	seen := map[logframe.Ref]bool{}
	for _, l := range p.Links {
		var ref logframe.Ref
		switch l.Kind {
		case funding.LinkObjective:
			ref = logframe.Ref{Kind: logframe.KindSpecificObjective, ID: l.ID}
		case funding.LinkResult:
			ref = logframe.Ref{Kind: logframe.KindResult, ID: l.ID}
		case funding.LinkActivity:
			r, ok := x.activityOf[l.ID]
			if !ok {
				continue
			}
			ref = logframe.Ref{Kind: logframe.KindResult, ID: r}
		}
		if seen[ref] {
			continue
		}
		seen[ref] = true
		if r, ok := x.result(ref); ok {
			out = append(out, r)
		}
	}
	return out
}

func (x resultIndex) result(ref logframe.Ref) (result, bool) {
	var r result
	switch ref.Kind {
	case logframe.KindSpecificObjective:
		o, ok := x.objectives[ref.ID]
		if !ok {
			return r, false
		}
		r = result{Type: "2", Title: fr(o.Title), Description: optionalText(o.Description)}
	case logframe.KindResult:
		e, ok := x.results[ref.ID]
		if !ok {
			return r, false
		}
		r = result{Type: "1", Title: fr(e.Title), Description: optionalText(e.Description)}
	default:
		return r, false
	}
	for _, in := range x.indicators[ref] {
		r.Indicators = append(r.Indicators, x.indicator(in))
	}
	return r, len(r.Indicators) > 0
}

func optionalText(s string) *textElem {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	t := fr(s)
	return &t
}

func (x resultIndex) indicator(in logframe.Indicator) indicator {
	measure := int(in.Measure)
	if measure < 1 || measure > 5 {
		measure = int(logframe.MeasureUnit)
	}
	title := in.Title
	if in.Unit != "" {
		title += " (" + in.Unit + ")"
	}
	out := indicator{Measure: strconv.Itoa(measure), Ascending: strconv.FormatBool(in.Ascending), Title: fr(title), Description: optionalText(in.Definition)}
	// The schema wants a baseline's year: a baseline without date is left out rather than dated falsely.
	if b := in.Baseline; b != nil && !b.Date.IsZero() && (b.Value != nil || b.Text != "") {
		bl := baseline{ISODate: b.Date.First().Format(time.DateOnly), Year: strconv.Itoa(b.Date.First().Year()), Comment: optionalText(joinNotes(b.Text, b.Comment))}
		if b.Value != nil {
			bl.Value = b.Value.String()
		}
		out.Baselines = append(out.Baselines, bl)
	}
	for _, m := range x.measurements[in.ID] {
		if m.PeriodStart.IsZero() || m.PeriodEnd.Before(m.PeriodStart) || (m.Value == nil && m.Text == "") {
			continue
		}
		pv := periodValue{Comment: optionalText(joinNotes(m.Text, m.Comment))}
		if m.Value != nil {
			pv.Value = m.Value.String()
		}
		out.Periods = append(out.Periods, period{Start: isoDate{m.PeriodStart.Format(time.DateOnly)}, End: isoDate{m.PeriodEnd.Format(time.DateOnly)},
			Actuals: []periodValue{pv}})
	}
	for _, t := range in.Targets {
		if t.Date.IsZero() || (t.Value == nil && t.Text == "") {
			continue
		}
		tv := periodValue{Comment: optionalText(joinNotes(t.Text, t.Comment))}
		if t.Value != nil {
			tv.Value = t.Value.String()
		}
		// A target goes in the measured period holding its date, or in its own period: its date's year.
		end := t.Date.Last()
		placed := false
		for i := range out.Periods {
			p := &out.Periods[i]
			if p.Start.ISODate <= end.Format(time.DateOnly) && end.Format(time.DateOnly) <= p.End.ISODate {
				p.Targets = append(p.Targets, tv)
				placed = true
				break
			}
		}
		if !placed {
			start := time.Date(end.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
			out.Periods = append(out.Periods, period{Start: isoDate{start.Format(time.DateOnly)}, End: isoDate{end.Format(time.DateOnly)},
				Targets: []periodValue{tv}})
		}
	}
	return out
}

func joinNotes(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " — ")
}
