package diagnostic

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"boussole/internal/fielderr"
	"boussole/internal/partialdate"
)

// PartnershipKind is the dimension of international action a partnership belongs to.
type PartnershipKind string

// The kinds of existing action abroad.
const (
	KindDecentralised PartnershipKind = "cooperation-decentralisee"
	KindTwinning      PartnershipKind = "jumelage"
	KindCrossBorder   PartnershipKind = "transfrontalier"
	KindNetwork       PartnershipKind = "reseau"
	KindEuropean      PartnershipKind = "projet-europeen"
	KindSolidarity    PartnershipKind = "solidarite-internationale"
	KindEmergency     PartnershipKind = "aide-urgence"
	KindYouthMobility PartnershipKind = "mobilite-jeunes"
	KindOther         PartnershipKind = "autre"
)

// PartnershipKinds lists the kinds in display order.
func PartnershipKinds() []PartnershipKind {
	return []PartnershipKind{KindDecentralised, KindTwinning, KindCrossBorder, KindNetwork, KindEuropean, KindSolidarity, KindEmergency, KindYouthMobility, KindOther}
}

// Label is the French label of the kind.
func (k PartnershipKind) Label() string {
	switch k {
	case KindDecentralised:
		return "Coopération décentralisée"
	case KindTwinning:
		return "Jumelage"
	case KindCrossBorder:
		return "Coopération transfrontalière"
	case KindNetwork:
		return "Réseau"
	case KindEuropean:
		return "Projet européen"
	case KindSolidarity:
		return "Solidarité internationale"
	case KindEmergency:
		return "Aide d'urgence"
	case KindYouthMobility:
		return "Mobilité des jeunes"
	case KindOther:
		return "Autre"
	}
	return string(k)
}

// PartnershipStatus says whether a relation is alive.
type PartnershipStatus string

// The statuses of a partnership.
const (
	StatusActive  PartnershipStatus = "active"
	StatusDormant PartnershipStatus = "en-sommeil"
	StatusEnded   PartnershipStatus = "terminee"
)

// PartnershipStatuses lists the statuses in display order.
func PartnershipStatuses() []PartnershipStatus {
	return []PartnershipStatus{StatusActive, StatusDormant, StatusEnded}
}

// Label is the French label of the status.
func (s PartnershipStatus) Label() string {
	switch s {
	case StatusActive:
		return "Active"
	case StatusDormant:
		return "En sommeil"
	case StatusEnded:
		return "Terminée"
	}
	return string(s)
}

// Decision is what the critical review concludes for a partnership.
type Decision string

// The decisions the guide's critical review leads to; NoDecision means not yet reviewed.
const (
	NoDecision       Decision = ""
	DecisionContinue Decision = "poursuivre"
	DecisionRefocus  Decision = "recentrer"
	DecisionSuspend  Decision = "mettre-en-sommeil"
	DecisionStop     Decision = "arreter"
)

// Decisions lists the decisions in display order.
func Decisions() []Decision {
	return []Decision{DecisionContinue, DecisionRefocus, DecisionSuspend, DecisionStop}
}

// Label is the French label of the decision.
func (d Decision) Label() string {
	switch d {
	case NoDecision:
		return "Pas encore décidé"
	case DecisionContinue:
		return "Poursuivre"
	case DecisionRefocus:
		return "Recentrer"
	case DecisionSuspend:
		return "Mettre en sommeil"
	case DecisionStop:
		return "Arrêter"
	}
	return string(d)
}

// Agreement is the convention or twinning charter that frames a partnership. Dates may be known only to the
// month or the year (« signée en 1962 »); zero dates are unknown.
type Agreement struct {
	Signed          partialdate.Date
	Start           partialdate.Date
	End             partialdate.Date
	DeliberationRef string // reference of the deliberation that authorised it, e.g. « DEL-2019-042 »
	DocumentID      string // stored document, managed by the documents layer
}

// IsZero reports whether nothing of the agreement is known.
func (a Agreement) IsZero() bool { return a == Agreement{} }

