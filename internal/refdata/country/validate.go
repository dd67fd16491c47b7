package country

import (
	"strings"
	"unicode/utf8"
)

// UnknownCodeError reports a code that is not in the ISO list; its message is shown at the form field.
type UnknownCodeError struct{ Code string }

// Error returns the French message « Code pays inconnu : XX ».
func (e *UnknownCodeError) Error() string { return "Code pays inconnu : " + e.Code }

// MissingCodeError reports an empty country field.
type MissingCodeError struct{}

// Error returns the French message for an empty field.
func (MissingCodeError) Error() string { return "Choisissez un pays." }

// Validate checks an alpha-2 code and returns it normalised (upper case, trimmed).
func Validate(code string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if c == "" {
		return "", MissingCodeError{}
	}
	if _, ok := load().byCode[c]; !ok {
		return "", &UnknownCodeError{Code: shorten(c, 12)}
	}
	return c, nil
}

// shorten keeps an error message readable when the field held a long paste.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
