package monitoring

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"boussole/internal/logframe"
	"boussole/internal/number"
)

// Measurement is the actual value of one indicator for one period (an IATI period's actual), with where it
// comes from and how far it has been reviewed. There is one per indicator and period: entering it again
// changes it, and the audit log keeps the earlier values.
type Measurement struct {
	ID          int64
	AuthorityID int64
	IndicatorID int64
	Period      string // the Period.Key
	PeriodStart time.Time
	PeriodEnd   time.Time
	Value       *number.Decimal // nil when unknown, never 0 for « unknown »
	Text        string          // the value of a nominal or qualitative indicator, or a note beside a number
	MeasuredOn  time.Time       // the day the value describes, within the period
	Source      string
	Comment     string
	Evidence    string // the evidence: a link (report, list, photo online) or a reference (« bilan 2026, p. 12 »)
	EnteredBy   int64  // the user, 0 when unknown (import by the system, deleted account)
	EnteredName string
	Review      Review
	Locked      bool   // validated and closed: changing the value needs a reason
	Reason      string // why a locked value was changed, the last time it was
	UpdatedAt   time.Time
	Version     int64
}

// KnownFor reports whether the measurement gives the indicator a value: a number for a numeric indicator, a
// text otherwise.
func (m Measurement) KnownFor(in logframe.Indicator) bool {
	if in.Measure.Numeric() {
		return m.Value != nil
	}
	return m.Value != nil || strings.TrimSpace(m.Text) != ""
}

// Review is how far a measurement has been checked.
type Review string

// The review states: entered by its owner, submitted for review, validated by the mission.
const (
	ReviewEntered   Review = "saisie"
	ReviewSubmitted Review = "soumise"
	ReviewValidated Review = "validee"
)

// Label returns the French label of the state.
func (r Review) Label() string {
	switch r {
	case ReviewEntered:
		return "saisie"
	case ReviewSubmitted:
		return "soumise à validation"
	case ReviewValidated:
		return "validée"
	}
	return "non renseignée"
}

// Valid reports whether r is a known state.
func (r Review) Valid() bool {
	return r == ReviewEntered || r == ReviewSubmitted || r == ReviewValidated
}

// Length limits of a measurement's texts, in characters.
const (
	MaxText     = 2000
	MaxSource   = 300
	MaxComment  = 2000
	MaxEvidence = 1000
	MaxReason   = 1000
)

// FieldError is a French message for one field of the measurement form or of an import row.
type FieldError struct {
	Field   string // valeur, texte, date, source, commentaire, preuve, motif, periode
	Message string
}

// Errors lists the problems of one measurement; empty when it is valid.
type Errors []FieldError

func (e Errors) Error() string {
	msgs := make([]string, len(e))
	for i, fe := range e {
		msgs[i] = fe.Message
	}
	return strings.Join(msgs, " ")
}

func (e *Errors) add(field, msg string) { *e = append(*e, FieldError{Field: field, Message: msg}) }

// Validate checks a measurement of the indicator for the period p: a value of the indicator's kind, a day
// within the period, texts within their limits.
func Validate(m Measurement, in logframe.Indicator, p Period) Errors {
	var e Errors
	if in.Measure.Numeric() && m.Value == nil {
		e.add("valeur", "Saisissez la valeur mesurée, en chiffres (par exemple 1 234,5) : cet indicateur se mesure en nombre.")
	}
	if !in.Measure.Numeric() && m.Value == nil && strings.TrimSpace(m.Text) == "" {
		e.add("texte", "Décrivez la valeur constatée : cet indicateur se mesure en mots.")
	}
	if in.Measure == logframe.MeasurePercentage && m.Value != nil && (m.Value.Sign() < 0 || m.Value.Cmp(number.Int(100)) > 0) {
		e.add("valeur", "Un pourcentage est compris entre 0 et 100.")
	}
	switch {
	case m.MeasuredOn.IsZero():
		e.add("date", "Indiquez la date à laquelle la valeur a été constatée.")
	case !p.Contains(m.MeasuredOn):
		e.add("date", "La date doit tomber dans la période « "+p.Label+" », du "+frDay(p.Start)+" au "+frDay(p.End)+".")
	}
	limit(&e, "texte", m.Text, MaxText)
	limit(&e, "source", m.Source, MaxSource)
	limit(&e, "commentaire", m.Comment, MaxComment)
	limit(&e, "motif", m.Reason, MaxReason)
	limit(&e, "preuve", m.Evidence, MaxEvidence)
	return e
}

