package web

import (
	"html/template"

	"boussole/internal/figure/riskmap"
	"boussole/internal/logframe"
	"boussole/internal/refdata/country"
	"boussole/internal/store"
)

// The data of the strategy's and the framework's pages. Each embeds frameworkView (the framework, its
// numbers and its check), which the shared components read; the rest is the page's own.

type checkPage struct {
	frameworkView
	Steps []checkStep
	Rules []logframe.Rule
}

type treePage struct {
	frameworkView
	SVG template.HTML
}

// keyPage is the key elements with the geographic and thematic priorities and their add forms.
type keyPage struct {
	frameworkView
	ValueRows, DimensionRows []int
	Thematic                 []logframe.ThematicPriorityRecord
	Countries                []country.Country
	Regions                  []string
	Dimensions, Reasons      []string
	Policies                 []string
	Register                 []registerChoice
	SDG                      *sdgPickerData // nil before the general objective exists
	GeoForm, ThemForm        *form          // the add form that was sent and refused, if any
}

type geoPage struct {
	frameworkView
	Geo          logframe.GeoPriorityRecord
	Countries    []country.Country
	Regions      []string
	Reasons      []string
	Checked      map[string]bool
	Partnerships []pickChoice     // nil for a role that may not read the register
	Register     []registerChoice // nil for a role that may not edit
}

type thematicPage struct {
	T        logframe.ThematicPriorityRecord
	Theirs   *logframe.ThematicPriorityRecord // the stored version, after an edit conflict
	Policies []string
}

type thematicDeletePage struct {
	T        logframe.ThematicPriorityRecord
	Conflict bool
}

type sdgPage struct {
	frameworkView
	Rows   []coverageRow
	Served int
	Locals []logframe.LocalTargetRecord
}

// elementPage is one objective, result or activity of the framework.
type elementPage struct {
	frameworkView
	Element  element
	Number   string
	Findings []logframe.Finding
	Parents  []parentOption
	SDG      sdgPickerData
	Links    *linkPicker // nil for the kinds without links and the roles that may not read them
	Comments *commentBlock
	// Notes are what the previous strategy leaves on this element, when the strategy was prepared from it.
	Notes []store.RevisionNote
	// Recs are the evaluations' open recommendations that name this element.
	Recs []openRec
}

type deletePage struct {
	frameworkView
	Message string
	Impact  logframe.Impact
	Ref     logframe.Ref
	Back    string
	// Recommendations warns of the evaluations' recommendations about what goes, "" when none.
	Recommendations string
}

type indicatorPage struct {
	frameworkView
	Indicator     logframe.IndicatorRecord
	TargetRows    []int
	Levels        []parentOption
	Periodicities []string
	Breakdowns    []string
	Checked       map[string]bool
	Findings      []logframe.Finding
	SDG           *sdgPickerData // nil for a new indicator
	Comments      *commentBlock
	Recs          []openRec // the evaluations' open recommendations that name it
}

type risksPage struct {
	frameworkView
	Map      template.HTML
	Rows     []riskmap.Row
	Links    []parentOption
	Statuses []string
}

type riskPage struct {
	frameworkView
	Risk     logframe.RiskRecord
	Links    []parentOption
	Statuses []string
	Findings []logframe.Finding
}
