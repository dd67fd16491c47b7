package funding

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// FieldError is a French message attached to one field of a form, as in internal/diagnostic.
type FieldError struct {
	Field   string
	Message string
}

// Errors is the list of problems found in one record; nil means the record is valid.
type Errors []FieldError

// Error joins the messages so that Errors can travel as an error value.
func (e Errors) Error() string {
	msgs := make([]string, len(e))
	for i, fe := range e {
		msgs[i] = fe.Field + " : " + fe.Message
	}
	return strings.Join(msgs, " ; ")
}

// For returns the first message for field, or "".
func (e Errors) For(field string) string {
	for _, fe := range e {
		if fe.Field == field {
			return fe.Message
		}
	}
	return ""
}

func (e *Errors) add(field, format string, args ...any) {
	*e = append(*e, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (e *Errors) requireText(field, s string, max int) {
	if strings.TrimSpace(s) == "" {
		e.add(field, "Ce champ est obligatoire.")
		return
	}
	e.limitText(field, s, max)
}

func (e *Errors) limitText(field, s string, max int) {
	if n := utf8.RuneCountInString(s); n > max {
		e.add(field, "Ce texte ne doit pas dépasser %d caractères (il en compte %d).", max, n)
	}
}
