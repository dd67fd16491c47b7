package consortium

import (
	"strings"
	"unicode/utf8"

	"boussole/internal/fielderr"
)

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
func CheckProposal(c Consortium, invited []int64) fielderr.List {
	var errs fielderr.List
	switch title := strings.TrimSpace(c.Title); {
	case title == "":
		errs.Add("title", "Donnez un titre au projet commun.")
	case utf8.RuneCountInString(title) > maxTitle:
		errs.Add("title", "Le titre ne doit pas dépasser 200 caractères.")
	}
	if utf8.RuneCountInString(c.Description) > maxDescription {
		errs.Add("description", "La description ne doit pas dépasser 4 000 caractères : joignez un document pour le détail.")
	}
	if utf8.RuneCountInString(c.Theme) > maxTheme {
		errs.Add("theme", "Le thème ne doit pas dépasser 100 caractères.")
	}
	switch {
	case len(invited) == 0:
		errs.Add("invite", "Invitez au moins une collectivité : un projet commun se porte à plusieurs.")
	case len(invited) > maxInvited:
		errs.Add("invite", "Invitez au plus 30 collectivités à la fois.")
	}
	for _, id := range invited {
		if id == c.LeadID {
			errs.Add("invite", "Votre collectivité porte déjà le projet : invitez-en d'autres.")
		}
	}
	return errs
}

// CheckEvent checks a date of the shared calendar.
func CheckEvent(e Event) fielderr.List {
	var errs fielderr.List
	switch title := strings.TrimSpace(e.Title); {
	case title == "":
		errs.Add("event_title", "Dites ce qui a lieu à cette date.")
	case utf8.RuneCountInString(title) > maxEventTitle:
		errs.Add("event_title", "L'intitulé ne doit pas dépasser 200 caractères.")
	}
	if e.On.IsZero() {
		errs.Add("event_on", "Indiquez la date, au moins l'année.")
	}
	return errs
}

// CheckShare checks a member's share of the financing plan.
func CheckShare(cents *int64, note string) fielderr.List {
	var errs fielderr.List
	if cents != nil && *cents < 0 {
		errs.Add("share", "Une part du financement ne peut pas être négative.")
	}
	if utf8.RuneCountInString(note) > maxShareNote {
		errs.Add("share_note", "La précision ne doit pas dépasser 300 caractères.")
	}
	return errs
}
