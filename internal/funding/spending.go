package funding

import (
	"slices"
	"sort"
	"strconv"

	"boussole/internal/frfmt"
	"boussole/internal/partialdate"
)

// MovementKind says whether a spending record commits money or pays it out.
type MovementKind string

// The kinds of spending record: a commitment (engagement juridique: a signed agreement, an order) and a
// payment (mandatement, paiement), as the authority's accounts count them.
const (
	Committed MovementKind = "engagement"
	Paid      MovementKind = "paiement"
)

// MovementKinds lists them in order.
var MovementKinds = []MovementKind{Committed, Paid}

// Label returns the French label of the kind.
func (k MovementKind) Label() string {
	switch k {
	case Committed:
		return "Engagement"
	case Paid:
		return "Paiement (mandatement)"
	}
	return string(k)
}

// BeneficiaryKind is who receives the money, as the ODA declaration's channels group them.
type BeneficiaryKind string

// The kinds of beneficiary.
const (
	BeneficiaryAuthority    BeneficiaryKind = "collectivite"
	BeneficiaryNGO          BeneficiaryKind = "association"
	BeneficiaryOperator     BeneficiaryKind = "operateur"
	BeneficiaryMultilateral BeneficiaryKind = "multilateral"
	BeneficiaryOther        BeneficiaryKind = "autre"
)

// BeneficiaryKinds lists them in display order.
var BeneficiaryKinds = []BeneficiaryKind{BeneficiaryAuthority, BeneficiaryNGO, BeneficiaryOperator, BeneficiaryMultilateral, BeneficiaryOther}

// Label returns the French label of the kind; "" is an unknown kind (records read back from an archive).
func (k BeneficiaryKind) Label() string {
	switch k {
	case BeneficiaryAuthority:
		return "Collectivité partenaire"
	case BeneficiaryNGO:
		return "Association ou ONG"
	case BeneficiaryOperator:
		return "Opérateur"
	case BeneficiaryMultilateral:
		return "Organisation multilatérale"
	case BeneficiaryOther:
		return "Autre bénéficiaire"
	case "":
		return "inconnu"
	}
	return string(k)
}

// Spending is one commitment or payment of a project, as it happens: the yearly ODA declaration and the
// IATI transactions are computed from the payments, not retyped.
type Spending struct {
	ID          int64
	ProjectID   int64
	Kind        MovementKind
	Date        partialdate.Date // a year at least
	AmountCents int64
	Country     string // the partner country's ISO 3166 code; "" when the money is not for one country
	Beneficiary BeneficiaryKind
	// StakeholderID is the beneficiary on the authority's map, 0 when it is not on it (or left it): its
	// name is kept in Name either way, so that deleting the stakeholder never empties the record.
	StakeholderID int64
	Name          string
	Note          string
	Version       int64
}

// Year returns the year of the record.
func (s Spending) Year() int { return s.Date.Year }

// Field names of a spending record, as the validation and the form share them.
const (
	FieldSpendKind    = "dep-nature"
	FieldSpendDate    = "dep-date"
	FieldSpendAmount  = "dep-montant"
	FieldSpendCountry = "dep-pays"
	FieldSpendBenef   = "dep-beneficiaire"
	FieldSpendActor   = "dep-acteur"
	FieldSpendName    = "dep-nom"
	FieldSpendNote    = "dep-note"
)

// MaxSpendingCents is 100 million euros: one commitment of a local authority's international action above
// that is a typing slip (an extra zero, cents typed as euros), not a record.
const MaxSpendingCents = 100_000_000 * 100

// Validate checks what was typed; knownCountry is the country list's membership test. The caller copies
// the stakeholder's name into Name before validating when one is chosen.
func (s Spending) Validate(knownCountry func(string) bool) Errors {
	var errs Errors
	if !slices.Contains(MovementKinds, s.Kind) {
		errs.add(FieldSpendKind, "Choisissez s'il s'agit d'un engagement ou d'un paiement.")
	}
	switch {
	case s.Date.IsZero():
		errs.add(FieldSpendDate, "Indiquez la date, au moins l'année : 2027, 03/2027 ou 15/03/2027.")
	case s.Date.Year < 2000 || s.Date.Year > 2100:
		errs.add(FieldSpendDate, "L'année doit être comprise entre 2000 et 2100.")
	}
	switch {
	case s.AmountCents <= 0:
		errs.add(FieldSpendAmount, "Le montant doit être supérieur à zéro.")
	case s.AmountCents > MaxSpendingCents:
		errs.add(FieldSpendAmount, "Un montant de plus de 100 millions d'euros est sans doute une erreur de saisie : vérifiez les zéros et la virgule.")
	}
	if s.Country != "" && !knownCountry(s.Country) {
		errs.add(FieldSpendCountry, "Choisissez le pays dans la liste.")
	}
	if !slices.Contains(BeneficiaryKinds, s.Beneficiary) {
		errs.add(FieldSpendBenef, "Choisissez le type de bénéficiaire dans la liste.")
	}
	if s.StakeholderID == 0 {
		errs.requireText(FieldSpendName, s.Name, maxLine)
	} else {
		errs.limitText(FieldSpendName, s.Name, maxLine)
	}
	errs.limitText(FieldSpendNote, s.Note, maxLine)
	return errs
}

