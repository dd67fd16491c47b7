package sharing

// Scope is what an authority chooses to share; scopes combine with |. Nothing is shared by default.
type Scope uint

// The parts a share may hold. Lessons are shared one by one, apart from the strategy.
const (
	// Structure is the strategy's elements: values, vision and mission, objectives, results, activity types,
	// indicators without their values, risks, thematic and geographic priorities.
	Structure Scope = 1 << iota
	// Partnerships is the register's partner, countries, kind, themes and dates.
	Partnerships
	// Projects is the projects with their funding sources, in shares of their cost.
	Projects
	// Evaluations is the strategy's evaluations: questions, findings, lessons, recommendations and responses.
	Evaluations
)

// AllScopes lists the scopes in the order the sharing form shows them.
var AllScopes = []Scope{Structure, Partnerships, Projects, Evaluations}

// Has reports whether s includes every scope of t.
func (s Scope) Has(t Scope) bool { return t != 0 && s&t == t }

// Label is the scope's French name on the sharing form and in the journal.
func (s Scope) Label() string {
	switch s {
	case Structure:
		return "La structure de la stratégie (éléments clés, objectifs, résultats, types d'activités, indicateurs sans leurs valeurs, risques, priorités)"
	case Partnerships:
		return "Les partenariats (partenaire, pays, nature, thèmes, dates)"
	case Projects:
		return "Les projets et leurs sources de financement (en part du coût, sans montants)"
	case Evaluations:
		return "Les évaluations (questions, constats, enseignements, recommandations et réponses, sans l'évaluateur)"
	}
	return ""
}

// Valid reports whether s holds only known scopes.
func (s Scope) Valid() bool { return s&^(Structure|Partnerships|Projects|Evaluations) == 0 }

// Licence is the licence under which a share is reused.
type Licence string

// The licences offered: the State's open licence by default, and its two usual companions.
const (
	LicenceOuverte Licence = "licence-ouverte-2.0"
	LicenceCCBY    Licence = "cc-by-4.0"
	LicenceODbL    Licence = "odbl-1.0"
)

// Licences lists the licences in the order the form shows them.
var Licences = []Licence{LicenceOuverte, LicenceCCBY, LicenceODbL}

// Label is the licence's French name.
func (l Licence) Label() string {
	switch l {
	case LicenceOuverte:
		return "Licence Ouverte 2.0 (Etalab)"
	case LicenceCCBY:
		return "Creative Commons Attribution 4.0"
	case LicenceODbL:
		return "Open Database License 1.0"
	}
	return ""
}

// Valid reports whether l is an offered licence.
func (l Licence) Valid() bool { return l.Label() != "" }
