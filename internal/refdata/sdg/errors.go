package sdg

import "fmt"

// CodeError is a French message about a target or local target code, meant for the form field.
type CodeError struct{ Message string }

// Error returns the French message.
func (e *CodeError) Error() string { return e.Message }

func codeErrorf(format string, args ...any) error {
	return &CodeError{Message: fmt.Sprintf(format, args...)}
}
