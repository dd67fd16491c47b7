package monitoring

import (
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/number"
)

// benchStrategy is the benchmark: 200 monthly indicators with 72 actuals each (a six-year term),
// under 12 objectives, 36 results and 300 activities.
func benchStrategy() (logframe.Strategy, map[int64][]Measurement, Term) {
	term := Term{2026, 2031}
	var s logframe.Strategy
	for o := range 12 {
		s.Objectives = append(s.Objectives, logframe.SpecificObjective{ID: int64(o + 1)})
		for r := range 3 {
			s.Results = append(s.Results, logframe.ExpectedResult{ID: int64(100 + o*3 + r), ObjectiveID: int64(o + 1)})
		}
	}
	for a := range 300 {
		s.Activities = append(s.Activities, logframe.Activity{ID: int64(1000 + a), ResultID: s.Results[a%len(s.Results)].ID})
	}
	ms := map[int64][]Measurement{}
	for i := range 200 {
		in := indicator("100", "300", "1000", i%3 != 0)
		if i%3 == 0 {
			in = indicator("1000", "700", "100", false)
		}
		in.ID, in.Periodicity = int64(i+1), "mensuelle"
		in.Level = logframe.Ref{Kind: logframe.KindResult, ID: s.Results[i%len(s.Results)].ID}
		s.Indicators = append(s.Indicators, in)
		for k, p := range Periods(in.Periodicity, term) {
			v := number.Int(int64(100 + k*10))
			ms[in.ID] = append(ms[in.ID], Measurement{IndicatorID: in.ID, Period: p.Key, MeasuredOn: p.End, Value: &v})
		}
	}
	return s, ms, term
}

// BenchmarkAssessAndRollUp assesses the 200 indicators from their 14 400 actuals and rolls the progress up to
// results, objectives and the strategy: what the dashboard computes per request.
func BenchmarkAssessAndRollUp(b *testing.B) {
	s, ms, term := benchStrategy()
	today := time.Date(2029, 3, 15, 0, 0, 0, 0, time.UTC)
	completion := map[int64]float64{}
	for _, a := range s.Activities {
		completion[a.ID] = 0.5
	}
	b.ReportAllocs()
	for b.Loop() {
		progress := map[int64]float64{}
		as := make([]Assessment, len(s.Indicators))
		periods := map[string][]Period{}
		for i, in := range s.Indicators {
			ps, ok := periods[in.Periodicity]
			if !ok {
				ps = Periods(in.Periodicity, term)
				periods[in.Periodicity] = ps
			}
			as[i] = AssessIn(in, ps, term, ms[in.ID], today)
			if as[i].Progress != nil {
				progress[in.ID] = *as[i].Progress
			}
		}
		_ = RollUp(s, progress, nil, completion)
		_ = FreshnessOf(as)
	}
}
