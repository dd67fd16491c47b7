package consultation

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Moderation is where a contribution stands in the team's moderation queue.
type Moderation string

// A contribution arrives to be moderated; the team publishes it (its open answers may then appear
// among the public results) or hides it, with a reason.
const (
	Pending   Moderation = "a-moderer"
	Published Moderation = "publiee"
	Hidden    Moderation = "masquee"
)

// Label returns the moderation state in French.
func (m Moderation) Label() string {
	switch m {
	case Published:
		return "publiée"
	case Hidden:
		return "masquée"
	}
	return "à modérer"
}

// EmailUse is what the contributor allowed their email to be used for; nothing else is done with it.
type EmailUse string

// The uses a contributor may choose.
const (
	EmailNone    EmailUse = ""
	EmailConfirm EmailUse = "confirmer" // confirm the contribution (and receive the personal link)
	EmailResults EmailUse = "resultats" // confirm, and receive the results when published
)

// Contribution is one person's answers to a consultation. Pseudonym, Email and the address fingerprint
// are personal data: they are purged at the end of the retention period, the rest stays.
type Contribution struct {
	ID             int64
	AuthorityID    int64
	ConsultationID int64
	Category       Category
	Commune        string
	Age            AgeBracket
	Pseudonym      string
	Email          string
	EmailUse       EmailUse
	Answers        []Answer
	State          Moderation
	HiddenReason   string
	Themes         []string // what the team groups the open answers under
	Confirmed      bool     // the contributor followed the link sent to their email
	Purged         bool     // personal data removed
	CreatedAt      time.Time
	ModeratedAt    time.Time
}

// Answer is the answer to one question: Text for an open question, Choices for the others (one for a
// single choice; in order of preference for a ranking).
type Answer struct {
	QuestionID int64    `json:"q"`
	Text       string   `json:"t,omitempty"`
	Choices    []string `json:"c,omitempty"`
}

// Answer returns the contribution's answer to a question.
func (c Contribution) Answer(questionID int64) (Answer, bool) {
	for _, a := range c.Answers {
		if a.QuestionID == questionID {
			return a, true
		}
	}
	return Answer{}, false
}

// Limits on what a contributor types.
const (
	MaxAnswer    = 10000
	MaxPseudonym = 80
	MaxCommune   = 120
	MaxEmail     = 254
	MaxReason    = 500
)

// Field names a contribution's errors are reported under; an answer's is AnswerField(questionID).
const (
	FieldCategory  = "category"
	FieldCommune   = "commune"
	FieldAge       = "age"
	FieldPseudonym = "pseudonym"
	FieldEmail     = "email"
	FieldEmailUse  = "email_use"
	FieldWhole     = "" // a message about the whole contribution
)

// AnswerField is the form field of a question's answer.
func AnswerField(questionID int64) string { return "q" + strconv.FormatInt(questionID, 10) }

// Validate returns the French messages for what is wrong in a contribution to c on the day of now, by
// field. A contribution after the closing day is refused with the date; an empty one is refused.
func Validate(c Consultation, in Contribution, now time.Time) map[string]string {
	errs := map[string]string{}
	switch c.Phase(now) {
	case PhaseUpcoming:
		errs[FieldWhole] = "Cette consultation ouvrira le " + frenchDate(c.OpensOn) + " : revenez à partir de cette date."
		return errs
	case PhaseClosed:
		errs[FieldWhole] = "Cette consultation est close depuis le " + frenchDate(c.ClosesOn.AddDate(0, 0, 1)) + " : les contributions ne sont plus reçues."
		return errs
	case PhaseDraft:
		errs[FieldWhole] = "Cette consultation n'est pas ouverte."
		return errs
	}
	if !slices.Contains(c.Offered(), in.Category) {
		errs[FieldCategory] = "Indiquez à quel titre vous contribuez."
	}
	if utf8.RuneCountInString(in.Commune) > MaxCommune {
		errs[FieldCommune] = tooLong(MaxCommune)
	}
	if in.Age != "" && !in.Age.Valid() {
		errs[FieldAge] = "Choisissez la tranche d'âge dans la liste."
	}
	if utf8.RuneCountInString(in.Pseudonym) > MaxPseudonym {
		errs[FieldPseudonym] = tooLong(MaxPseudonym)
	}
	checkEmail(in, errs)
	answered := 0
	for _, q := range c.Questions {
		a, _ := in.Answer(q.ID)
		if msg := checkAnswer(q, a); msg != "" {
			errs[AnswerField(q.ID)] = msg
		}
		if a.Text != "" || len(a.Choices) > 0 {
			answered++
		}
	}
	if answered == 0 && len(errs) == 0 {
		errs[FieldWhole] = "Votre contribution est vide : répondez à au moins une question."
	}
	return errs
}

func checkEmail(in Contribution, errs map[string]string) {
	switch {
	case in.EmailUse != EmailNone && in.EmailUse != EmailConfirm && in.EmailUse != EmailResults:
		errs[FieldEmailUse] = "Choisissez l'usage de votre adresse dans la liste."
	case in.Email == "" && in.EmailUse != EmailNone:
		errs[FieldEmail] = "Indiquez votre adresse, ou choisissez de ne pas en donner."
	case in.Email != "" && !validEmail(in.Email):
		errs[FieldEmail] = "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr."
	case in.Email != "" && in.EmailUse == EmailNone:
		errs[FieldEmailUse] = "Dites à quoi votre adresse doit servir, ou effacez-la : elle ne sert qu'à ce que vous choisissez."
	}
}

func validEmail(v string) bool {
	at := strings.LastIndex(v, "@")
	return len(v) <= MaxEmail && at >= 1 && at < len(v)-1 && strings.Contains(v[at:], ".") && !strings.ContainsAny(v, " ,;<>\"")
}

// checkAnswer returns what is wrong with an answer to q, or "".
func checkAnswer(q Question, a Answer) string {
	empty := a.Text == "" && len(a.Choices) == 0
	if empty {
		if q.Required {
			return "Cette question demande une réponse."
		}
		return ""
	}
	if q.Kind == OpenText {
		if n := utf8.RuneCountInString(a.Text); n > MaxAnswer {
			return "Votre réponse fait " + itoa(n) + " caractères : " + itoa(MaxAnswer) + " au plus. Raccourcissez-la ; le reste de votre saisie est gardé."
		}
		return ""
	}
	seen := map[string]bool{}
	for _, ch := range a.Choices {
		if !slices.Contains(q.Choices, ch) {
			return "Choisissez parmi les réponses proposées."
		}
		if seen[ch] {
			return "Chaque choix ne peut être classé qu'une fois."
		}
		seen[ch] = true
	}
	if q.Kind == Single && len(a.Choices) > 1 {
		return "Une seule réponse est possible."
	}
	return ""
}

// Fingerprint identifies a contribution's content, so that the same text sent twice from one address
// within a minute is recognised as a double submission without comparing texts in the database.
func Fingerprint(in Contribution) string {
	h := sha256.New()
	for _, a := range in.Answers {
		h.Write([]byte(strconv.FormatInt(a.QuestionID, 10) + "\x00" + strings.TrimSpace(a.Text) + "\x00" + strings.Join(a.Choices, "\x01") + "\x02"))
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// DuplicateWindow is how long the same content from the same address counts as a double submission.
const DuplicateWindow = time.Minute

// DuplicateMessage is what a double submission is told: the first one was received.
const DuplicateMessage = "Nous avons déjà reçu cette contribution depuis votre connexion il y a moins d'une minute : elle est bien enregistrée, inutile de l'envoyer à nouveau."
