package logframe

import "time"

// The framework's stored records. One convention for every record of every capability: a record is named
// after what it stores with the suffix Record, lives in the domain package beside the rules that read it,
// embeds the domain value those rules work on (when they work on one), and adds what storage needs: the
// authority and strategy it belongs to, its version (optimistic locking) and, where kept, its timestamps.
// Storage returns records; the check reads the embedded values.

// ObjectiveRecord is a stored specific objective, with its SMART fields.
type ObjectiveRecord struct {
	SpecificObjective
	AuthorityID int64
	StrategyID  int64
	Version     int64
}

// ResultRecord is a stored expected result under a specific objective.
type ResultRecord struct {
	ExpectedResult
	AuthorityID int64
	StrategyID  int64
	Version     int64
}

// ActivityRecord is a stored activity, under an expected result: what is done, by whom, with what resources
// and at what cost. Planning schedules activities by their ID.
type ActivityRecord struct {
	Activity
	AuthorityID int64
	StrategyID  int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int64
}

// IndicatorRecord is a stored indicator of the framework with its targets.
type IndicatorRecord struct {
	Indicator
	AuthorityID int64
	StrategyID  int64
	Version     int64
}

// RiskRecord is a stored entry of the risk register.
type RiskRecord struct {
	Risk
	AuthorityID int64
	StrategyID  int64
	Version     int64
}

// AssumptionRecord is a stored factor outside the strategy's control on which an element relies.
type AssumptionRecord struct {
	Assumption
	AuthorityID int64
	StrategyID  int64
}

// GeoPriorityRecord is a stored geographic priority with the activities that reflect it.
type GeoPriorityRecord struct {
	GeoPriority
	AuthorityID int64
	StrategyID  int64
	Position    int
	Kind        GeoKind
	Comment     string
	// PartnershipIDs are the diagnostic's partnerships (register entries) the priority builds on.
	PartnershipIDs []int64
	Version        int64
}

// KeyElementsRecord are a strategy's stored key elements (vision, mission, general objective, link to the
// political project) with its values and dimensions, saved together from one form. Domain returns them as
// the check reads them.
type KeyElementsRecord struct {
	ID               int64 // also the general objective's ID in the framework
	AuthorityID      int64
	StrategyID       int64
	Vision           string
	Mission          string
	PoliticalProject string
	GeneralTitle     string
	GeneralText      string
	Values           []Value
	Dimensions       []Dimension
	UpdatedAt        time.Time
	Version          int64 // 0 until first saved
}

// ThematicPriorityRecord ties a priority theme to a competence or public policy of the authority and to
// the service that carries it. No rule reads it yet, so it has no domain value of its own.
type ThematicPriorityRecord struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	Position    int
	Policy      string // « Eau et assainissement »
	Service     string // « Direction de l'eau et de l'assainissement »
	Description string
	Version     int64
}

// LocalTargetRecord is a target the authority defines under a UN target, such as « 11.6-local ».
type LocalTargetRecord struct {
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
	Element Ref
	Code    string
}
