package iati

import "strings"

// CodeError is a French message about a code that is not in its list, meant for the form field.
type CodeError struct {
	List List
	Code string
}

// Error returns, for example, « Code inconnu dans la liste des secteurs CAD : 99999 ».
func (e *CodeError) Error() string {
	if e.Code == "" {
		return "Choisissez un code dans la liste des " + e.List.Label() + "."
	}
	return "Code inconnu dans la liste des " + e.List.Label() + " : " + e.Code
}

// Validate checks that code is in use in list l and returns it normalised; a withdrawn code is
// refused for new entries, as IATI asks.
func Validate(l List, code string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if c == "" {
		return "", &CodeError{List: l}
	}
	found, ok := Lookup(l, c)
	if !ok || found.Withdrawn {
		if r := []rune(c); len(r) > 12 {
			c = string(r[:12]) + "…"
		}
		return "", &CodeError{List: l, Code: c}
	}
	return c, nil
}
