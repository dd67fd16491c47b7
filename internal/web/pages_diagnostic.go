package web

import (
	"html/template"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/fielderr"
	"boussole/internal/model"

	"github.com/a-h/templ"
)

// The data of the sensibilisation and diagnostic pages. Each embeds diagCommon, which diagPage fills.

// diagCommon is what every diagnostic page reads besides its own data: whether the viewer may edit, and
// the choices of the forms' lists.
type diagCommon struct {
	CanEdit bool
	Opt     diagOpts
}

func (d *diagCommon) common() *diagCommon { return d }

// diagData is the data of a diagnostic page, whose common part diagPage fills, and which names its
// templ content (templ_diag.go).
type diagData interface {
	common() *diagCommon
	content(v view) templ.Component
}

type diagRestrictedPage struct {
	diagCommon
	Section section
}

type diagNoStrategyPage struct {
	diagCommon
	CanCreate bool
}

type diagConfirmPage struct {
	diagCommon
	Confirm diagConfirm
}

type argumentEditPage struct {
	diagCommon
	Families []stakeFamilyChoice
	Checked  map[string]bool
	Legal    string
	Figures  []diagnostic.KeyFigure
	Theirs   *diagnostic.ArgumentRecord // the stored version, after an edit conflict
}

type argumentPrintPage struct {
	diagCommon
	Saved     bool
	UpdatedAt time.Time
	Doc       *diagnostic.Document // nil until the argument is written
}

type awarenessPage struct {
	diagCommon
	Strategy       model.Strategy
	Argument       diagnostic.ArgumentRecord
	Sessions       int
	Unreached      []string
	ServicesListed int
	Assessment     []principleRow
	Missing        []diagnostic.Condition
	Conditions     int
}

type sessionsPage struct {
	diagCommon
	Strategy      model.Strategy
	Sessions      []diagnostic.SessionRecord
	Coverage      []diagnostic.ServiceReach
	Unreached     []string
	ServicesSaved bool
}

type sessionFormPage struct {
	diagCommon
	Session *diagnostic.SessionRecord // nil for a new session
	Theirs  *diagnostic.SessionRecord // the stored version, after an edit conflict
}

// principlesTheirs is the stored self-assessment shown beside the user's after an edit conflict.
type principlesTheirs struct {
	Rows      []principleRow
	Missing   []diagnostic.Condition
	UpdatedAt time.Time
}

type principlesPage struct {
	diagCommon
	Strategy model.Strategy
	Rows     []principleRow
	Missing  []diagnostic.Condition
	Theirs   *principlesTheirs
}

type partnershipsPage struct {
	diagCommon
	Rows                []partnerRow
	Total, Matched      int
	Page, Pages         int
	Filter              diagnostic.PartnershipFilter
	Statuses, Countries []diagOption
	Themes              []string
	Query               string
	Prev, Next          string // the neighbouring pages' links, "" at either end
}

type partnershipFormPage struct {
	diagCommon
	Partnership *diagnostic.PartnershipRecord // nil for a new partnership
	Flags       fielderr.List                 // what the register flags without refusing it
	Document    *documentView
	FileLost    bool // a file was sent with a refused form and must be chosen again
	Theirs      *diagnostic.PartnershipRecord
}

type partnerMapPage struct {
	diagCommon
	Figure  template.HTML
	Text    string
	Rows    []partnerCountry
	Total   int
	Nowhere []diagnostic.PartnershipRecord
}

// diagSummaryPage is the diagnostic's summary and its printable view.
type diagSummaryPage struct {
	diagCommon
	Strategy  model.Strategy
	Summary   diagnostic.Summary
	Quadrants []swotQuadrant
	SWOTCount int
	Figure    template.HTML
	Partners  []partnerRow
	Countries []partnerCountry
	Map       template.HTML
	MapText   string
	Actors    actorsSummary
}

// swotPage is the AFOM matrix.
type swotPage struct {
	diagCommon
	Strategy  model.Strategy
	Quadrants []swotQuadrant
	Count     int
	Figure    template.HTML
	Scopes    []diagnostic.Scope
	Uncovered []diagnostic.Scope
}

type swotEditPage struct {
	diagCommon
	Item     diagnostic.ItemRecord
	Theirs   *diagnostic.ItemRecord // the stored version, after an edit conflict
	Answers  []swotAnswer
	Comments *commentBlock
}

type swotMergePage struct {
	diagCommon
	Item   diagnostic.ItemRecord
	Others []diagnostic.ItemRecord
}
