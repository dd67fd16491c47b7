package stakeholder

import (
	"boussole/internal/fielderr"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text length limits, in characters; generous for real use, short enough to keep pages and exports sane.
const (
	MaxNameLen    = 200
	MaxShortLen   = 200 // contact, territory
	MaxThemeLen   = 100
	MaxThemes     = 20
	MaxCommentLen = 2000
)

// Validate checks every field and returns all problems at once, or nil.
func (s Stakeholder) Validate() error {
	var errs fielderr.List
	add := func(field, format string, args ...any) {
		errs.Addf(field, format, args...)
	}
	name := strings.TrimSpace(s.Name)
	switch {
	case name == "":
		add("name", "Le nom est obligatoire.")
	case utf8.RuneCountInString(name) > MaxNameLen:
		add("name", "Le nom dépasse %d caractères.", MaxNameLen)
	}
	if !s.Kind.Valid() {
		add("kind", "Le type d'acteur « %s » n'existe pas.", s.Kind)
	}
	checkLen(&errs, "contact", "La personne de contact", s.Contact, MaxShortLen)
	checkLen(&errs, "territory", "Le territoire ou pays", s.Territory, MaxShortLen)
	if len(s.Themes) > MaxThemes {
		add("themes", "Pas plus de %d thèmes par acteur.", MaxThemes)
	}
	for _, t := range s.Themes {
		if utf8.RuneCountInString(t) > MaxThemeLen {
			add("themes", "Le thème « %s… » dépasse %d caractères.", truncate(t, 20), MaxThemeLen)
			break
		}
	}
	var all []criterion
	all = append(all, s.Power.criteria()...)
	all = append(all, s.Legitimacy.criteria()...)
	all = append(all, s.Interest.criteria()...)
	for _, c := range all {
		if c.score.Value < 0 || c.score.Value > MaxScore {
			add(c.field, "Note du critère « %s » hors de l'échelle : %d (attendu entre 0 et %d).", c.label, c.score.Value, MaxScore)
		}
		checkLen(&errs, c.field+".comment", "Le commentaire du critère « "+c.label+" »", c.score.Comment, MaxCommentLen)
	}
	for _, it := range s.Context.items() {
		checkLen(&errs, it.field+".comment", "Le commentaire « "+it.label+" »", it.flag.Comment, MaxCommentLen)
	}
	validateEngagement(&errs, s.Engagement)
	if errs == nil {
		return nil
	}
	return errs
}

func validateEngagement(errs *fielderr.List, e Engagement) {
	if e.Level != "" && !e.Level.Valid() {
		errs.Addf("engagement.level", "Le niveau d'engagement « %s » n'existe pas.", e.Level)
	}
	for _, st := range e.Steps {
		if !st.Valid() {
			errs.Addf("engagement.steps", "L'étape « %s » n'existe pas.", st)
		}
	}
	checkLen(errs, "engagement.promise", "L'engagement de la collectivité", e.Promise, MaxCommentLen)
	checkLen(errs, "engagement.ask", "Ce qui est demandé à la partie prenante", e.Ask, MaxCommentLen)
}

// checkLen adds a message when text is longer than limit characters; what names the field in French.
func checkLen(errs *fielderr.List, field, what, text string, limit int) {
	if utf8.RuneCountInString(text) > limit {
		errs.Addf(field, "%s dépasse %d caractères.", what, limit)
	}
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// problem builds a fielderr.Error from a French format.
func problem(field, format string, args ...any) error {
	return fielderr.Error{Field: field, Message: fmt.Sprintf(format, args...)}
}
