package web

import "github.com/a-h/templ"

// invalidAttrs marks a templ field refused with msg, pointing at its message, the way inputField does.
func invalidAttrs(msg, errorID string) templ.Attributes {
	if msg == "" {
		return nil
	}
	return templ.Attributes{"aria-invalid": "true", "aria-describedby": errorID}
}

// pluralWord picks the singular or the plural form of a word for n.
func pluralWord(n int, one, many string) string {
	if n > 1 {
		return many
	}
	return one
}
