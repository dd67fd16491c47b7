// Package steering holds the meetings through which the guide asks a strategy to be co-built and
// steered (« L'engagement des parties prenantes »): steering committees, working groups, consultation
// workshops and thematic cafés, with who was invited, who came, the minutes and the decisions taken. It
// knows neither HTTP nor SQL.
package steering

import (
	"strings"
	"time"
	"unicode/utf8"

	"boussole/internal/frfmt"
)

// Kind is the kind of meeting.
type Kind string

// The kinds of meeting the guide names.
const (
	Committee Kind = "comite-pilotage"
	Working   Kind = "groupe-travail"
	Workshop  Kind = "atelier"
	Cafe      Kind = "cafe-thematique"
)

// Kinds lists the kinds in the order forms show them.
var Kinds = []Kind{Committee, Working, Workshop, Cafe}

// Label returns the kind in French.
func (k Kind) Label() string {
	switch k {
	case Committee:
		return "Comité de pilotage"
	case Working:
		return "Groupe de travail"
	case Workshop:
		return "Atelier de concertation"
	case Cafe:
		return "Café thématique"
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

// Meeting is one meeting of the authority.
type Meeting struct {
	ID          int64
	AuthorityID int64
	Kind        Kind
	Title       string
	Date        time.Time // the day (UTC midnight)
	Place       string    // a room, an address; empty when online only
	Online      bool
	Agenda      string
	Minutes     string  // compte rendu
	Decisions   string  // one decision a line, with who carries it
	Invited     []int64 // stakeholders of the actors map
	Attended    []int64
	Version     int64
}

// Limits on what the team types.
const (
	MaxTitle = 200
	MaxPlace = 300
	MaxText  = 20000
)

// Check returns the French messages for what is wrong in a meeting, by field.
func (m Meeting) Check() map[string]string {
	errs := map[string]string{}
	if !m.Kind.Valid() {
		errs["kind"] = "Choisissez le type de réunion dans la liste."
	}
	switch {
	case strings.TrimSpace(m.Title) == "":
		errs["title"] = "Donnez un intitulé à la réunion."
	case utf8.RuneCountInString(m.Title) > MaxTitle:
		errs["title"] = "Ce texte est trop long : 200 caractères au plus."
	}
	if m.Date.IsZero() {
		errs["date"] = "Indiquez la date de la réunion, par exemple 24/06/2027."
	}
	if utf8.RuneCountInString(m.Place) > MaxPlace {
		errs["place"] = "Ce texte est trop long : 300 caractères au plus."
	}
	for field, v := range map[string]string{"agenda": m.Agenda, "minutes": m.Minutes, "decisions": m.Decisions} {
		if utf8.RuneCountInString(v) > MaxText {
			errs[field] = "Ce texte est trop long : 20 000 caractères au plus."
		}
	}
	return errs
}

// DecisionList returns the decisions, one a line.
func (m Meeting) DecisionList() []string {
	var out []string
	for _, line := range strings.Split(m.Decisions, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// Where says where the meeting is held, as a sentence part: « salle du conseil, et en ligne ».
func (m Meeting) Where() string {
	switch {
	case m.Place != "" && m.Online:
		return m.Place + ", et en ligne"
	case m.Online:
		return "en ligne"
	case m.Place != "":
		return m.Place
	}
	return "lieu non renseigné"
}

// Past reports whether the meeting's day is before the day of now.
func (m Meeting) Past(now time.Time) bool {
	d := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return m.Date.Before(d)
}

// Attendance returns how many of those invited came, and how many were invited.
func (m Meeting) Attendance() (came, invited int) {
	inv := map[int64]bool{}
	for _, id := range m.Invited {
		inv[id] = true
	}
	for _, id := range m.Attended {
		if inv[id] {
			came++
		}
	}
	return came, len(m.Invited)
}

// Summary is a one-line description of the meeting for lists.
func (m Meeting) Summary() string {
	return m.Kind.Label() + " du " + frfmt.Date(m.Date) + " (" + m.Where() + ")"
}
