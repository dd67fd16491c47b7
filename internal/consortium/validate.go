package consortium

import (
	"strings"
	"unicode/utf8"
)

// Errors maps a form field to the French message that refuses it.
type Errors map[string]string

// Limits of a proposal, in characters; a consortium has at most maxInvited invited authorities.
const (
	maxTitle       = 200
	maxDescription = 4000
	maxTheme       = 100
	maxInvited     = 30
	maxEventTitle  = 200
	maxShareNote   = 300
)

// CheckProposal checks a proposal before it is written. invited are the authorities asked to join.
func CheckProposal(c Consortium, invited []int64) Errors {
	errs := Errors{}
	switch title := strings.TrimSpace(c.Title); {
	case title == "":
		errs["title"] = "Donnez un titre au projet commun."
	case utf8.RuneCountInString(title) > maxTitle:
		errs["title"] = "Le titre ne doit pas dépasser 200 caractères."
	}
	if utf8.RuneCountInString(c.Description) > maxDescription {
		errs["description"] = "La description ne doit pas dépasser 4 000 caractères : joignez un document pour le détail."
	}
	if utf8.RuneCountInString(c.Theme) > maxTheme {
		errs["theme"] = "Le thème ne doit pas dépasser 100 caractères."
	}
	switch {
	case len(invited) == 0:
		errs["invite"] = "Invitez au moins une collectivité : un projet commun se porte à plusieurs."
	case len(invited) > maxInvited:
		errs["invite"] = "Invitez au plus 30 collectivités à la fois."
	}
	for _, id := range invited {
		if id == c.LeadID {
			errs["invite"] = "Votre collectivité porte déjà le projet : invitez-en d'autres."
		}
	}
	return errs
}

// CheckEvent checks a date of the shared calendar.
func CheckEvent(e Event) Errors {
	errs := Errors{}
	switch title := strings.TrimSpace(e.Title); {
	case title == "":
		errs["event_title"] = "Dites ce qui a lieu à cette date."
	case utf8.RuneCountInString(title) > maxEventTitle:
		errs["event_title"] = "L'intitulé ne doit pas dépasser 200 caractères."
	}
	if e.On.IsZero() {
		errs["event_on"] = "Indiquez la date, au moins l'année."
	}
	return errs
}

// CheckShare checks a member's share of the financing plan.
func CheckShare(cents *int64, note string) Errors {
	errs := Errors{}
	if cents != nil && *cents < 0 {
		errs["share"] = "Une part du financement ne peut pas être négative."
	}
	if utf8.RuneCountInString(note) > maxShareNote {
		errs["share_note"] = "La précision ne doit pas dépasser 300 caractères."
	}
	return errs
}
