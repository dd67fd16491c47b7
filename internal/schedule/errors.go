package schedule

import "strings"

// Problem is one invalid piece of a plan, with a French message for the form.
type Problem struct {
	ActivityID string // the activity the message belongs next to
	Message    string
}

// ValidationError lists every problem found in a plan; nothing is computed when it is returned.
type ValidationError struct {
	Problems []Problem
}

// Error joins the French messages.
func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Message
	}
	return strings.Join(msgs, " ")
}

// CycleError reports dependencies that loop; IDs lists the cycle in dependency order and repeats its first
// member at the end (A, B, C, A), Names the same with the activities' names.
type CycleError struct {
	IDs      []string
	Names    []string
	proposed bool // the cycle would be closed by a dependency being added, not one already stored
}

// Error returns « Cette dépendance crée un cycle : A → B → C → A ».
func (e *CycleError) Error() string {
	lead := "Ces dépendances forment un cycle : "
	if e.proposed {
		lead = "Cette dépendance crée un cycle : "
	}
	return lead + strings.Join(e.Names, " → ")
}
