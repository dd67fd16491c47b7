package consultation

import (
	"strings"
	"unicode/utf8"
)

// Kind is how a question is answered.
type Kind string

// The kinds of question: a free text, one choice, several choices, or a ranking of the choices (of
// priorities such as themes or countries).
const (
	OpenText Kind = "texte"
	Single   Kind = "choix-unique"
	Multiple Kind = "choix-multiple"
	Ranking  Kind = "classement"
)

// Kinds lists the kinds in the order forms show them.
var Kinds = []Kind{OpenText, Single, Multiple, Ranking}

// Label returns the kind in French.
func (k Kind) Label() string {
	switch k {
	case OpenText:
		return "Réponse libre"
	case Single:
		return "Choix unique"
	case Multiple:
		return "Choix multiples"
	case Ranking:
		return "Classement de priorités"
	}
	return "Non renseigné"
}

// Valid reports whether k is one of the kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// HasChoices reports whether the question is answered by picking among choices.
func (k Kind) HasChoices() bool { return k == Single || k == Multiple || k == Ranking }

// Question is one question of a consultation.
type Question struct {
	ID             int64
	ConsultationID int64
	Position       int
	Kind           Kind
	Prompt         string
	Help           string
	Choices        []string
	Required       bool
	Version        int64
}

// ParseChoices reads the choices the team typed, one a line, dropping blank lines.
func ParseChoices(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// Check returns the French messages for what is wrong in a question, by field: "kind", "prompt",
// "help", "choices".
func (q Question) Check() map[string]string {
	errs := map[string]string{}
	if !q.Kind.Valid() {
		errs["kind"] = "Choisissez le type de question dans la liste."
	}
	switch {
	case q.Prompt == "":
		errs["prompt"] = "Écrivez la question."
	case utf8.RuneCountInString(q.Prompt) > MaxPrompt:
		errs["prompt"] = tooLong(MaxPrompt)
	}
	if utf8.RuneCountInString(q.Help) > MaxPrompt {
		errs["help"] = tooLong(MaxPrompt)
	}
	// An open question keeps the choices typed, unused, so that changing its kind back loses nothing.
	if q.Kind.HasChoices() {
		if msg := checkChoices(q.Choices); msg != "" {
			errs["choices"] = msg
		}
	} else if len(q.Choices) > MaxChoices {
		errs["choices"] = "Proposez au plus " + itoa(MaxChoices) + " choix."
	}
	return errs
}

func checkChoices(choices []string) string {
	if len(choices) < 2 {
		return "Écrivez au moins deux choix, un par ligne."
	}
	if len(choices) > MaxChoices {
		return "Proposez au plus " + itoa(MaxChoices) + " choix."
	}
	seen := map[string]bool{}
	for _, c := range choices {
		if utf8.RuneCountInString(c) > MaxChoice {
			return "Le choix « " + short(c, 40) + " » est trop long : " + itoa(MaxChoice) + " caractères au plus."
		}
		if seen[strings.ToLower(c)] {
			return "Le choix « " + c + " » est écrit deux fois."
		}
		seen[strings.ToLower(c)] = true
	}
	return ""
}
