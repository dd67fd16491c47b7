package funding

import (
	"fmt"
	"slices"
	"strings"

	"boussole/internal/frfmt"
	"boussole/internal/refdata/country"
)

// SchemeReview is what the review of one application found: the rules it breaks, each at its field, and
// the rules that could not be checked, because the scheme does not set them or the application leaves
// the figure unknown.
type SchemeReview struct {
	Findings  []Finding
	Unchecked []string
}

// Eligible reports whether no rule blocks the application.
func (r SchemeReview) Eligible() bool {
	for _, f := range r.Findings {
		if f.Severity == Blocking {
			return false
		}
	}
	return true
}

// At returns the findings about one field of the application.
func (r SchemeReview) At(field string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Field == field {
			out = append(out, f)
		}
	}
	return out
}

// schemeSource names where a scheme's rules come from: the authority's own rules.
func schemeSource(s Scheme) string { return "règlement du dispositif « " + s.Name + " »" }

// ReviewApplication checks an application against its scheme's rules. others are the scheme's other
// applications, whose decisions already draw on the year's envelope.
func ReviewApplication(s Scheme, a Application, others []Application) SchemeReview {
	r := &reviewer{s: s, a: a, src: schemeSource(s)}
	r.applicant()
	r.country()
	r.theme()
	r.sdgs()
	eligible := r.salaries()
	r.rate(eligible)
	r.cap()
	r.envelope(others)
	return r.out
}

type reviewer struct {
	s   Scheme
	a   Application
	src string
	out SchemeReview
}

func (r *reviewer) find(rule, field string, sev Severity, format string, args ...any) {
	r.out.Findings = append(r.out.Findings, Finding{Rule: rule, Severity: sev, Field: field, Message: fmt.Sprintf(format, args...), Source: r.src})
}

func (r *reviewer) unchecked(format string, args ...any) {
	r.out.Unchecked = append(r.out.Unchecked, fmt.Sprintf(format, args...))
}

func (r *reviewer) applicant() {
	if len(r.s.Applicants) == 0 {
		r.unchecked("Demandeurs éligibles : le dispositif n'en fixe pas, la catégorie du demandeur n'est pas vérifiée.")
		return
	}
	if !slices.Contains(r.s.Applicants, r.a.ApplicantKind) {
		names := make([]string, len(r.s.Applicants))
		for i, k := range r.s.Applicants {
			names[i] = k.Label()
		}
		r.find("demandeur", FieldAppApplicant, Blocking, "Le demandeur (%s) n'est pas d'une catégorie éligible : le dispositif est ouvert aux %s.",
			r.a.ApplicantKind.Label(), strings.Join(names, ", "))
	}
}

func (r *reviewer) country() {
	switch {
	case len(r.s.Countries) == 0:
		r.unchecked("Pays : le dispositif est ouvert à tous les pays.")
	case r.a.Country == "":
		r.find("pays", FieldAppCountry, ToFix, "Le pays du projet n'est pas renseigné : le dispositif n'est ouvert qu'à certains pays.")
	case !slices.Contains(r.s.Countries, r.a.Country):
		r.find("pays", FieldAppCountry, Blocking, "Le pays du projet (%s) n'est pas parmi les pays éligibles du dispositif.", country.Name(r.a.Country))
	}
}

func (r *reviewer) theme() {
	switch {
	case len(r.s.Themes) == 0:
		r.unchecked("Thèmes : le dispositif n'en fixe pas.")
	case r.a.Theme == "":
		r.find("theme", FieldAppTheme, ToFix, "Le thème du projet n'est pas renseigné : le dispositif ne finance que certains thèmes.")
	case !slices.Contains(r.s.Themes, r.a.Theme):
		r.find("theme", FieldAppTheme, Blocking, "Le thème du projet (%s) n'est pas parmi les thèmes du dispositif.", r.a.Theme.Label())
	}
}

func (r *reviewer) sdgs() {
	if len(r.s.SDGs) == 0 {
		r.unchecked("ODD : le dispositif ne pose pas de condition.")
		return
	}
	for _, g := range r.a.SDGs {
		if slices.Contains(r.s.SDGs, g) {
			return
		}
	}
	goals := make([]string, len(r.s.SDGs))
	for i, g := range r.s.SDGs {
		goals[i] = fmt.Sprint(g)
	}
	r.find("odd", FieldAppSDGs, Blocking, "Le projet ne contribue à aucun des ODD que le dispositif exige (ODD %s).", strings.Join(goals, ", "))
}

// salaries returns the project's eligible cost: its cost less the share of salaries beyond the scheme's
// limit, which is an ineligible cost. nil when the cost is not known.
func (r *reviewer) salaries() *int64 {
	cost := r.a.CostCents
	switch {
	case r.s.MaxSalaryPercent == nil:
		r.unchecked("Part des salaires : le dispositif ne la limite pas.")
		return cost
	case r.a.SalaryPercent == nil:
		r.unchecked("Part des salaires : la demande ne la renseigne pas.")
		return cost
	case *r.a.SalaryPercent <= *r.s.MaxSalaryPercent:
		return cost
	}
	over := *r.a.SalaryPercent - *r.s.MaxSalaryPercent
	if cost == nil {
		r.find("salaires", FieldAppSalary, ToFix, "Les salaires font %d %% du coût, au-delà des %d %% admis : la part qui dépasse n'est pas éligible.",
			*r.a.SalaryPercent, *r.s.MaxSalaryPercent)
		return nil
	}
	eligible := *cost - *cost*over/100
	r.find("salaires", FieldAppSalary, ToFix, "Les salaires font %d %% du coût, au-delà des %d %% admis : %s ne sont pas éligibles, le coût retenu est de %s.",
		*r.a.SalaryPercent, *r.s.MaxSalaryPercent, frfmt.Euros(*cost-eligible), frfmt.Euros(eligible))
	return &eligible
}

func (r *reviewer) rate(eligible *int64) {
	switch {
	case r.s.MaxRatePercent == nil:
		r.unchecked("Taux maximal : le dispositif n'en fixe pas.")
		return
	case eligible == nil || r.a.AskedCents == nil:
		r.unchecked("Taux maximal : le coût du projet ou le montant demandé n'est pas renseigné.")
		return
	}
	limit := *eligible * *r.s.MaxRatePercent / 100
	if *r.a.AskedCents > limit {
		r.find("taux", FieldAppAsked, Blocking, "Le montant demandé (%s) dépasse %d %% du coût éligible du projet : %s au plus.",
			frfmt.Euros(*r.a.AskedCents), *r.s.MaxRatePercent, frfmt.Euros(limit))
	}
}

func (r *reviewer) cap() {
	switch {
	case r.s.CapCents == nil:
		r.unchecked("Plafond par projet : le dispositif n'en fixe pas.")
	case r.a.AskedCents != nil && *r.a.AskedCents > *r.s.CapCents:
		r.find("plafond", FieldAppAsked, Blocking, "Le montant demandé (%s) dépasse le plafond de %s par projet.", frfmt.Euros(*r.a.AskedCents), frfmt.Euros(*r.s.CapCents))
	}
}

// envelope checks the amount against what the decisions already taken leave of the year's envelope.
func (r *reviewer) envelope(others []Application) {
	if r.s.EnvelopeCents == nil {
		r.unchecked("Enveloppe annuelle : le dispositif n'en fixe pas.")
		return
	}
	amount := r.a.AskedCents
	if r.a.Decision == DecisionGranted {
		amount = r.a.GrantedCents
	}
	if amount == nil || r.a.Decision == DecisionRefused {
		return
	}
	var rest []Application
	for _, o := range others {
		if o.ID != r.a.ID {
			rest = append(rest, o)
		}
	}
	used := GrantedIn(rest, r.a.Year)
	if left := *r.s.EnvelopeCents - used; *amount > left {
		r.find("enveloppe", FieldAppAsked, ToFix, "L'enveloppe %d (%s) est déjà engagée à hauteur de %s : il reste %s, moins que les %s de cette demande.",
			r.a.Year, frfmt.Euros(*r.s.EnvelopeCents), frfmt.Euros(used), frfmt.Euros(max(left, 0)), frfmt.Euros(*amount))
	}
}

// GrantedIn returns the amounts granted to the applications of a year.
func GrantedIn(apps []Application, year int) int64 {
	var n int64
	for _, a := range apps {
		if a.Year == year && a.Decision == DecisionGranted && a.GrantedCents != nil {
			n += *a.GrantedCents
		}
	}
	return n
}

// EnvelopeYear is the use of a scheme's envelope in one year.
type EnvelopeYear struct {
	Year     int
	Granted  int64  // decided « accordé »
	Paid     int64  // paid in the year, whichever year the application drew on
	Left     *int64 // what the envelope leaves, nil when it is not set
	Asked    int64  // still to decide
	Overdraw bool   // the grants exceed the envelope
}

// EnvelopeYears sums, for every year an application draws on or a payment is made, the grants, the
// payments and what the envelope leaves, by year.
func EnvelopeYears(s Scheme, apps []Application) []EnvelopeYear {
	by := map[int]*EnvelopeYear{}
	get := func(y int) *EnvelopeYear {
		if by[y] == nil {
			by[y] = &EnvelopeYear{Year: y}
		}
		return by[y]
	}
	for _, a := range apps {
		e := get(a.Year)
		switch {
		case a.Decision == DecisionGranted && a.GrantedCents != nil:
			e.Granted += *a.GrantedCents
		case a.Decision == DecisionPending && a.AskedCents != nil:
			e.Asked += *a.AskedCents
		}
		for _, p := range a.Payments {
			get(p.Year).Paid += p.AmountCents
		}
	}
	var out []EnvelopeYear
	for _, e := range by {
		if s.EnvelopeCents != nil {
			left := *s.EnvelopeCents - e.Granted
			e.Left, e.Overdraw = &left, left < 0
		}
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b EnvelopeYear) int { return a.Year - b.Year })
	return out
}
