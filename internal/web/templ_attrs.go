package web

import "github.com/a-h/templ"

// invalidAttrs marks a templ field refused with msg, pointing at its message, the way the form partials do.
func invalidAttrs(msg, errorID string) templ.Attributes {
	if msg == "" {
		return nil
	}
	return templ.Attributes{"aria-invalid": "true", "aria-describedby": errorID}
}