// Review is the critical review the guide asks of each running or past partnership.
type Review struct {
	Results     string // results obtained
	Functioning string // how the partnership works in practice
	OurGain     string // reciprocity: what the CT and its territory gained
	PartnerGain string // reciprocity: what the partner gained
	Decision    Decision
	Reason      string
}

// Partnership is one entry of the register of the CT's international relations, current or past.
type Partnership struct {
	ID      string
	Partner string // partner authority or organisation
	// Countries are the ISO 3166 codes of the countries involved: several for a cross-border cooperation
	// (Rhin supérieur: FR, DE, CH), none for the membership of a network that belongs to no country.
	Countries         []string
	Kind              PartnershipKind
	Status            PartnershipStatus
	StartYear         int // 0 when unknown
	Agreement         Agreement
	Themes            []string
	Services          []string // services of the CT involved
	LocalActors       []string // actors of the territory involved
	YearlyBudgetCents *int64   // euro cents per year, nil when not known
	Review            Review
}

// Limits of the register, in characters.
const (
	maxPartner    = 200
	maxReviewText = 4000
	maxTag        = 100
	maxCountries  = 30
	firstYear     = 1945 // the post-war twinning movement: nothing older is plausible
)

// Validate checks a partnership. errs block saving; flags are kept but shown, since they are unusual rather than
// wrong (an agreement signed after the date it took effect, an ended partnership one decides to continue).
// knownCountry is the country list's membership test; today bounds the plausible start year.
func (p Partnership) Validate(knownCountry func(code string) bool, today time.Time) (errs, flags fielderr.List) {
	requireText(&errs, "partner", p.Partner, maxPartner)
	p.checkCountries(knownCountry, &errs)
	if !slices.Contains(PartnershipKinds(), p.Kind) {
		errs.Addf("kind", "Choisissez le type de partenariat.")
	}
	if !slices.Contains(PartnershipStatuses(), p.Status) {
		errs.Addf("status", "Choisissez le statut : active, en sommeil ou terminée.")
	}
	if last := today.Year() + 1; p.StartYear != 0 && (p.StartYear < firstYear || p.StartYear > last) {
		errs.Addf("startYear", "L'année de début doit être comprise entre %d et %d.", firstYear, last)
	}
	if p.YearlyBudgetCents != nil && *p.YearlyBudgetCents < 0 {
		errs.Addf("yearlyBudget", "Le budget annuel ne peut pas être négatif.")
	}
	p.checkTags(&errs)
	p.Agreement.check(&errs, &flags)
	p.Review.check(p.Status, &errs, &flags)
	return errs, flags
}

// checkCountries asks for at least one country, except for a network: a membership of Cités Unies France or
// of Eurocities belongs to no country, and inventing one would paint it on the map.
func (p Partnership) checkCountries(knownCountry func(code string) bool, errs *fielderr.List) {
	if len(p.Countries) == 0 && p.Kind != KindNetwork {
		errs.Addf("country", "Indiquez le pays du partenaire (ou les pays, pour une coopération transfrontalière).")
	}
	if len(p.Countries) > maxCountries {
		errs.Addf("country", "Un partenariat réunit au plus %d pays.", maxCountries)
	}
	for i, code := range p.Countries {
		if knownCountry == nil || !knownCountry(strings.TrimSpace(code)) {
			errs.Addf("country", "Code pays inconnu : %q.", code)
		}
		if slices.Contains(p.Countries[:i], code) {
			errs.Addf("country", "Le pays %q est indiqué deux fois.", code)
		}
	}
}

// HasCountry reports whether code is one of the partnership's countries, ignoring case.
func (p Partnership) HasCountry(code string) bool {
	return slices.ContainsFunc(p.Countries, func(c string) bool { return strings.EqualFold(strings.TrimSpace(c), strings.TrimSpace(code)) })
}

