package model

import (
	"strconv"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/partialdate"
	"boussole/internal/process"
)

// StrategyStatus says where a strategy stands in the authority's history.
type StrategyStatus string

// Strategy statuses: an authority keeps past strategies, the current one and the draft of the next.
const (
	StrategyDraft   StrategyStatus = "preparation"
	StrategyCurrent StrategyStatus = "en-vigueur"
	StrategyPast    StrategyStatus = "passee"
)

var strategyStatusLabels = map[StrategyStatus]string{
	StrategyDraft: "En préparation", StrategyCurrent: "En vigueur", StrategyPast: "Passée",
}

// Label returns the French label of the status.
func (s StrategyStatus) Label() string { return strategyStatusLabels[s] }

// Valid reports whether s is a known status.
func (s StrategyStatus) Valid() bool { _, ok := strategyStatusLabels[s]; return ok }

// Strategy is an authority's international action strategy for one term of office (mandature).
type Strategy struct {
	ID          int64
	AuthorityID int64
	Title       string
	TermStart   int
	TermEnd     int // 0 when the document does not say (an adopted strategy with no end year)
	Status      StrategyStatus
	// AdoptedOn is the date of the deliberation that adopted the strategy, at the precision known; zero
	// for a strategy in preparation, or when nobody knows it.
	AdoptedOn partialdate.Date
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int64
}

// Term returns the mandature as « 2026–2032 », or « depuis 2020 (fin non renseignée) » when the end
// year is unknown.
func (s Strategy) Term() string {
	if s.TermEnd == 0 {
		return "depuis " + strconv.Itoa(s.TermStart) + " (fin non renseignée)"
	}
	return strconv.Itoa(s.TermStart) + "–" + strconv.Itoa(s.TermEnd)
}

// Adopted reports whether the strategy has been adopted: it is in force or past, not in preparation.
func (s Strategy) Adopted() bool { return s.Status == StrategyCurrent || s.Status == StrategyPast }

// Dates returns the mandature as dates, the one conversion every rule and page uses: from 1 January of
// its first year to 31 December of its last, End zero when the end year is unknown; zero without a start.
func (s Strategy) Dates() logframe.Term {
	if s.TermStart == 0 {
		return logframe.Term{}
	}
	t := logframe.Term{Start: time.Date(s.TermStart, 1, 1, 0, 0, 0, 0, time.UTC)}
	if s.TermEnd != 0 { // an adopted strategy whose document gives no end year keeps a zero End
		t.End = time.Date(s.TermEnd, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// HorizonEnd is the last year pages that draw the strategy over time (schedule, roadmap) cover: the
// term's end, or one mandature after its start when the end year is unknown (logframe.Term.Horizon). It is
// never shown as the term itself.
func (s Strategy) HorizonEnd() int {
	if s.TermEnd == 0 {
		return s.TermStart + logframe.HorizonYears
	}
	return s.TermEnd
}

// StepState is the recorded state of one step of the method for one strategy.
type StepState struct {
	ID           int64
	AuthorityID  int64
	StrategyID   int64
	Step         process.Step
	Status       process.Status
	Owner        string
	PlannedStart time.Time
	PlannedEnd   time.Time
	ActualStart  time.Time
	ActualEnd    time.Time
	Notes        string
	UpdatedAt    time.Time
	Version      int64
}

// Definition returns the method's description of the step.
func (s StepState) Definition() process.Definition { d, _ := process.Lookup(s.Step); return d }
