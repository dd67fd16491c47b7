package logframe

import (
	"boussole/internal/number"
	"boussole/internal/partialdate"
)

// Indicator follows IATI 2.03's result → indicator → baseline → period → target shape: Level is the element it
// measures (IATI result), each Target is a period whose end is Target.Date.
type Indicator struct {
	ID          int64
	Level       Ref // the general objective, a specific objective or a result it measures
	Position    int
	Title       string
	Definition  string
	Measure     Measure
	Unit        string
	Ascending   bool // true when a higher value is better
	Baseline    *Baseline
	Targets     []Target
	Periodicity string   // e.g. « annuelle »
	Sources     []string // sources and means of verification
	Owner       string   // who updates it
	Breakdowns  []string // e.g. « sexe », « tranche d'âge », « territoire »
	Public      bool
	SDG         []string
}

// Measure is IATI's IndicatorMeasure code.
type Measure int

// IATI IndicatorMeasure codes.
const (
	MeasureUnit        Measure = 1
	MeasurePercentage  Measure = 2
	MeasureNominal     Measure = 3
	MeasureOrdinal     Measure = 4
	MeasureQualitative Measure = 5
)

// Label returns the French name of the measure.
func (m Measure) Label() string {
	switch m {
	case MeasureUnit:
		return "unité"
	case MeasurePercentage:
		return "pourcentage"
	case MeasureNominal:
		return "nominal"
	case MeasureOrdinal:
		return "ordinal"
	case MeasureQualitative:
		return "qualitatif"
	}
	return "non précisée"
}

// Numeric reports whether values of this measure can be compared as numbers.
func (m Measure) Numeric() bool {
	return m == MeasureUnit || m == MeasurePercentage || m == MeasureOrdinal
}

// Baseline is the starting point of an indicator.
type Baseline struct {
	Value   *number.Decimal // nil when not measured: a baseline may have a date or a comment before its value
	Text    string          // for nominal and qualitative measures
	Date    partialdate.Date
	Comment string
}

// Target is a value to reach at a date (an IATI period ending on that date).
type Target struct {
	ID      int64
	Date    partialdate.Date
	Value   *number.Decimal // nil when not set (a target given as text, or not decided yet)
	Text    string
	Comment string
}