func (p Partnership) checkTags(errs *fielderr.List) {
	lists := []struct {
		field string
		tags  []string
	}{{"themes", p.Themes}, {"services", p.Services}, {"localActors", p.LocalActors}}
	for _, l := range lists {
		for i, t := range l.tags {
			requireText(errs, fmt.Sprintf("%s.%d", l.field, i), t, maxTag)
		}
	}
}

func (a Agreement) check(errs, flags *fielderr.List) {
	// Partial dates compare by their periods: an end « 2020 » does not precede a start « mars 2020 », but an
	// end whose whole period is over before the start's begins does.
	if !a.Start.IsZero() && !a.End.IsZero() && a.End.Last().Before(a.Start.First()) {
		errs.Addf("agreement.end", "La fin de la convention ne peut pas précéder son début.")
	}
	if !a.Signed.IsZero() && !a.Start.IsZero() && a.Signed.First().After(a.Start.Last()) {
		flags.Addf("agreement.signed", "La convention a été signée après sa date de prise d'effet : vérifiez les dates.")
	}
	limitText(errs, "agreement.deliberationRef", a.DeliberationRef, maxTitle)
}

func (r Review) check(status PartnershipStatus, errs, flags *fielderr.List) {
	limitText(errs, "review.results", r.Results, maxReviewText)
	limitText(errs, "review.functioning", r.Functioning, maxReviewText)
	limitText(errs, "review.ourGain", r.OurGain, maxReviewText)
	limitText(errs, "review.partnerGain", r.PartnerGain, maxReviewText)
	limitText(errs, "review.reason", r.Reason, maxReviewText)
	if r.Decision != NoDecision && !slices.Contains(Decisions(), r.Decision) {
		errs.Addf("review.decision", "Décision inconnue : %q.", string(r.Decision))
	}
	if status == StatusEnded && r.Decision == NoDecision {
		errs.Addf("review.decision", "Un partenariat terminé doit avoir une décision issue de sa revue critique.")
	}
	if (status == StatusEnded || r.Decision != NoDecision) && strings.TrimSpace(r.Reason) == "" {
		errs.Addf("review.reason", "Expliquez la raison de la décision.")
	}
	if status == StatusEnded && r.Decision == DecisionContinue {
		flags.Addf("review.decision", "Le partenariat est terminé mais la décision est de le poursuivre : faut-il le réactiver ?")
	}
}

// PartnershipFilter selects partnerships for the register's list; an empty field matches everything.
type PartnershipFilter struct {
	Status  PartnershipStatus
	Country string
	Theme   string
}

// Match reports whether p passes the filter. Country codes and themes are compared ignoring case.
func (f PartnershipFilter) Match(p Partnership) bool {
	if f.Status != "" && p.Status != f.Status {
		return false
	}
	if f.Country != "" && !p.HasCountry(f.Country) {
		return false
	}
	if f.Theme != "" && !slices.ContainsFunc(p.Themes, func(t string) bool { return sameTag(t, f.Theme) }) {
		return false
	}
	return true
}

// FilterPartnerships returns the partnerships passing f, in their original order.
func FilterPartnerships(ps []Partnership, f PartnershipFilter) []Partnership {
	var out []Partnership
	for _, p := range ps {
		if f.Match(p) {
			out = append(out, p)
		}
	}
	return out
}

// PartnerCountries returns the distinct country codes of ps, upper-cased and sorted, for the filter and the map.
func PartnerCountries(ps []Partnership) []string {
	var out []string
	for _, p := range ps {
		for _, c := range p.Countries {
			if c = strings.ToUpper(strings.TrimSpace(c)); c != "" && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	slices.Sort(out)
	return out
}

// PartnerThemes returns the distinct themes of ps, sorted, keeping the first spelling met.
func PartnerThemes(ps []Partnership) []string {
	var out []string
	for _, p := range ps {
		for _, t := range p.Themes {
			t = strings.TrimSpace(t)
			if t != "" && !slices.ContainsFunc(out, func(o string) bool { return sameTag(o, t) }) {
				out = append(out, t)
			}
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

func sameTag(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }
