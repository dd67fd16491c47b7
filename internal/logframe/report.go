package logframe

// Report is the result of the check: the findings, most serious first, and the readiness scores.
type Report struct {
	Findings []Finding
	Steps    []StepScore // one per entry of Steps, in that order
	Overall  int         // 0–100
	Parts    []Part      // what the strategy holds and whether it is written down, for « n éléments sur m »
}

// StepScore is the readiness of one step of the method.
type StepScore struct {
	Step   Step
	Score  int // 0–100
	Counts [3]int
}

// Count returns how many findings have the given severity.
func (r Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// For returns the findings of one step, most serious first.
func (r Report) For(step Step) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Step == step {
			out = append(out, f)
		}
	}
	return out
}

// About returns the findings that point at one element, so a form can show them beside it.
func (r Report) About(target Ref) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Target == target {
			out = append(out, f)
		}
	}
	return out
}

// Complete reports whether nothing blocking and nothing to fix remains; advice may stay.
func (r Report) Complete() bool { return r.Count(Blocking) == 0 && r.Count(ToFix) == 0 }
