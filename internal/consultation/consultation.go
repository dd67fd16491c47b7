// Package consultation holds the rules of the citizen consultation the guide describes (« La consultation
// publique citoyenne »): a consultation and its questions, the validation of a contribution, the results
// and their synthesis, the RGPD notice and the retention of personal data. It knows neither HTTP nor SQL.
package consultation

import (
	"time"
	"unicode/utf8"
)

// Status is where a consultation stands in the team's hands; whether it accepts contributions also
// depends on its dates (see Phase).
type Status string

// The three statuses: a draft is seen only by the team; an open consultation is public and accepts
// contributions between its dates; a closed one is public and accepts none.
const (
	Draft  Status = "brouillon"
	Open   Status = "ouverte"
	Closed Status = "close"
)

// Label returns the status in French.
func (s Status) Label() string {
	switch s {
	case Open:
		return "ouverte"
	case Closed:
		return "close"
	default:
		return "brouillon"
	}
}

// Consultation is one citizen consultation of an authority.
type Consultation struct {
	ID          int64
	AuthorityID int64
	Title       string
	Context     string    // why the authority asks, what it will do with the answers
	OpensOn     time.Time // first day contributions are accepted (a calendar day, UTC midnight)
	ClosesOn    time.Time // last day contributions are accepted
	Status      Status
	Categories  []Category // the contributor categories offered; empty means all of them
	AskCommune  bool       // the optional profile question « commune »
	AskAge      bool       // the optional profile question « tranche d'âge »
	// RetentionMonths is how long after the closing day personal data (pseudonym, email, address
	// fingerprint) is kept; then it is purged and the texts stay, de-identified.
	RetentionMonths int
	Synthesis       string // the team's synthesis
	Response        string // « ce que nous avons retenu », the authority's response
	ResultsPublic   bool   // results, synthesis and response appear on the public page
	// SynthesisVersion guards the synthesis, the response and ResultsPublic, which the team writes on
	// their own page while others may edit the definition: each has its own edit conflicts.
	SynthesisVersion int64
	Questions        []Question
	CreatedAt        time.Time
	UpdatedAt        time.Time
	Version          int64
}

// DefaultRetentionMonths is the retention the form proposes: a year after closing, time enough to
// send the results and answer questions about them.
const DefaultRetentionMonths = 12

// MaxRetentionMonths bounds the retention: beyond three years the purpose (to consult on this strategy)
// is long served.
const MaxRetentionMonths = 36

// Phase is what a visitor sees of a consultation on a given day.
type Phase string

// The phases of a consultation.
const (
	PhaseDraft    Phase = "brouillon"
	PhaseUpcoming Phase = "a-venir"
	PhaseOpen     Phase = "ouverte"
	PhaseClosed   Phase = "close"
)

// Phase returns the phase on the day of now: a consultation opened by the team accepts contributions
// from its opening day to its closing day included.
func (c Consultation) Phase(now time.Time) Phase {
	day := Day(now)
	switch {
	case c.Status == Draft:
		return PhaseDraft
	case c.Status == Closed:
		return PhaseClosed
	case day.Before(c.OpensOn):
		return PhaseUpcoming
	case day.After(c.ClosesOn):
		return PhaseClosed
	default:
		return PhaseOpen
	}
}

// Public reports whether the consultation may appear on the public page: every status but a draft.
func (c Consultation) Public() bool { return c.Status == Open || c.Status == Closed }

// Offered returns the categories a contributor may choose.
func (c Consultation) Offered() []Category {
	if len(c.Categories) == 0 {
		return Categories
	}
	return c.Categories
}

// Question returns the consultation's question with that ID.
func (c Consultation) Question(id int64) (Question, bool) {
	for _, q := range c.Questions {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}

// Day returns the calendar day of t, as UTC midnight, the form in which the dates are kept.
func Day(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Limits on what the team types.
const (
	MaxTitle   = 200
	MaxContext = 5000
	MaxPrompt  = 500
	MaxChoice  = 200
	MaxChoices = 20
	MaxSummary = 20000 // synthesis and response
)

// Check returns the French messages for what is wrong in a consultation's definition, by field:
// "title", "context", "opens_on", "closes_on", "retention", "categories", "synthesis", "response".
func (c Consultation) Check() map[string]string {
	errs := map[string]string{}
	switch {
	case c.Title == "":
		errs["title"] = "Donnez un titre à la consultation."
	case utf8.RuneCountInString(c.Title) > MaxTitle:
		errs["title"] = tooLong(MaxTitle)
	}
	if utf8.RuneCountInString(c.Context) > MaxContext {
		errs["context"] = tooLong(MaxContext)
	}
	if c.OpensOn.IsZero() {
		errs["opens_on"] = "Indiquez la date d'ouverture, par exemple 15/01/2027."
	}
	switch {
	case c.ClosesOn.IsZero():
		errs["closes_on"] = "Indiquez la date de clôture, par exemple 15/03/2027."
	case !c.OpensOn.IsZero() && c.ClosesOn.Before(c.OpensOn):
		errs["closes_on"] = "La clôture doit venir après l'ouverture (" + frenchDate(c.OpensOn) + ")."
	}
	if c.RetentionMonths < 1 || c.RetentionMonths > MaxRetentionMonths {
		errs["retention"] = "Indiquez une durée de conservation entre 1 et " + itoa(MaxRetentionMonths) + " mois."
	}
	for _, k := range c.Categories {
		if !k.Valid() {
			errs["categories"] = "Choisissez les catégories dans la liste."
		}
	}
	if utf8.RuneCountInString(c.Synthesis) > MaxSummary {
		errs["synthesis"] = tooLong(MaxSummary)
	}
	if utf8.RuneCountInString(c.Response) > MaxSummary {
		errs["response"] = tooLong(MaxSummary)
	}
	return errs
}

// CanOpen returns why the consultation cannot be opened yet, or "": it needs a question.
func (c Consultation) CanOpen() string {
	if len(c.Questions) == 0 {
		return "Ajoutez au moins une question avant d'ouvrir la consultation."
	}
	return ""
}

func tooLong(n int) string { return "Ce texte est trop long : " + itoa(n) + " caractères au plus." }
