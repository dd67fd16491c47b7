package web

import (
	"html/template"

	"boussole/internal/figure/stakeholdermap"
	"boussole/internal/stakeholder"
	"boussole/internal/tabular"
)

// The data of the stakeholder pages (cartographie des acteurs).

type stakeholderListPage struct {
	Tabs             template.HTML
	Rows             []stakeholderRow
	Total, Matching  int
	Filter           stakeholderFilter
	Choices          filterChoices
	Page, Pages      int
	PrevURL, NextURL string
	First, Last      int // the rows shown, counted from 1
}

// stakeholderFigurePage is one picture of the map (grid, salience, network) with its text alternative.
type stakeholderFigurePage struct {
	Tabs         template.HTML
	Intro, Path  string
	Filter       stakeholderFilter
	Choices      filterChoices
	Total, Shown int
	SVG          template.HTML
	Alt          stakeholdermap.Alt
	Rows         [][]altCell
}

type stakeholderPlanPage struct {
	Tabs      template.HTML
	Plan      []stakeholder.StepPlan
	Total     int
	Undecided int
	Levels    []stakeholder.Level
}

type stakeholderShowPage struct {
	S             stakeholder.Record
	Salience      stakeholder.Salience
	Placement     stakeholder.Placement
	Suggested     stakeholder.Level
	Relations     []relationLine
	Others        []stakeholder.Record
	RelationKinds []stakeholder.RelationKind
	Involved      []involvement
	Comments      *commentBlock
}

type stakeholderDeletePage struct {
	S         stakeholder.Record
	Relations []relationLine
	Involved  []involvement
}

// stakeholderFormPage is the form to add or edit a stakeholder.
type stakeholderFormPage struct {
	StepOn    map[string]bool
	Record    *stakeholder.Record // nil for a new stakeholder
	Duplicate *stakeholder.Record // the stakeholder of the same name, when the form would make a second
	Theirs    *stakeholder.Record // the stored version, after an edit conflict
	Groups    []criterionGroup
	Context   []stakeholder.Noted
	Kinds     []stakeholder.Kind
	Levels    []stakeholder.Level
	Steps     []stakeholder.Step
}

type stakeholderImportPage struct {
	Columns tabular.Schema
	Kinds   []stakeholder.Kind
	MaxRows int
}

type stakeholderImportPreviewPage struct {
	ID       int64
	Filename string
	Result   *stakeholder.ImportResult
	Shown    []stakeholder.Imported
	Hidden   int
	Merges   []mergeRow
	Blocked  string // why the import cannot be written, or ""
}
