// Package fielderr is the one shape of a refusal at a form field, shared by every domain package
// (diagnostic, stakeholder, logframe, schedule): a field path and a French message, and the list a
// validation returns. The web layer puts each message beside its field; nothing here knows HTTP.
package fielderr

import (
	"fmt"
	"strings"
)

// Error is a French message about one field. Field is a stable path: a form field ("titre"), a nested one
// ("power.coercive"), a line of a list ("themes.2") or, for a plan, an activity's ID.
type Error struct {
	Field   string
	Message string
}

// Error returns the French message, so that a single refusal can travel as an error.
func (e Error) Error() string { return e.Message }

// List is everything wrong with one record; a nil List means it is valid.
type List []Error

// Add records a message for field.
func (l *List) Add(field, message string) { *l = append(*l, Error{field, message}) }

// Addf records a message for field from a French format.
func (l *List) Addf(field, format string, args ...any) { l.Add(field, fmt.Sprintf(format, args...)) }

// For returns the first message recorded for field, or "" when the field is fine.
func (l List) For(field string) string {
	for _, e := range l {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Has reports whether field has at least one message.
func (l List) Has(field string) bool { return l.For(field) != "" }

// Err returns nil for an empty list and the list otherwise, so that callers can write
// `if err := x.Validate().Err(); err != nil`.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the French messages with spaces, as one paragraph for the top of a form.
func (l List) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Message
	}
	return strings.Join(msgs, " ")
}
