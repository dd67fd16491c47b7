package logframe

import (
	"time"

	"boussole/internal/partialdate"
)

// Strategy is the whole framework of one strategy, flat: children point at their parent by ID, so that storage
// maps one row to one element and a move changes a single field.
type Strategy struct {
	ID          int64
	Title       string
	Term        Term
	Key         KeyElements
	Objectives  []SpecificObjective
	Results     []ExpectedResult
	Activities  []Activity
	Indicators  []Indicator
	Assumptions []Assumption
	Risks       []Risk
	SWOT        []SWOTRef
	Geo         []GeoPriority
}

// Term is the period the strategy covers, normally one mandature: from 1 January of its first year to 31
// December of its last, both days included. End is zero when the strategy's document gives no end year.
// model.Strategy.Dates is the one place a strategy's years become a Term; schedule.TermOf derives the
// engine's term from it.
type Term struct {
	Start time.Time
	End   time.Time
}

// HorizonYears is how far pages and the engine draw a term whose end is unknown: one mandature.
const HorizonYears = 6

// Horizon is the last day drawn over time (chronogramme, roadmap, term flags): End, or 31 December six
// years (one mandature) after the first year when End is unknown. It is never shown as the term itself.
// It is zero when Start is.
func (t Term) Horizon() time.Time {
	if !t.End.IsZero() || t.Start.IsZero() {
		return t.End
	}
	return time.Date(t.Start.Year()+HorizonYears, 12, 31, 0, 0, 0, 0, time.UTC)
}

// IsSet reports whether both dates are filled in.
func (t Term) IsSet() bool { return !t.Start.IsZero() && !t.End.IsZero() }

// Overlaps reports whether the period of d (a day, a month or a year) meets the term, bounds included: a
// target « 2032 » is within a term that ends on 31 March 2032.
func (t Term) Overlaps(d partialdate.Date) bool {
	return t.IsSet() && !d.IsZero() && !d.Last().Before(t.Start) && !d.First().After(t.End)
}

// Contains reports whether d falls within the term, bounds included.
func (t Term) Contains(d time.Time) bool {
	return t.IsSet() && !d.Before(t.Start) && !d.After(t.End)
}

// KeyElements are the guide's « éléments clés »: values, vision, mission, general objective and dimensions.
type KeyElements struct {
	Values           []Value
	Vision           string
	Mission          string
	PoliticalProject string // link to the authority's political project
	General          *GeneralObjective
	Dimensions       []Dimension
}

// Value is one principle the international action rests on, with a short explanation.
type Value struct {
	ID          int64
	Name        string // e.g. « Réciprocité dans les partenariats »
	Explanation string
}

// Dimension is one of the orientations the authority chooses, with its relative weight in percent.
type Dimension struct {
	ID     int64
	Name   string // e.g. « Coopération décentralisée »
	Weight *int   // 0–100, nil when not decided; the weights of all dimensions are meant to add up to 100
}

// GeneralObjective states the change the strategy aims at; it is the top of the logical framework.
type GeneralObjective struct {
	ID          int64
	Title       string
	Description string
	SDG         []string
}

// SpecificObjective translates the general objective into an operational, SMART objective.
type SpecificObjective struct {
	ID          int64
	Position    int // order among siblings; numbering sorts by (Position, ID)
	Title       string
	Description string
	// SMART fields.
	Specific     string           // what, and for whom
	Measure      string           // how success is measured
	Achievable   string           // what puts it within reach (skills, committed partners, experience)
	TargetDate   partialdate.Date // when, maybe only a month or a year; zero means « at the end of the term »
	Resources    string           // what it takes (people, partners, budget lines)
	SWOTIDs      []int64          // SWOT items this objective answers
	Stakeholders []int64
	SDG          []string
}

// ExpectedResult is a result expected from a specific objective.
type ExpectedResult struct {
	ID           int64
	ObjectiveID  int64
	Position     int
	Title        string
	Description  string
	SWOTIDs      []int64
	Stakeholders []int64
	SDG          []string
}

// Activity is what is done to reach a result, with its owner, resources and cost (the guide's fourth row).
type Activity struct {
	ID          int64
	ResultID    int64 // the expected result it serves
	Position    int   // order among the result's activities; numbering sorts by (Position, ID)
	Title       string
	Description string
	Owner       string // who carries it: a service, an elected official, a partner
	Resources   string
	CostCents   *int64           // euro cents, nil when not estimated, never 0 for « unknown »
	Start       partialdate.Date // optional
	End         partialdate.Date // optional
	SDG         []string
}

// Assumption (hypothèse) is a factor outside the strategy's control on which a level of the framework relies.
type Assumption struct {
	ID     int64
	Text   string
	Target Ref // the element it conditions
}

// SWOTRef is what the check needs of one SWOT (AFOM) item from the diagnostic.
type SWOTRef struct {
	ID          int64
	Quadrant    Quadrant
	Title       string
	Weight      int  // 1–5; see MajorSWOTWeight
	LeftAside   bool // consciously not answered by this strategy
	AsideReason string
}

// Quadrant is one of the four boxes of the SWOT matrix.
type Quadrant string

// The four SWOT quadrants, named as the guide names them (AFOM).
const (
	Strength    Quadrant = "atout"
	Weakness    Quadrant = "faiblesse"
	Opportunity Quadrant = "opportunite"
	Threat      Quadrant = "menace"
)

// MajorSWOTWeight is the weight from which a weakness or an opportunity must be answered or left aside
// consciously: on a 1–5 scale, 4 and 5 are what the diagnostic called important.
const MajorSWOTWeight = 4

// GeoPriority is a geographic priority: a country, a partner authority or a region of the world, and why.
type GeoPriority struct {
	ID          int64
	CountryCode string // ISO 3166-1 alpha-2, empty when the priority is a partner or a region
	Name        string // French name of the country, partner authority or region of the world
	Reason      string // relation existante, diaspora, histoire…
	ActivityIDs []int64
	ProjectIDs  []int64
}