// SpendingTotals adds up a list of records.
type SpendingTotals struct {
	CommittedCents, PaidCents int64
}

func (t *SpendingTotals) add(s Spending) {
	if s.Kind == Paid {
		t.PaidCents += s.AmountCents
	} else {
		t.CommittedCents += s.AmountCents
	}
}

// Totals returns what a list commits and pays.
func Totals(list []Spending) SpendingTotals {
	var t SpendingTotals
	for _, s := range list {
		t.add(s)
	}
	return t
}

// SpendingFindings reports what is odd in a project's spending without refusing it: payments beyond the
// commitments (a commitment not entered yet, or a payment typed twice).
func SpendingFindings(list []Spending) []Finding {
	t := Totals(list)
	if t.PaidCents > t.CommittedCents {
		return []Finding{{Rule: "paiements-engagements", Severity: ToFix, Field: "depenses",
			Message: "Les paiements (" + frfmt.Euros(t.PaidCents) + ") dépassent les engagements (" + frfmt.Euros(t.CommittedCents) +
				") : un engagement manque peut-être, ou un paiement a été saisi deux fois.",
			Source: "Comptabilité publique : un mandatement suit un engagement juridique (M57, instruction budgétaire et comptable)."}}
	}
	return nil
}

// SpendingRow is one row of a summary: what a key (a year, a country, a kind of beneficiary) commits and pays.
type SpendingRow struct {
	Key string
	SpendingTotals
}

// SpendingSummary is the spending of a set of projects by year, by partner country and by beneficiary
// kind. A key that is unknown ("" for a country) is its own row, never folded into zero.
type SpendingSummary struct {
	Total     SpendingTotals
	Count     int
	ByYear    []SpendingRow // Key: the year, oldest first
	ByCountry []SpendingRow // Key: the ISO code, "" for none
	ByKind    []SpendingRow // Key: the BeneficiaryKind, in BeneficiaryKinds' order
}

// SummariseSpending adds up the spending of projects.
func SummariseSpending(projects []Project) SpendingSummary {
	var sum SpendingSummary
	years, countries, kinds := map[string]*SpendingTotals{}, map[string]*SpendingTotals{}, map[string]*SpendingTotals{}
	at := func(m map[string]*SpendingTotals, k string) *SpendingTotals {
		if m[k] == nil {
			m[k] = &SpendingTotals{}
		}
		return m[k]
	}
	for _, p := range projects {
		for _, s := range p.Spending {
			sum.Count++
			sum.Total.add(s)
			at(years, yearKey(s.Year())).add(s)
			at(countries, s.Country).add(s)
			at(kinds, string(s.Beneficiary)).add(s)
		}
	}
	sum.ByYear = rowsOf(years, func(a, b string) bool { return a < b })
	sum.ByCountry = rowsOf(countries, func(a, b string) bool { return a != "" && (b == "" || a < b) })
	order := func(k string) int {
		if i := slices.Index(BeneficiaryKinds, BeneficiaryKind(k)); i >= 0 {
			return i
		}
		return len(BeneficiaryKinds)
	}
	sum.ByKind = rowsOf(kinds, func(a, b string) bool { return order(a) < order(b) })
	return sum
}

func rowsOf(m map[string]*SpendingTotals, less func(a, b string) bool) []SpendingRow {
	rows := make([]SpendingRow, 0, len(m))
	for k, t := range m {
		rows = append(rows, SpendingRow{Key: k, SpendingTotals: *t})
	}
	sort.Slice(rows, func(i, j int) bool { return less(rows[i].Key, rows[j].Key) })
	return rows
}

func yearKey(y int) string { return strconv.Itoa(y) }

// PaymentsIn returns a project's payments of one year.
func (p Project) PaymentsIn(year int) []Spending {
	var out []Spending
	for _, s := range p.Spending {
		if s.Kind == Paid && s.Year() == year {
			out = append(out, s)
		}
	}
	return out
}
