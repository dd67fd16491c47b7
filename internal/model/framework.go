package model

import (
	"time"

	"boussole/internal/logframe"
)

// Activity is one activity of a strategy's logical framework, under an expected result: what is done, by whom,
// with what resources and at what cost. Planning schedules activities by their ID.
type Activity struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	ResultID    int64 // the expected result it serves
	Position    int   // order among the result's activities; numbering sorts by (Position, ID)
	Title       string
	Description string
	Owner       string // who carries it: a service, an elected official, a partner
	Resources   string
	CostCents   int64
	Start       time.Time // optional
	End         time.Time // optional
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int64
}

// Logframe returns the activity as the check sees it.
func (a Activity) Logframe() logframe.Activity {
	return logframe.Activity{ID: a.ID, ResultID: a.ResultID, Position: a.Position, Title: a.Title, Owner: a.Owner,
		Resources: a.Resources, CostCents: a.CostCents, Start: a.Start, End: a.End}
}

// Objective is a specific objective of a strategy, with its SMART fields.
type Objective struct {
	logframe.SpecificObjective
	AuthorityID int64
	StrategyID  int64
	Version     int64
}

// Result is an expected result under a specific objective.
type Result struct {
	logframe.ExpectedResult
	AuthorityID int64
	StrategyID  int64
	Version     int64
}
