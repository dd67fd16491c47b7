package funding

import (
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"boussole/internal/fielderr"
)

// Call is one call for applications of a programme: when it opens, the deadline, when it decides. The
// platform administrator enters the calls every authority sees (AuthorityID 0); an authority adds those it
// learns of, which only it sees.
type Call struct {
	ID          int64
	AuthorityID int64 // 0: entered by the platform, seen by every authority
	Programme   string
	Title       string    // « Appel à projets 2027 »
	Opens       time.Time // zero when not announced
	Deadline    time.Time
	Decision    time.Time // zero when not announced
	URL         string
	Notes       string
	Version     int64
}

// Field names of a call, as the form and the check share them.
const (
	FieldCallProgramme = "programme"
	FieldCallTitle     = "titre"
	FieldCallOpens     = "ouverture"
	FieldCallDeadline  = "date_limite"
	FieldCallDecision  = "decision"
	FieldCallURL       = "lien"
	FieldCallNotes     = "notes"
)

// ValidateCall checks a call against the catalogue: a known programme, a deadline, dates in order.
func ValidateCall(c Call, cat *Catalogue) fielderr.List {
	var errs fielderr.List
	if _, ok := cat.Programme(c.Programme); !ok {
		errs.Add(FieldCallProgramme, "Choisissez le programme dans la liste.")
	}
	switch n := utf8.RuneCountInString(strings.TrimSpace(c.Title)); {
	case n == 0:
		errs.Add(FieldCallTitle, "Donnez un intitulé à l'appel, par exemple « Appel à projets 2027 ».")
	case n > 200:
		errs.Add(FieldCallTitle, "L'intitulé est trop long : 200 caractères au plus.")
	}
	if c.Deadline.IsZero() {
		errs.Add(FieldCallDeadline, "Indiquez la date limite de dépôt, par exemple 15/03/2027.")
	}
	if !c.Opens.IsZero() && !c.Deadline.IsZero() && c.Opens.After(c.Deadline) {
		errs.Add(FieldCallOpens, "L'ouverture doit venir avant la date limite.")
	}
	if !c.Decision.IsZero() && !c.Deadline.IsZero() && c.Decision.Before(c.Deadline) {
		errs.Add(FieldCallDecision, "La décision vient après la date limite.")
	}
	if c.URL != "" {
		if u, err := url.Parse(c.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(c.URL) > 500 {
			errs.Add(FieldCallURL, "Donnez l'adresse complète de la page de l'appel, commençant par https://.")
		}
	}
	if utf8.RuneCountInString(c.Notes) > 2000 {
		errs.Add(FieldCallNotes, "Les notes sont trop longues : 2 000 caractères au plus.")
	}
	return errs
}

// LeadRule is how early a file must be started, as the pages spell it out.
const LeadRule = "Un dossier se prépare à côté des autres missions : Boussole compte deux mois de calendrier par " +
	"mois-personne d'effort (l'estimation de la ligne du plan de financement, sinon celle du catalogue), un mois au moins. " +
	"Sans effort connu, la date n'est pas calculée."

// StartBy is the day a file of effortTenths tenths of a person-month should be started to meet the call's
// deadline.
func StartBy(c Call, effortTenths int64) time.Time {
	months := max(1, (2*effortTenths+9)/10) // rounded up: a started month is a month
	return c.Deadline.AddDate(0, -int(months), 0)
}

// Upcoming keeps the calls whose deadline is today or later, soonest first.
func Upcoming(calls []Call, today time.Time) []Call {
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	var out []Call
	for _, c := range calls {
		if !c.Deadline.Before(day) {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Deadline.Before(out[j].Deadline) })
	return out
}
