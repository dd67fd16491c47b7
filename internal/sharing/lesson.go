package sharing

import (
	"strings"
	"time"
	"unicode/utf8"

	"boussole/internal/fielderr"
	"boussole/internal/textkey"
)

// Lesson is a lesson learned: from an evaluation or a free note, tagged so that peers facing the same
// country, theme or difficulty find it. Shared only when its author ticks it.
type Lesson struct {
	ID          int64
	AuthorityID int64
	Title       string
	Text        string
	Country     string // ISO code, empty when not about one country
	Theme       string
	Difficulty  Difficulty
	Shared      bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int64
}

// Difficulty is the kind of difficulty a lesson is about.
type Difficulty string

// The difficulties authorities meet most, as the guide lists them in its pitfalls and conditions.
const (
	DifficultyFunding     Difficulty = "financement"
	DifficultyGovernance  Difficulty = "portage-politique"
	DifficultyPartner     Difficulty = "relation-partenaire"
	DifficultyStaff       Difficulty = "ressources-humaines"
	DifficultyContext     Difficulty = "contexte-securite"
	DifficultyEvaluation  Difficulty = "suivi-evaluation"
	DifficultyCitizens    Difficulty = "mobilisation-territoire"
	DifficultySuccess     Difficulty = "reussite"
	DifficultyUnspecified Difficulty = ""
)

// Difficulties lists the kinds in the order the form shows them.
var Difficulties = []Difficulty{DifficultyFunding, DifficultyGovernance, DifficultyPartner, DifficultyStaff, DifficultyContext,
	DifficultyEvaluation, DifficultyCitizens, DifficultySuccess}

// Label is the kind's French name.
func (d Difficulty) Label() string {
	switch d {
	case DifficultyFunding:
		return "Financement"
	case DifficultyGovernance:
		return "Portage politique et gouvernance"
	case DifficultyPartner:
		return "Relation avec le partenaire"
	case DifficultyStaff:
		return "Moyens humains et compétences"
	case DifficultyContext:
		return "Contexte local, sécurité"
	case DifficultyEvaluation:
		return "Suivi et évaluation"
	case DifficultyCitizens:
		return "Mobilisation du territoire"
	case DifficultySuccess:
		return "Réussite à reproduire"
	}
	return "non précisé"
}

// Valid reports whether d is a listed kind or unspecified.
func (d Difficulty) Valid() bool {
	if d == DifficultyUnspecified {
		return true
	}
	for _, x := range Difficulties {
		if x == d {
			return true
		}
	}
	return false
}

// CheckLesson checks a lesson before it is written; knownCountry is the country list's membership test.
func CheckLesson(l Lesson, knownCountry func(string) bool) fielderr.List {
	var errs fielderr.List
	switch t := strings.TrimSpace(l.Title); {
	case t == "":
		errs.Add("title", "Résumez la leçon en une phrase.")
	case utf8.RuneCountInString(t) > 200:
		errs.Add("title", "Le résumé ne doit pas dépasser 200 caractères.")
	}
	if utf8.RuneCountInString(l.Text) > 6000 {
		errs.Add("text", "Le récit ne doit pas dépasser 6 000 caractères.")
	}
	if l.Country != "" && !knownCountry(l.Country) {
		errs.Add("country", "Choisissez un pays de la liste, ou aucun.")
	}
	if utf8.RuneCountInString(l.Theme) > 100 {
		errs.Add("theme", "Le thème ne doit pas dépasser 100 caractères.")
	}
	if !l.Difficulty.Valid() {
		errs.Add("difficulty", "Choisissez une nature de difficulté de la liste.")
	}
	return errs
}

// LessonKey is the folded text the library searches in a shared lesson.
func LessonKey(l Lesson) string {
	return textkey.Fold(l.Title + " " + l.Text + " " + l.Theme + " " + l.Difficulty.Label())
}