func limit(e *Errors, field, s string, n int) {
	if c := utf8.RuneCountInString(s); c > n {
		e.add(field, "Ce texte est trop long : "+itoa(n)+" caractères au plus (il en compte "+itoa(c)+").")
	}
}

// Changes reports whether next changes what old says (the value, its text or its day): what a lock protects.
func Changes(old, next Measurement) bool {
	if (old.Value == nil) != (next.Value == nil) || old.Value != nil && old.Value.Cmp(*next.Value) != 0 {
		return true
	}
	return strings.TrimSpace(old.Text) != strings.TrimSpace(next.Text) || !day(old.MeasuredOn).Equal(day(next.MeasuredOn))
}

// CheckLocked refuses a change to a locked period unless it gives a reason; mayUnlock says whether the person
// may change validated data at all (an agent or an administrator, not a référent).
func CheckLocked(old, next Measurement, mayUnlock bool) Errors {
	var e Errors
	if !old.Locked || !Changes(old, next) {
		return e
	}
	if !mayUnlock {
		e.add("valeur", "Cette période est validée et verrouillée : seule la mission des relations internationales peut en corriger la valeur, en disant pourquoi.")
		return e
	}
	if strings.TrimSpace(next.Reason) == "" {
		e.add("motif", "Cette période est verrouillée : dites pourquoi sa valeur validée change (le motif est gardé au journal).")
	}
	return e
}

// Step is a move of the review.
type Step string

// The review's moves.
const (
	StepSubmit   Step = "soumettre"
	StepValidate Step = "valider"
	StepLock     Step = "verrouiller"
	StepReopen   Step = "rouvrir"
)

// Apply returns the measurement after the review step, or a French reason why the step cannot be taken.
func Apply(m Measurement, s Step) (Measurement, string) {
	switch s {
	case StepSubmit:
		if m.Review != ReviewEntered {
			return m, "Cette mesure a déjà été soumise."
		}
		m.Review = ReviewSubmitted
	case StepValidate:
		if m.Review == ReviewValidated {
			return m, "Cette mesure est déjà validée."
		}
		m.Review = ReviewValidated
	case StepLock:
		if m.Review != ReviewValidated {
			return m, "Validez la mesure avant de verrouiller sa période."
		}
		if m.Locked {
			return m, "Cette période est déjà verrouillée."
		}
		m.Locked = true
	case StepReopen:
		if m.Locked {
			return m, "Une période verrouillée ne se rouvre pas : corrigez sa valeur en donnant un motif."
		}
		if m.Review == ReviewEntered {
			return m, "Cette mesure n'a pas encore été soumise."
		}
		m.Review = ReviewEntered
	default:
		return m, "Action de revue inconnue."
	}
	return m, ""
}

// Revise returns next as it is stored over old: the lock and the review carry over, except that a changed
// value of an unlocked period goes back to « saisie », to be reviewed again.
func Revise(old, next Measurement) Measurement {
	next.ID, next.Review, next.Locked = old.ID, old.Review, old.Locked
	if Changes(old, next) && !old.Locked {
		next.Review = ReviewEntered
	}
	if !old.Locked || !Changes(old, next) {
		next.Reason = old.Reason
	}
	return next
}

// EvidenceLink returns the evidence as a link when it is a web address (http or https only: a « javascript: »
// text stays text), and false otherwise.
func EvidenceLink(evidence string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(evidence))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", false
	}
	return u.String(), true
}
