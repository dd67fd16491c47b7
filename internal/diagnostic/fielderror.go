package diagnostic

import (
	"strings"
	"unicode/utf8"

	"boussole/internal/fielderr"
)

// The diagnostic refuses fields with fielderr.List, the one field-error type of every domain package;
// these helpers add the diagnostic's own messages.

// requireText records a message when s is blank or longer than max characters (runes, not bytes: French has accents).
func requireText(e *fielderr.List, field, s string, max int) {
	if strings.TrimSpace(s) == "" {
		e.Add(field, "Ce champ est obligatoire.")
		return
	}
	limitText(e, field, s, max)
}

// limitText records a message when s is longer than max characters.
func limitText(e *fielderr.List, field, s string, max int) {
	if n := utf8.RuneCountInString(s); n > max {
		e.Addf(field, "Ce texte ne doit pas dépasser %d caractères (il en compte %d).", max, n)
	}
}
