package funding

import (
	"slices"
	"time"

	"boussole/internal/partialdate"
)

// Status is where a project stands, from the idea to its closing.
type Status string

// The statuses of a project.
const (
	StatusIdea     Status = "idee"
	StatusDrafting Status = "montage"
	StatusApplied  Status = "depose"
	StatusRunning  Status = "en-cours"
	StatusClosed   Status = "cloture"
)

// Statuses lists the statuses in order.
var Statuses = []Status{StatusIdea, StatusDrafting, StatusApplied, StatusRunning, StatusClosed}

// Label returns the French label of the status.
func (s Status) Label() string {
	switch s {
	case StatusIdea:
		return "Idée"
	case StatusDrafting:
		return "En montage"
	case StatusApplied:
		return "Dossiers déposés"
	case StatusRunning:
		return "En cours"
	case StatusClosed:
		return "Clôturé"
	}
	return string(s)
}

// LinkKind is the level of the logical framework a project serves.
type LinkKind string

// The levels a project can be linked to.
const (
	LinkObjective LinkKind = "objectif"
	LinkResult    LinkKind = "resultat"
	LinkActivity  LinkKind = "activite"
)

// Link points at an objective, a result or an activity of the strategy.
type Link struct {
	Kind LinkKind
	ID   int64
}

// Project is an action with a budget and a financing plan. The plan's lines are in Lines.
type Project struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	Title       string
	Summary     string
	Status      Status
	Partners    []string // partner authorities and actors, one per line
	Countries   []string // ISO 3166 codes
	Themes      []Theme
	SDGs        []int
	Start, End  partialdate.Date
	BudgetCents *int64 // the project's total cost; nil when not known yet
	// LeastDeveloped says the officer checked the partner country is among the least developed countries,
	// for the rates that differ there (MEAE): the list changes, so it is a fact entered, not computed.
	LeastDeveloped  bool
	HasAgreement    bool // a signed agreement with the partner authority
	HasDeliberation bool // the authority's deliberation or letters of intent
	HasReports      bool // reports on earlier co-funded projects are up to date
	OwnCompetence   bool // the action is within the authority's own competences
	Links           []Link
	Priorities      []int64 // thematic priorities of the strategy the project serves
	Lines           []Line
	Spending        []Spending // commitments and payments, by date (see spending.go)
	// Declaration describes the project for the yearly ODA declaration and IATI (see declaration.go); it is
	// read with the strategy's funding and saved on its own page.
	Declaration Declaration `json:"-"`
	UpdatedAt   time.Time
	Version     int64
}

// Has reports whether the project meets a prerequisite.
func (p Project) Has(q Prerequisite) bool {
	switch q {
	case PrereqAgreement:
		return p.HasAgreement
	case PrereqDeliberation:
		return p.HasDeliberation
	case PrereqReports:
		return p.HasReports
	case PrereqCompetences:
		return p.OwnCompetence
	}
	return false
}

// Months returns the project's duration in whole months, counted from the first day of its start to the
// last day of its end, and whether both dates are known.
func (p Project) Months() (int, bool) {
	if p.Start.IsZero() || p.End.IsZero() {
		return 0, false
	}
	a, b := p.Start.First(), p.End.Last().AddDate(0, 0, 1)
	m := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		m--
	}
	return m, true
}

// Limits of a project, in characters and items.
const (
	maxTitle    = 200
	maxSummary  = 4000
	maxPartners = 50
	maxLine     = 200
)

// Validate checks what the officer typed; knownCountry is the country list's membership test, and links
// and priorities are checked by the caller against the strategy. A plan that breaks a programme's rule is
// still saved: the check reports it (see Check).
func (p Project) Validate(knownCountry func(string) bool) Errors {
	var errs Errors
	errs.requireText("title", p.Title, maxTitle)
	errs.limitText("summary", p.Summary, maxSummary)
	if !slices.Contains(Statuses, p.Status) {
		errs.add("status", "Choisissez le statut du projet dans la liste.")
	}
	if len(p.Partners) > maxPartners {
		errs.add("partners", "Indiquez au plus %d partenaires.", maxPartners)
	}
	for _, s := range p.Partners {
		if n := len([]rune(s)); n > maxLine {
			errs.add("partners", "Chaque partenaire tient en %d caractères au plus (une ligne en compte %d).", maxLine, n)
			break
		}
	}
	for _, c := range p.Countries {
		if !knownCountry(c) {
			errs.add("country", "Choisissez le pays dans la liste.")
			break
		}
	}
	for _, t := range p.Themes {
		if !t.Valid() {
			errs.add("theme", "Choisissez les thèmes dans la liste.")
			break
		}
	}
	for _, g := range p.SDGs {
		if g < 1 || g > 17 {
			errs.add("odd", "Choisissez les ODD dans la liste (1 à 17).")
			break
		}
	}
	if p.BudgetCents != nil && *p.BudgetCents <= 0 {
		errs.add("budget", "Le coût total du projet doit être supérieur à zéro ; laissez vide s'il n'est pas encore connu.")
	}
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		errs.add("fin", "La fin du projet (%s) précède son début (%s).", p.End.String(), p.Start.String())
	}
	return errs
}
