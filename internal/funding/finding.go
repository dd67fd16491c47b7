package funding

// Severity ranks a finding, as in internal/logframe: blocking findings make an application ineligible,
// « à corriger » ones should be fixed before applying, advice is a suggestion.
type Severity int

// Severities, most serious first.
const (
	Blocking Severity = iota
	ToFix
	Advice
)

// Label returns the French name of the severity.
func (s Severity) Label() string {
	switch s {
	case Blocking:
		return "bloquant"
	case ToFix:
		return "à corriger"
	}
	return "conseil"
}

// Finding is one problem the check found in a plan: which rule, how serious, the field or line it is
// about (so a form shows it there), a French message, and the source of the rule broken.
type Finding struct {
	Rule      string
	Severity  Severity
	Field     string // the project's field ("budget", "fin"…), or the line's field when Line is set
	Line      int64  // the financing line concerned; 0 for the project as a whole
	Programme string // the programme whose rule it is, "" for the plan's own rules
	Message   string
	Source    string
	ToVerify  bool // the rule itself is still to be verified against its source
}

// Report is the result of checking one project's plan.
type Report struct {
	Findings []Finding
}

// AtLine returns the findings about one financing line.
func (r Report) AtLine(id int64) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Line == id && id != 0 {
			out = append(out, f)
		}
	}
	return out
}

// AtField returns the findings about one field of the project itself.
func (r Report) AtField(field string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Line == 0 && f.Field == field {
			out = append(out, f)
		}
	}
	return out
}

// Count returns how many findings have the severity.
func (r Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Clean reports whether nothing blocking and nothing to fix remains.
func (r Report) Clean() bool { return r.Count(Blocking) == 0 && r.Count(ToFix) == 0 }
