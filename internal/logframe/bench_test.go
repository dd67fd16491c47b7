package logframe

import (
	"fmt"
	"testing"

	"boussole/internal/number"
)

// large builds the benchmark strategy: 12 objectives, 40 results, 300 activities, 200 indicators,
// with gaps sprinkled in so that the check has findings to write.
func large() Strategy {
	s := complete()
	s.Objectives, s.Results, s.Activities, s.Indicators = nil, nil, nil, nil
	for o := range 12 {
		s.Objectives = append(s.Objectives, SpecificObjective{ID: int64(100 + o), Position: o,
			Title: fmt.Sprintf("Objectif %d : renforcer la coopération avec les partenaires", o)})
	}
	for r := range 40 {
		s.Results = append(s.Results, ExpectedResult{ID: int64(1000 + r), ObjectiveID: int64(100 + r%12), Position: r,
			Title: fmt.Sprintf("Résultat %d", r)})
	}
	for a := range 300 {
		owner := "Service RI"
		if a%7 == 0 {
			owner = ""
		}
		s.Activities = append(s.Activities, Activity{ID: int64(10000 + a), ResultID: int64(1000 + a%40), Position: a,
			Title: fmt.Sprintf("Activité %d", a), Owner: owner, Resources: "ETP", CostCents: new(int64(a) * 100)})
	}
	for i := range 200 {
		level := Ref{KindResult, int64(1000 + i%40)}
		if i%5 == 0 {
			level = Ref{KindSpecificObjective, int64(100 + i%12)}
		}
		in := Indicator{ID: int64(100000 + i), Level: level, Position: i, Title: fmt.Sprintf("Indicateur %d", i),
			Measure: MeasureUnit, Unit: "personnes", Ascending: true, Periodicity: "annuelle",
			Baseline: &Baseline{Value: num("10"), Date: pday(2026, 6, 1)},
			Targets:  []Target{{Date: pday(2029, 1, 1), Value: num("20")}, {Date: pday(2031, 1, 1), Value: new(number.Int(int64(30 - i%3*10)))}},
			Sources:  []string{"Rapport"}, Owner: "Service RI"}
		if i%11 == 0 {
			in.Sources = nil
		}
		s.Indicators = append(s.Indicators, in)
	}
	return s
}

func TestLargeStrategyHasFindings(t *testing.T) {
	s := large()
	if len(s.Objectives) != 12 || len(s.Results) != 40 || len(s.Activities) != 300 || len(s.Indicators) != 200 {
		t.Fatalf("sizes %d/%d/%d/%d", len(s.Objectives), len(s.Results), len(s.Activities), len(s.Indicators))
	}
	r := Check(s)
	for _, rule := range []string{"LF-ACT-OWNER", "IND-SOURCE", "IND-DIRECTION", "IND-TOO-MANY"} {
		found := false
		for _, f := range r.Findings {
			found = found || f.Rule == rule
		}
		if !found {
			t.Errorf("no %s finding on the large strategy", rule)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	s := large()
	b.ReportAllocs()
	for b.Loop() {
		Check(s)
	}
}
