package declaration

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"boussole/internal/funding"
	"boussole/internal/logframe"
	"boussole/internal/monitoring"
	"boussole/internal/partialdate"
	"boussole/internal/strategy"
	"boussole/internal/tabular"
)

// largeStrategy is the reference scale: 12 objectives, 36 results, 200 indicators with a baseline,
// two targets and three yearly measurements, 60 funded projects of four lines each, each serving a result.
func largeStrategy() strategy.Strategy {
	s := sample()
	s.Framework = strategy.Framework{}
	s.Monitoring = strategy.Monitoring{}
	base, target := mustDate("2024"), mustDate("2028")
	for o := 1; o <= 12; o++ {
		s.Framework.Objectives = append(s.Framework.Objectives, logframe.ObjectiveRecord{SpecificObjective: logframe.SpecificObjective{ID: int64(o), Title: fmt.Sprintf("Objectif %d", o)}})
		for r := 1; r <= 3; r++ {
			id := int64(o*10 + r)
			s.Framework.Results = append(s.Framework.Results, logframe.ResultRecord{ExpectedResult: logframe.ExpectedResult{ID: id, ObjectiveID: int64(o), Title: fmt.Sprintf("Résultat %d", id)}})
		}
	}
	for i := 0; i < 200; i++ {
		res := s.Framework.Results[i%len(s.Framework.Results)]
		in := logframe.Indicator{ID: int64(1000 + i), Level: logframe.Ref{Kind: logframe.KindResult, ID: res.ID}, Title: fmt.Sprintf("Indicateur %d", i),
			Measure: logframe.MeasureUnit, Ascending: true, Baseline: &logframe.Baseline{Value: dec("1"), Date: base},
			Targets: []logframe.Target{{Date: mustDate("2026"), Value: dec("5")}, {Date: target, Value: dec("10")}}}
		s.Framework.Indicators = append(s.Framework.Indicators, logframe.IndicatorRecord{Indicator: in})
		for y := 2024; y <= 2026; y++ {
			s.Monitoring.Measurements = append(s.Monitoring.Measurements, monitoring.Measurement{IndicatorID: in.ID,
				PeriodStart: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), PeriodEnd: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), Value: dec(fmt.Sprint(y - 2022))})
		}
	}
	s.Funding.Projects = nil
	for p := 1; p <= 60; p++ {
		res := s.Framework.Results[p%len(s.Framework.Results)]
		s.Funding.Projects = append(s.Funding.Projects, funding.Project{ID: int64(p), Title: fmt.Sprintf("Projet %d", p), Status: funding.StatusRunning,
			Countries: []string{"SN", "BF"}, Links: []funding.Link{{Kind: funding.LinkResult, ID: res.ID}},
			Declaration: funding.Declaration{Kind: funding.KindCooperation, Sector: "14030", Channel: "12002", Markers: map[string]int{"1": 1, "2": 2}, Version: 1},
			Lines: []funding.Line{
				{Source: funding.SourceOwn, AmountCents: 1_000_000, Status: funding.LinePaid, Year: 2025},
				{Source: funding.SourceOwn, AmountCents: 500_000, Status: funding.LineGranted, Year: 2026},
				{Source: funding.SourceProgramme, Programme: "ficol", AmountCents: 2_000_000, Status: funding.LineGranted, Year: 2025},
				{Source: funding.SourcePartner, Label: "Commune", AmountCents: 100_000, Status: funding.LinePaid, Year: 2025},
			}})
	}
	return s
}

func mustDate(v string) partialdate.Date {
	d, err := partialdate.Parse(v)
	if err != nil {
		panic(err)
	}
	return d
}

func BenchmarkIATILarge(b *testing.B) {
	s := largeStrategy()
	now := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteIATI(io.Discard, now, s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEAPDLarge(b *testing.B) {
	s := largeStrategy()
	b.ReportAllocs()
	for b.Loop() {
		e := BuildEAPD(2025, s)
		if err := tabular.WriteXLSX(io.Discard, "e-APD", EAPDHeader(), e.Rows()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestIATILargeValidates: the reference scale stays valid against the schema (60 activities, their results).
func TestIATILargeValidates(t *testing.T) {
	var b bytes.Buffer
	if err := WriteIATI(&b, time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC), largeStrategy()); err != nil {
		t.Fatal(err)
	}
	if err := validate(t, b.Bytes()); err != nil {
		t.Fatalf("schema refuses the large file: %.2000v", err)
	}
}
