package funding

import (
	"time"

	"boussole/internal/siret"
	"slices"

	"boussole/internal/frfmt"
	"boussole/internal/stakeholder"
)

// Scheme is one of the authority's own support schemes (dispositif de soutien): a fund through which it
// finances local associations' projects abroad, on rules it sets itself. Every rule is optional: a rule
// not set is not checked, and the review says so rather than passing it silently.
type Scheme struct {
	ID          int64
	AuthorityID int64
	Name        string // « Fonds de solidarité internationale »
	Description string
	// MaxRatePercent is the largest share of the project's eligible cost the scheme pays.
	MaxRatePercent *int64
	CapCents       *int64 // the most one project receives
	EnvelopeCents  *int64 // the scheme's yearly envelope
	// MaxSalaryPercent is the share of the cost salaries may take: the part beyond is an ineligible cost.
	MaxSalaryPercent *int64
	Applicants       []stakeholder.Kind // eligible kinds of applicant; empty: not checked
	Countries        []string           // ISO codes of the eligible countries; empty: any country
	Themes           []Theme            // eligible themes; empty: any theme
	SDGs             []int              // the ODD condition: the project serves at least one; empty: none
	Version          int64
}

// Decision is what the authority decided on an application.
type Decision string

// The decisions; an application without one is still to decide.
const (
	DecisionPending  Decision = ""
	DecisionGranted  Decision = "accorde"
	DecisionRefused  Decision = "refuse"
	DecisionDeferred Decision = "ajourne"
)

// Decisions lists the choices of the decision form, the pending state first.
var Decisions = []Decision{DecisionPending, DecisionGranted, DecisionRefused, DecisionDeferred}

// Label returns the French label of the decision.
func (d Decision) Label() string {
	switch d {
	case DecisionGranted:
		return "Accordé"
	case DecisionRefused:
		return "Refusé"
	case DecisionDeferred:
		return "Ajourné"
	}
	return "À décider"
}

// Payment is an amount paid to a granted application, in a year.
type Payment struct {
	ID            int64
	ApplicationID int64
	Year          int
	AmountCents   int64
}

// Application is a request a stakeholder of the actors map made to a scheme for one project.
type Application struct {
	ID            int64
	AuthorityID   int64
	SchemeID      int64
	StakeholderID int64            // 0 once the actor was removed from the map: the name stays
	Applicant     string           // the applicant's name when it applied
	ApplicantKind stakeholder.Kind // its kind, as the map says
	Title         string
	Year          int    // the year of the envelope it draws on
	Country       string // ISO code, "" when not known
	Theme         Theme  // "" when not known
	CostCents     *int64 // the project's total cost
	AskedCents    *int64 // the amount asked
	// SalaryPercent is the share of the cost that goes to salaries, nil when not known.
	SalaryPercent *int64
	SDGs          []int
	Decision      Decision
	GrantedCents  *int64 // the amount granted, for a granted application
	// What the publication of the grant (SCDL « Subventions ») needs: the day and reference of the decision
	// or agreement, and the beneficiary's SIRET or RNA number. Empty when not entered.
	DecidedOn     time.Time
	DecisionRef   string
	BeneficiaryID string
	Payments      []Payment
	Version       int64
}

// PaidCents returns what was paid to the application, every year together.
func (a Application) PaidCents() int64 {
	var n int64
	for _, p := range a.Payments {
		n += p.AmountCents
	}
	return n
}

// Field names of a scheme and an application, as the forms and the review share them.
const (
	FieldSchemeName      = "nom"
	FieldSchemeRate      = "taux_max"
	FieldSchemeCap       = "plafond"
	FieldSchemeEnvelope  = "enveloppe"
	FieldSchemeSalary    = "salaires_max"
	FieldSchemeApplicant = "demandeurs"
	FieldSchemeCountries = "country"
	FieldSchemeThemes    = "themes"
	FieldSchemeSDGs      = "odd"
	FieldSchemeDesc      = "description"

	FieldAppApplicant = "demandeur"
	FieldAppTitle     = "titre"
	FieldAppYear      = "annee"
	FieldAppCountry   = "country"
	FieldAppTheme     = "theme"
	FieldAppCost      = "cout"
	FieldAppAsked     = "montant"
	FieldAppSalary    = "salaires"
	FieldAppSDGs      = "odd"
	FieldAppDecision  = "decision"
	FieldAppGranted   = "accorde"
	FieldAppDecidedOn = "date_decision"
	FieldAppDecRef    = "reference_decision"
	FieldAppBenefID   = "identifiant_beneficiaire"
	FieldPayAmount    = "verse"
	FieldPayYear      = "annee_versement"
)

// Validate checks the rules typed for a scheme; knownCountry is the country list's membership test.
func (s Scheme) Validate(knownCountry func(string) bool) Errors {
	var errs Errors
	errs.requireText(FieldSchemeName, s.Name, maxTitle)
	errs.limitText(FieldSchemeDesc, s.Description, maxSummary)
	percent(&errs, FieldSchemeRate, s.MaxRatePercent)
	percent(&errs, FieldSchemeSalary, s.MaxSalaryPercent)
	positive(&errs, FieldSchemeCap, s.CapCents)
	positive(&errs, FieldSchemeEnvelope, s.EnvelopeCents)
	for _, k := range s.Applicants {
		if !k.Valid() {
			errs.add(FieldSchemeApplicant, "Choisissez les catégories d'acteurs dans la liste.")
			break
		}
	}
	for _, c := range s.Countries {
		if !knownCountry(c) {
			errs.add(FieldSchemeCountries, "Choisissez les pays dans la liste.")
			break
		}
	}
	for _, t := range s.Themes {
		if !t.Valid() {
			errs.add(FieldSchemeThemes, "Choisissez les thèmes dans la liste.")
			break
		}
	}
	validSDGs(&errs, FieldSchemeSDGs, s.SDGs)
	return errs
}

