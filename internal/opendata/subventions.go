package opendata

import (
	"boussole/internal/funding"
	"boussole/internal/siret"
	"strconv"
	"time"
)

// Grant is one grant the authority awards, as the SCDL « Subventions » (version 2.1.1) publishes it: the
// essential data of grant agreements that the décret n° 2017-779 makes public above 23,000 € a year.
type Grant struct {
	Convention       time.Time // the day of the agreement or the decision
	DecisionRef      string    // the deliberation or decision's reference, if any
	Beneficiary      string
	BeneficiarySIRET string // 14 digits; or the RNA number below
	BeneficiaryRNA   string // « W » and 9 digits
	Object           string // at most 256 characters
	AmountCents      int64
	InKind           bool   // aide en nature rather than en numéraire
	Payment          string // « unique », « échelonné » or a short description
	PaidFrom, PaidTo time.Time
	NotifiedEU       bool
	ShareOfCost      int    // the grant's share of the project's cost, in thousandths (10 to 1000)
	Scheme           string // the authority's scheme it comes from (dispositifAide)
}

// SubventionColumns is the SCDL's data dictionary, in its order.
var SubventionColumns = []Column{
	{"nomAttribuant", "Nom de l'attribuant", "Nom de la collectivité qui attribue la subvention", "string"},
	{"idAttribuant", "SIRET de l'attribuant", "Numéro SIRET de la collectivité, 14 chiffres", "string"},
	{"dateConvention", "Date de la convention", "Date de la convention ou de la décision (AAAA-MM-JJ)", "date"},
	{"referenceDecision", "Référence de la décision", "Référence de la délibération ou de la décision", "string"},
	{"nomBeneficiaire", "Nom du bénéficiaire", "Nom de l'organisme bénéficiaire", "string"},
	{"idBeneficiaire", "SIRET du bénéficiaire", "Numéro SIRET du bénéficiaire, 14 chiffres", "string"},
	{"rnaBeneficiaire", "RNA du bénéficiaire", "Numéro au répertoire national des associations (W et 9 chiffres)", "string"},
	{"objet", "Objet", "Objet de la subvention, 256 caractères au plus", "string"},
	{"montant", "Montant", "Montant attribué en euros, avec un point décimal", "number"},
	{"nature", "Nature", "aide en numéraire ou aide en nature", "string"},
	{"conditionsVersement", "Conditions de versement", "unique, échelonné ou autre", "string"},
	{"datesPeriodeVersement", "Période de versement", "AAAA-MM-JJ ou AAAA-MM-JJ/AAAA-MM-JJ", "string"},
	{"idRAE", "Identifiant RAE", "Référence de l'aide au registre des aides d'État, s'il y a lieu", "string"},
	{"notificationUE", "Notification à l'UE", "oui ou non", "boolean"},
	{"pourcentageSubvention", "Part de la subvention", "Part du coût du projet couverte par la subvention, entre 0.01 et 1", "number"},
	{"dispositifAide", "Dispositif", "Dispositif de la collectivité dont la subvention relève", "string"},
}

// Subventions is the SCDL table of the grants an authority awards.
func Subventions(authority, siret string, grants []Grant) Table {
	t := Table{Slug: "subventions", Title: "Subventions attribuées (SCDL Subventions 2.1.1)",
		Description: "Les données essentielles des conventions de subvention que la collectivité attribue au titre de son action internationale.",
		Columns:     SubventionColumns}
	for _, g := range grants {
		nature := "aide en numéraire"
		if g.InKind {
			nature = "aide en nature"
		}
		period := day(g.PaidFrom)
		if !g.PaidTo.IsZero() && !g.PaidTo.Equal(g.PaidFrom) {
			period += "/" + day(g.PaidTo)
		}
		eu := "non"
		if g.NotifiedEU {
			eu = "oui"
		}
		share := ""
		if g.ShareOfCost > 0 {
			share = strconv.FormatFloat(float64(g.ShareOfCost)/1000, 'f', -1, 64)
		}
		t.Rows = append(t.Rows, []string{authority, siret, day(g.Convention), g.DecisionRef, g.Beneficiary, g.BeneficiarySIRET, g.BeneficiaryRNA,
			g.Object, euros(g.AmountCents), nature, g.Payment, period, "", eu, share, g.Scheme})
	}
	return t
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// GrantsOf turns the granted applications of the authority's support schemes into the SCDL's grants. An
// application lacks what the format requires when the day of the decision, the beneficiary's SIRET or RNA,
// the amount or the project's cost is not entered: it is counted in missing, not published half-empty.
func GrantsOf(schemes []funding.Scheme, apps map[int64][]funding.Application) (grants []Grant, missing int) {
	for _, sc := range schemes {
		for _, a := range apps[sc.ID] {
			if a.Decision != funding.DecisionGranted {
				continue
			}
			if a.DecidedOn.IsZero() || a.BeneficiaryID == "" || a.GrantedCents == nil || a.CostCents == nil || *a.CostCents <= 0 {
				missing++
				continue
			}
			g := Grant{Convention: a.DecidedOn, DecisionRef: a.DecisionRef, Beneficiary: a.Applicant, Object: a.Title, AmountCents: *a.GrantedCents,
				Payment: "unique", Scheme: sc.Name}
			if siret.ValidRNA(a.BeneficiaryID) {
				g.BeneficiaryRNA = a.BeneficiaryID
			} else {
				g.BeneficiarySIRET = a.BeneficiaryID
			}
			// The share of the cost, in thousandths, within the format's bounds (1 % to 100 %).
			g.ShareOfCost = int(min(max(*a.GrantedCents*1000 / *a.CostCents, 10), 1000))
			g.PaidFrom, g.PaidTo = paymentPeriod(a)
			if len(a.Payments) > 1 {
				g.Payment = "échelonné"
			}
			grants = append(grants, g)
		}
	}
	return grants, missing
}

// paymentPeriod is the years of the payments made, or, before any, from the decision to the end of the
// envelope's year: the format asks for a period, and payments are recorded by year.
func paymentPeriod(a funding.Application) (time.Time, time.Time) {
	if len(a.Payments) == 0 {
		return a.DecidedOn, time.Date(max(a.Year, a.DecidedOn.Year()), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	first, last := a.Payments[0].Year, a.Payments[0].Year
	for _, p := range a.Payments {
		first, last = min(first, p.Year), max(last, p.Year)
	}
	return time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(last, 12, 31, 0, 0, 0, 0, time.UTC)
}
