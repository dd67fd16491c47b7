package funding

import (
	"slices"

	"boussole/internal/number"
)

// Source is the kind of a financing line.
type Source string

// The sources of a financing plan.
const (
	SourceOwn       Source = "budget-propre" // the authority's own budget
	SourceProgramme Source = "programme"     // a programme of the catalogue
	SourcePartner   Source = "partenaire"    // a partner's contribution (partner authority, association…)
	SourceOther     Source = "autre"         // anything else: a foundation, a company…
)

// Sources lists the kinds of line in display order.
var Sources = []Source{SourceOwn, SourceProgramme, SourcePartner, SourceOther}

// Label returns the French label of the source.
func (s Source) Label() string {
	switch s {
	case SourceOwn:
		return "Budget propre de la collectivité"
	case SourceProgramme:
		return "Programme du catalogue"
	case SourcePartner:
		return "Apport d'un partenaire"
	case SourceOther:
		return "Autre financement"
	}
	return string(s)
}

// LineStatus is where a financing line stands.
type LineStatus string

// The statuses of a financing line.
const (
	LineConsidered LineStatus = "envisage"
	LineApplied    LineStatus = "depose"
	LineGranted    LineStatus = "accorde"
	LineRefused    LineStatus = "refuse"
	LinePaid       LineStatus = "verse"
)

// LineStatuses lists them in order.
var LineStatuses = []LineStatus{LineConsidered, LineApplied, LineGranted, LineRefused, LinePaid}

// Label returns the French label of the status.
func (s LineStatus) Label() string {
	switch s {
	case LineConsidered:
		return "Envisagé"
	case LineApplied:
		return "Déposé"
	case LineGranted:
		return "Accordé"
	case LineRefused:
		return "Refusé"
	case LinePaid:
		return "Versé"
	}
	return string(s)
}

// Counts reports whether the line is part of the plan: a refused line is history, not money.
func (s LineStatus) Counts() bool { return s != LineRefused }

// Secured reports whether the money is granted or paid.
func (s LineStatus) Secured() bool { return s == LineGranted || s == LinePaid }

// Pending reports whether the line is an application still to write or to be decided.
func (s LineStatus) Pending() bool { return s == LineConsidered || s == LineApplied }

// Line is one line of a project's financing plan.
type Line struct {
	ID          int64
	ProjectID   int64
	Source      Source
	Programme   string // the programme's code, for a programme line
	Label       string // who gives: the partner, the foundation; optional otherwise
	AmountCents int64
	Status      LineStatus
	Year        int // the year the money is asked for or paid; 0 when unknown
	// EffortTenths is the application's effort in tenths of a person-month, nil when not estimated.
	EffortTenths *int64
	Version      int64
}

// Field names of a line, as the check and the form share them.
const (
	FieldAmount    = "montant"
	FieldProgramme = "programme"
	FieldStatus    = "statut"
	FieldYear      = "annee"
	FieldEffort    = "effort"
	FieldLabel     = "financeur"
	FieldSource    = "source"
)

// MaxEffortTenths is 10 person-years: more is a typing slip.
const MaxEffortTenths = 1200

// Validate checks what was typed in a line; known says whether a programme code is in the catalogue.
// Retired programmes stay valid on lines already using them: the check flags them.
func (l Line) Validate(known func(code string) bool) Errors {
	var errs Errors
	if !slices.Contains(Sources, l.Source) {
		errs.add(FieldSource, "Choisissez la source du financement dans la liste.")
	}
	if l.Source == SourceProgramme && !known(l.Programme) {
		errs.add(FieldProgramme, "Choisissez le programme dans le catalogue.")
	}
	if (l.Source == SourcePartner || l.Source == SourceOther) && l.Label == "" {
		errs.add(FieldLabel, "Indiquez qui apporte ce financement.")
	}
	errs.limitText(FieldLabel, l.Label, maxLine)
	if l.AmountCents <= 0 {
		errs.add(FieldAmount, "Le montant doit être supérieur à zéro.")
	}
	if !slices.Contains(LineStatuses, l.Status) {
		errs.add(FieldStatus, "Choisissez le statut du financement dans la liste.")
	}
	if l.Year != 0 && (l.Year < 2000 || l.Year > 2100) {
		errs.add(FieldYear, "L'année doit être comprise entre 2000 et 2100.")
	}
	if l.EffortTenths != nil && (*l.EffortTenths < 0 || *l.EffortTenths > MaxEffortTenths) {
		errs.add(FieldEffort, "L'effort se compte en mois-personne, entre 0 et %d.", MaxEffortTenths/10)
	}
	return errs
}

// Effort returns the effort as a decimal number of person-months, for display.
func (l Line) Effort() *number.Decimal {
	if l.EffortTenths == nil {
		return nil
	}
	d := number.New(*l.EffortTenths, 1)
	return &d
}
