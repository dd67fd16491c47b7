package diagnostic

import (
	"boussole/internal/fielderr"
	"strings"
)

// Principle is one of the five essential principles the guide asks to understand before starting.
type Principle struct {
	Code       string
	Name       string
	Definition string // the guide's definition
}

// Principles returns the guide's five essential principles, in the guide's order.
func Principles() []Principle {
	return []Principle{
		{"capitalisation", "Capitalisation", "S'appuyer sur les dynamiques existantes et exploiter les produits, les résultats et l'expérience de la CT pour en prolonger l'impact : expérience et savoir-faire préservés, systématisés et partagés. La capitalisation implique une vision plus large, stratégique et construite en amont pour porter plus loin et profiter des actions antérieures de la collectivité."},
		{"ciblage", "Ciblage de l'intervention", "(Re)penser les partenariats avec les collectivités étrangères : relation structurante avec chacune, logique d'intégration, recentrage sur les partenariats actifs, capitalisation sur les relations existantes (projets, réseaux)."},
		{"mobilisation", "Mobilisation de la société", "Appropriation par les populations, engagement des citoyens : favoriser la transparence et la responsabilité."},
		{"reciprocite", "Réciprocité et horizontalité", "Logique de partenariat à égalité d'intérêt et d'ambition, sur la base d'une vision critique des différences et dans une perspective d'apprentissage et d'enrichissement mutuel."},
		{"long-terme", "Élaboration de long terme", "Multiplicité des acteurs et des niveaux, longueur des démarches politiques et administratives associées (éventuel passage en délibération, déplacements, montage de projets, etc.) : retombées progressives."},
	}
}

// PrincipleByCode finds a principle; ok is false for an unknown code.
func PrincipleByCode(code string) (Principle, bool) {
	for _, p := range Principles() {
		if p.Code == code {
			return p, true
		}
	}
	return Principle{}, false
}

// Rating is the self-assessed degree to which a principle is applied, from 1 (not yet) to 4 (fully).
type Rating int

// The four ratings of the self-assessment.
const (
	RatingNotYet Rating = iota + 1
	RatingPartly
	RatingLargely
	RatingFully
)

// Ratings lists the valid ratings in ascending order, for building a form.
func Ratings() []Rating { return []Rating{RatingNotYet, RatingPartly, RatingLargely, RatingFully} }

// Valid reports whether r is one of the four ratings.
func (r Rating) Valid() bool { return r >= RatingNotYet && r <= RatingFully }

// Label is the French label of the rating.
func (r Rating) Label() string {
	switch r {
	case RatingNotYet:
		return "Pas encore pris en compte"
	case RatingPartly:
		return "Partiellement pris en compte"
	case RatingLargely:
		return "Largement pris en compte"
	case RatingFully:
		return "Pleinement pris en compte"
	}
	return "Non évalué"
}

// PrincipleAssessment is the CT's self-assessment of one principle.
type PrincipleAssessment struct {
	Principle string // principle code
	Rating    Rating
	Comment   string
}

const maxComment = 2000

// Validate checks one assessment and returns French messages per field.
func (a PrincipleAssessment) Validate() fielderr.List {
	var errs fielderr.List
	if _, ok := PrincipleByCode(a.Principle); !ok {
		errs.Addf("principle", "Principe inconnu : %q.", a.Principle)
	}
	if !a.Rating.Valid() {
		errs.Addf("rating", "Choisissez une appréciation de 1 à 4.")
	}
	limitText(&errs, "comment", a.Comment, maxComment)
	return errs
}

// Condition is one of the guide's « conditions facilitantes » for an international strategy.
type Condition struct {
	Code   string
	Label  string // short label for a checklist
	Detail string // the guide's wording
}

// Conditions returns the conditions facilitantes in order of importance: political backing first, as the guide puts it.
// The guide also lists « sensibiliser les élus » second; it is kept here since the guide's method wins.
func Conditions() []Condition {
	return []Condition{
		{"portage-politique", "Portage politique", "Avoir un portage politique avant d'élaborer une stratégie."},
		{"sensibilisation", "Sensibilisation des élus", "Sensibiliser, expliquer, convaincre, communiquer avec les élus grâce à l'information mise à disposition par les différents organismes qui soutiennent l'AICT."},
		{"co-construction", "Co-construction", "Penser la stratégie en co-construction avec l'ensemble des acteurs (citoyens, associations, entreprises, universités, etc.)."},
		{"competences", "Entrées par compétences", "Privilégier les entrées par compétences : amener l'international à travers les compétences de la CT et les enjeux pour le territoire – culture, économie, sport, jeunesse, petite enfance, préscolaire, etc. – tant pour les élus que pour les techniciens, mais aussi pour les autres parties prenantes."},
		{"ancrage", "Ancrage territorial", "Ancrer l'international dans le territoire et cerner ce que l'on veut – fil conducteur de la stratégie à l'international, en quoi l'international sert le développement de son territoire."},
		{"diagnostic", "Diagnostic du territoire", "Réaliser un diagnostic du territoire (économique, géographique, etc.) et identifier les politiques publiques que l'on veut internationaliser."},
		{"ecosysteme", "Connaissance de l'écosystème", "Avoir une connaissance de l'environnement international en France (DAECT, associations d'élus, etc.) et de l'écosystème territorial (opérateurs de projets de coopération) pour savoir sur qui s'appuyer."},
		{"financements", "Financements identifiés", "Identifier les financements possibles."},
		{"temps-ressources", "Temps et ressources", "Se donner le temps et prévoir les ressources nécessaires."},
	}
}

// MissingConditions returns the conditions not in met, most important first, so the home page leads with what matters.
func MissingConditions(met []string) []Condition {
	done := make(map[string]bool, len(met))
	for _, c := range met {
		done[strings.TrimSpace(c)] = true
	}
	var missing []Condition
	for _, c := range Conditions() {
		if !done[c.Code] {
			missing = append(missing, c)
		}
	}
	return missing
}