// Validate checks what was typed in an application; an application that breaks the scheme's rules is
// still recorded: the review says why it is not eligible.
func (a Application) Validate(knownCountry func(string) bool) Errors {
	var errs Errors
	if a.StakeholderID == 0 {
		errs.add(FieldAppApplicant, "Choisissez le demandeur parmi les acteurs de la cartographie.")
	}
	errs.requireText(FieldAppTitle, a.Title, maxTitle)
	if a.Year < 2000 || a.Year > 2100 {
		errs.add(FieldAppYear, "Indiquez l'année de l'enveloppe, entre 2000 et 2100.")
	}
	if a.Country != "" && !knownCountry(a.Country) {
		errs.add(FieldAppCountry, "Choisissez le pays dans la liste.")
	}
	if a.Theme != "" && !a.Theme.Valid() {
		errs.add(FieldAppTheme, "Choisissez le thème dans la liste.")
	}
	positive(&errs, FieldAppCost, a.CostCents)
	positive(&errs, FieldAppAsked, a.AskedCents)
	if a.AskedCents == nil && a.Title != "" {
		errs.add(FieldAppAsked, "Indiquez le montant demandé, par exemple 5 000.")
	}
	if a.CostCents != nil && a.AskedCents != nil && *a.AskedCents > *a.CostCents {
		errs.add(FieldAppAsked, "Le montant demandé dépasse le coût total du projet.")
	}
	percent(&errs, FieldAppSalary, a.SalaryPercent)
	validSDGs(&errs, FieldAppSDGs, a.SDGs)
	return errs
}

// ValidateDecision checks a decision and the amount granted.
func (a Application) ValidateDecision() Errors {
	var errs Errors
	if !slices.Contains(Decisions, a.Decision) {
		errs.add(FieldAppDecision, "Choisissez la décision dans la liste.")
	}
	positive(&errs, FieldAppGranted, a.GrantedCents)
	if a.Decision == DecisionGranted && a.GrantedCents == nil {
		errs.add(FieldAppGranted, "Indiquez le montant accordé.")
	}
	if a.Decision != DecisionGranted && a.GrantedCents != nil {
		errs.add(FieldAppGranted, "Un montant s'accorde seulement avec la décision « Accordé ».")
	}
	if a.GrantedCents != nil && a.AskedCents != nil && *a.GrantedCents > *a.AskedCents {
		errs.add(FieldAppGranted, "Le montant accordé dépasse le montant demandé.")
	}
	if id := a.BeneficiaryID; id != "" && !siret.Valid(id) && !siret.ValidRNA(id) {
		errs.add(FieldAppBenefID, "Donnez le SIRET du bénéficiaire (14 chiffres) ou son numéro RNA (W suivi de 9 chiffres).")
	}
	if len([]rune(a.DecisionRef)) > 200 {
		errs.add(FieldAppDecRef, "La référence est trop longue : 200 caractères au plus.")
	}
	if paid := a.PaidCents(); a.GrantedCents != nil && *a.GrantedCents < paid {
		errs.add(FieldAppGranted, "Le montant accordé est inférieur à ce qui est déjà versé (%s).", frfmt.Euros(paid))
	}
	return errs
}

// ValidatePayment checks a payment to the application: only to a granted one, within what was granted.
func (a Application) ValidatePayment(p Payment) Errors {
	var errs Errors
	if a.Decision != DecisionGranted {
		errs.add(FieldPayAmount, "Un versement suit une décision « Accordé » : enregistrez d'abord la décision.")
		return errs
	}
	if p.AmountCents <= 0 {
		errs.add(FieldPayAmount, "Le montant versé doit être supérieur à zéro.")
	}
	if a.GrantedCents != nil && a.PaidCents()+p.AmountCents > *a.GrantedCents {
		errs.add(FieldPayAmount, "Avec ce versement, le total versé dépasserait le montant accordé.")
	}
	if p.Year < 2000 || p.Year > 2100 {
		errs.add(FieldPayYear, "Indiquez l'année du versement, entre 2000 et 2100.")
	}
	return errs
}

func percent(errs *Errors, field string, v *int64) {
	if v != nil && (*v < 0 || *v > 100) {
		errs.add(field, "Un pourcentage se compte de 0 à 100.")
	}
}

func positive(errs *Errors, field string, v *int64) {
	if v != nil && *v <= 0 {
		errs.add(field, "Le montant doit être supérieur à zéro ; laissez vide s'il n'est pas connu.")
	}
}

func validSDGs(errs *Errors, field string, goals []int) {
	for _, g := range goals {
		if g < 1 || g > 17 {
			errs.add(field, "Choisissez les ODD dans la liste (1 à 17).")
			return
		}
	}
}
