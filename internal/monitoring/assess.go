package monitoring

import (
	"sort"
	"time"

	"boussole/internal/logframe"
)

// GraceDays is how long after a period ends its value may still come in before it is overdue: the time to
// gather a yearly report or a partner's figures.
const GraceDays = 30

// Due says whether a period still waits for its value.
type Due int

// The states of a period's value.
const (
	NotDue  Due = iota // filled in, or not ended yet
	Pending            // ended less than GraceDays ago, no value: « à renseigner »
	Overdue            // ended more than GraceDays ago, no value: « en retard de saisie »
)

// Label returns the French label of the state, "" when nothing is awaited.
func (d Due) Label() string {
	switch d {
	case Pending:
		return "à renseigner"
	case Overdue:
		return "en retard de saisie"
	}
	return ""
}

// DueRule is the rule of due and overdue periods, as the pages spell it out.
const DueRule = "Une période attend sa valeur dès qu'elle est terminée : elle est « à renseigner » pendant 30 jours, puis " +
	"« en retard de saisie ». Un indicateur est à jour quand aucune de ses périodes n'est en retard de saisie."

// Row is one period of an indicator with its measurement, if any.
type Row struct {
	Period      Period
	Measurement *Measurement
	Due         Due
	Current     bool // today falls in this period
	Progress    *float64
}

// Assessment is everything monitoring says about one indicator on one day.
type Assessment struct {
	Indicator     logframe.Indicator
	Rows          []Row // the periods in date order, then measurements of periods the periodicity no longer has
	Latest        *Measurement
	Span          Span
	Unmeasurable  string   // why progress cannot be computed, "" when it can
	Progress      *float64 // of the latest measurement, unclamped
	Expected      *float64 // the trajectory at the latest measurement's day
	ExpectedToday *float64
	Status        Status
	Pending       int
	Overdue       int
}

// UpToDate reports whether no period is overdue; an indicator with no periodicity expects nothing.
func (a Assessment) UpToDate() bool { return a.Overdue == 0 }

// HasPeriods reports whether the periodicity defines periods, so freshness can count the indicator.
func (a Assessment) HasPeriods() bool {
	return len(a.Rows) > 0 && CadenceOf(a.Indicator.Periodicity) != NoCadence
}

// Assess places the indicator's measurements in its periods and computes its progress, status and what is
// due on the day today.
func Assess(in logframe.Indicator, term Term, ms []Measurement, today time.Time) Assessment {
	return AssessIn(in, Periods(in.Periodicity, term), term, ms, today)
}

// AssessIn is Assess with the indicator's periods already computed: a page that assesses many indicators
// computes the periods of each periodicity once.
func AssessIn(in logframe.Indicator, periods []Period, term Term, ms []Measurement, today time.Time) Assessment {
	a := Assessment{Indicator: in, Status: StatusUnknown, Rows: make([]Row, 0, len(periods))}
	a.Span, a.Unmeasurable = SpanOf(in, term)
	byKey := make(map[string]*Measurement, len(ms))
	for i := range ms {
		byKey[ms[i].Period] = &ms[i]
	}
	for _, p := range periods {
		r := Row{Period: p, Measurement: byKey[p.Key], Current: p.Contains(today)}
		delete(byKey, p.Key)
		if r.Measurement == nil || !r.Measurement.KnownFor(in) {
			r.Due = dueOf(p, today)
		}
		a.Rows = append(a.Rows, r)
	}
	// A measurement whose period the periodicity no longer has (it was changed) stays visible, after the others.
	var orphans []Row
	for _, m := range byKey {
		orphans = append(orphans, Row{Period: Period{Key: m.Period, Label: "période « " + m.Period + " » (ancienne périodicité)", Start: m.PeriodStart, End: m.PeriodEnd}, Measurement: m})
	}
	sort.Slice(orphans, func(i, j int) bool { return orphans[i].Period.Start.Before(orphans[j].Period.Start) })
	a.Rows = append(a.Rows, orphans...)
	progress := make([]float64, len(a.Rows)) // one block for the rows' progress, not one allocation per row
	for i := range a.Rows {
		r := &a.Rows[i]
		switch r.Due {
		case Pending:
			a.Pending++
		case Overdue:
			a.Overdue++
		}
		m := r.Measurement
		if m == nil || !m.KnownFor(in) {
			continue
		}
		if a.Latest == nil || m.MeasuredOn.After(a.Latest.MeasuredOn) {
			a.Latest = m
		}
		if a.Unmeasurable == "" && m.Value != nil {
			progress[i], _ = a.Span.Progress(*m.Value)
			r.Progress = &progress[i]
		}
	}
	if a.Unmeasurable != "" {
		return a
	}
	e := a.Span.Expected(today)
	a.ExpectedToday = &e
	if a.Latest == nil || a.Latest.Value == nil {
		return a
	}
	p, _ := a.Span.Progress(*a.Latest.Value)
	x := a.Span.Expected(a.Latest.MeasuredOn)
	a.Progress, a.Expected = &p, &x
	a.Status = StatusOf(p, x)
	return a
}

func dueOf(p Period, today time.Time) Due {
	switch {
	case !p.EndedBy(today):
		return NotDue
	case day(today).After(p.End.AddDate(0, 0, GraceDays)):
		return Overdue
	}
	return Pending
}

// Freshness is the share of indicators whose data is up to date.
type Freshness struct {
	UpToDate int // indicators with periods and none overdue
	Counted  int // indicators whose periodicity defines periods
	Without  int // indicators without a periodicity, which expect nothing and are not counted
}

// FreshnessRule says how the share is counted.
const FreshnessRule = "La fraîcheur est la part des indicateurs à jour (aucune période en retard de saisie) parmi ceux dont la " +
	"périodicité fixe des périodes ; un indicateur sans périodicité n'est pas compté."

// FreshnessOf counts the assessments.
func FreshnessOf(as []Assessment) Freshness {
	var f Freshness
	for _, a := range as {
		if !a.HasPeriods() {
			f.Without++
			continue
		}
		f.Counted++
		if a.UpToDate() {
			f.UpToDate++
		}
	}
	return f
}

// Share returns the share of indicators up to date, and false when none is counted (unknown, not 0 %).
func (f Freshness) Share() (float64, bool) {
	if f.Counted == 0 {
		return 0, false
	}
	return float64(f.UpToDate) / float64(f.Counted), true
}
