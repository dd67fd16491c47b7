package model

import (
	"time"

	"boussole/internal/logframe"
	"boussole/internal/partialdate"
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
	CostCents   *int64           // nil when not estimated, never 0 for « unknown »
	Start       partialdate.Date // optional
	End         partialdate.Date // optional
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

// KeyElements are a strategy's key elements (vision, mission, general objective, link to the political
// project) with its values and dimensions, saved together from one form.
type KeyElements struct {
	ID               int64 // also the general objective's ID in the framework
	AuthorityID      int64
	StrategyID       int64
	Vision           string
	Mission          string
	PoliticalProject string
	GeneralTitle     string
	GeneralText      string
	Values           []logframe.Value
	Dimensions       []logframe.Dimension
	UpdatedAt        time.Time
	Version          int64 // 0 until first saved
}

// GeoKind says what a geographic priority designates.
type GeoKind string

// The three kinds of geographic priority the guide names.
const (
	GeoCountry GeoKind = "pays"
	GeoPartner GeoKind = "partenaire"
	GeoRegion  GeoKind = "region"
)

// Label returns the French label of the kind.
func (k GeoKind) Label() string {
	switch k {
	case GeoCountry:
		return "Pays"
	case GeoPartner:
		return "Collectivité partenaire"
	case GeoRegion:
		return "Région du monde"
	}
	return string(k)
}

// GeoPriority is a geographic priority with the activities that reflect it.
type GeoPriority struct {
	logframe.GeoPriority
	AuthorityID int64
	StrategyID  int64
	Position    int
	Kind        GeoKind
	Comment     string
	// PartnershipIDs are the diagnostic's partnerships (register entries) the priority builds on.
	PartnershipIDs []int64
	Version        int64
}

// ThematicPriority ties a priority theme to a competence or public policy of the authority and to the
// service that carries it.
type ThematicPriority struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	Position    int
	Policy      string // « Eau et assainissement »
	Service     string // « Direction de l'eau et de l'assainissement »
	Description string
	Version     int64
}

// Indicator is an indicator of the framework with its targets.
type Indicator struct {
	logframe.Indicator
	AuthorityID int64
	StrategyID  int64
	Version     int64
}

// Risk is an entry of the risk register.
type Risk struct {
	logframe.Risk
	AuthorityID int64
	StrategyID  int64
	Version     int64
}

// Assumption is a factor outside the strategy's control on which an element relies.
type Assumption struct {
	logframe.Assumption
	AuthorityID int64
	StrategyID  int64
}

// LocalTarget is a target the authority defines under a UN target, such as « 11.6-local ».
type LocalTarget struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	UNTarget    string // « 11.6 »
	Code        string // « 11.6-local »
	Title       string
	Description string
}

// SDGTag tags one element of the strategy with an ODD goal (« 11 »), target (« 11.6 ») or local target.
type SDGTag struct {
	Element logframe.Ref
	Code    string
}
