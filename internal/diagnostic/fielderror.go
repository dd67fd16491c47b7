package diagnostic

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// FieldError is a French message attached to one form field, so the web layer can show it next to that field.
type FieldError struct {
	Field   string
	Message string
}

// Errors is the list of problems found in one record; a nil list means the record is valid.
type Errors []FieldError

// Error joins the messages so that Errors can travel as an error value.
func (e Errors) Error() string {
	msgs := make([]string, len(e))
	for i, fe := range e {
		msgs[i] = fe.Field + " : " + fe.Message
	}
	return strings.Join(msgs, " ; ")
}

// For returns the first message recorded for field, or "" when the field is fine.
func (e Errors) For(field string) string {
	for _, fe := range e {
		if fe.Field == field {
			return fe.Message
		}
	}
	return ""
}

// Has reports whether field has at least one message.
func (e Errors) Has(field string) bool { return e.For(field) != "" }

// Err returns nil for an empty list, so callers can write `if err := x.Validate().Err(); err != nil`.
func (e Errors) Err() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

func (e *Errors) add(field, format string, args ...any) {
	*e = append(*e, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// requireText records a message when s is blank or longer than max characters (runes, not bytes: French has accents).
func (e *Errors) requireText(field, s string, max int) {
	if strings.TrimSpace(s) == "" {
		e.add(field, "Ce champ est obligatoire.")
		return
	}
	e.limitText(field, s, max)
}

// limitText records a message when s is longer than max characters.
func (e *Errors) limitText(field, s string, max int) {
	if n := utf8.RuneCountInString(s); n > max {
		e.add(field, "Ce texte ne doit pas dépasser %d caractères (il en compte %d).", max, n)
	}
}
