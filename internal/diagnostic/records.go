package diagnostic

import "time"

// The stored forms of the diagnostic's values: the domain value with what storage and optimistic
// concurrency add (identity, authority, timestamps, version). The store reads and writes these.

// ItemRecord is a stored item of a strategy's AFOM/SWOT matrix; Item.ID is the decimal form of ID, so the
// domain's reordering and merging work on stored items directly.
type ItemRecord struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	Item        Item
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int64
}

// PartnershipRecord is a stored entry of an authority's register of international relations, current or past.
// The register belongs to the authority rather than to one strategy: relations outlive mandatures.
type PartnershipRecord struct {
	ID          int64
	AuthorityID int64
	Partnership Partnership
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int64
}

// ArgumentRecord is a strategy's argument for élus and services: the stakes chosen and the officer's own words.
// Version 0 means it was never saved.
type ArgumentRecord struct {
	AuthorityID int64
	StrategyID  int64
	Input       ArgumentInput
	UpdatedAt   time.Time
	Version     int64
}

// AssessmentRecord is a strategy's self-assessment of the five principles and its checklist of the conditions
// facilitantes. Version 0 means it was never saved.
type AssessmentRecord struct {
	AuthorityID   int64
	StrategyID    int64
	Principles    []PrincipleAssessment
	ConditionsMet []string // condition codes
	UpdatedAt     time.Time
	Version       int64
}

// SessionRecord is a stored awareness session of a strategy, with its attendees in the order typed.
type SessionRecord struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	Session     Session
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int64
}

// ServiceListRecord is the authority's list of services, against which awareness coverage is counted.
// Version 0 means the list was never saved.
type ServiceListRecord struct {
	AuthorityID int64
	Services    []string
	UpdatedAt   time.Time
	Version     int64
}
