package model

import (
	"strconv"
	"time"

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
	TermEnd     int
	Status      StrategyStatus
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int64
}

// Term returns the mandature as « 2026–2032 ».
func (s Strategy) Term() string { return strconv.Itoa(s.TermStart) + "–" + strconv.Itoa(s.TermEnd) }

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
