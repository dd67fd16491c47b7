package logframe

import "testing"

func TestReadinessScores(t *testing.T) {
	f := func(step Step, sev Severity, rule string) Finding {
		return Finding{Rule: rule, Step: step, Severity: sev}
	}
	tests := []struct {
		name     string
		findings []Finding
		steps    [4]int
		overall  int
	}{
		{"nothing to say", nil, [4]int{100, 100, 100, 100}, 100},
		{"one advice", []Finding{f(StepRisks, Advice, "A")}, [4]int{100, 100, 100, 97}, 99},
		{"one to fix", []Finding{f(StepIndicators, ToFix, "A")}, [4]int{100, 100, 90, 100}, 98},
		{"repeats of one rule are capped", []Finding{f(StepLogframe, ToFix, "A"), f(StepLogframe, ToFix, "A"), f(StepLogframe, ToFix, "A"), f(StepLogframe, ToFix, "A")}, [4]int{100, 80, 100, 100}, 95},
		{"different rules add up", []Finding{f(StepLogframe, ToFix, "A"), f(StepLogframe, ToFix, "B"), f(StepLogframe, ToFix, "C")}, [4]int{100, 70, 100, 100}, 93},
		{"blocking caps the step and the whole", []Finding{f(StepKeyElements, Blocking, "A")}, [4]int{50, 100, 100, 100}, 50},
		{"floor at zero", []Finding{f(StepKeyElements, Blocking, "A"), f(StepKeyElements, Blocking, "B"), f(StepKeyElements, Blocking, "C")}, [4]int{0, 100, 100, 100}, 50},
	}
	for _, tc := range tests {
		r := newReport(tc.findings)
		var got [4]int
		for i, s := range r.Steps {
			got[i] = s.Score
		}
		if got != tc.steps || r.Overall != tc.overall {
			t.Errorf("%s: steps %v overall %d, want %v %d", tc.name, got, r.Overall, tc.steps, tc.overall)
		}
	}
}

func TestReportHelpers(t *testing.T) {
	s := complete()
	s.Activities[3].Owner = ""
	s.Risks[0].Owner = ""
	r := Check(s)
	if r.Complete() {
		t.Error("an activity without owner is to fix: not complete")
	}
	if n := len(r.About(Ref{KindActivity, 34})); n != 1 {
		t.Errorf("About(activity 34) = %d findings", n)
	}
	if n := len(r.For(StepRisks)); n != 1 || r.Count(Advice) != 1 || r.Count(ToFix) != 1 {
		t.Errorf("risks %d, advice %d, to fix %d", n, r.Count(Advice), r.Count(ToFix))
	}
	s = complete()
	s.Risks[0].Owner = ""
	if !Check(s).Complete() {
		t.Error("advice alone must not prevent completeness")
	}
}

func TestCriticality(t *testing.T) {
	tests := []struct {
		l, i, c int
		class   string
	}{
		{1, 1, 1, "faible"}, {1, 3, 3, "faible"}, {2, 2, 4, "modérée"}, {2, 3, 6, "modérée"},
		{2, 4, 8, "élevée"}, {3, 3, 9, "élevée"}, {3, 4, 12, "critique"}, {4, 4, 16, "critique"}, {0, 4, 0, "non évaluée"},
	}
	for _, tc := range tests {
		r := Risk{Likelihood: tc.l, Impact: tc.i}
		if r.Criticality() != tc.c || r.Class() != tc.class {
			t.Errorf("%d×%d: %d %q, want %d %q", tc.l, tc.i, r.Criticality(), r.Class(), tc.c, tc.class)
		}
	}
}
