package schedule

import "strings"

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
