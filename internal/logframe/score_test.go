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
		r := newReport(tc.findings, nil)
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

func TestEmptyStrategyIsNotHalfReady(t *testing.T) {
	empty := Check(Strategy{})
	if empty.Overall != 0 {
		t.Errorf("an empty strategy is ready at %d %%, want 0", empty.Overall)
	}
	if empty.FilledCount() != 0 || empty.FilledText() != "0 élément sur 16 renseigné" {
		t.Errorf("empty strategy: %q", empty.FilledText())
	}
	if got := empty.MissingText(2); got != " ; restent à écrire : la mandature (début et fin), la vision et 14 autres" {
		t.Errorf("missing text %q", got)
	}
	if got := Check(complete()).MissingText(2); got != "" {
		t.Errorf("complete strategy: missing %q", got)
	}
	if len(empty.Missing()) != len(empty.Parts) {
		t.Errorf("missing %d of %d", len(empty.Missing()), len(empty.Parts))
	}
	// A term and a vision make a beginning, not half a strategy: the steps with nothing written stay at 0.
	s := Strategy{Key: KeyElements{Vision: "Un territoire ouvert sur le monde."}}
	s.Term.Start, s.Term.End = day(2026, 1, 1), day(2032, 12, 31)
	begun := Check(s)
	if begun.FilledText() != "2 éléments sur 16 renseignés" {
		t.Errorf("begun: %q", begun.FilledText())
	}
	for _, sc := range begun.Steps {
		if sc.Step != StepKeyElements && sc.Score != 0 {
			t.Errorf("step %s with nothing written scores %d", sc.Step, sc.Score)
		}
	}
	if begun.Overall >= 25 {
		t.Errorf("a term and a vision score %d %% overall", begun.Overall)
	}
	full := Check(complete())
	if full.FilledCount() != len(full.Parts) {
		t.Errorf("the complete fixture misses %v", full.Missing())
	}
}
