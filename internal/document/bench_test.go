package document

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/schedule"
	"boussole/internal/stakeholder"
)

// largeSource is the reference large strategy: 12 objectives, 300 activities, 200 indicators, 60
// projects (here 60 partnerships, the register the document reviews), and 80 stakeholders.
func largeSource() Source {
	src := sampleSource()
	fw := &src.Framework
	fw.Objectives, fw.Results, fw.Activities, fw.Indicators = nil, nil, nil, nil
	for o := range 12 {
		fw.Objectives = append(fw.Objectives, logframe.SpecificObjective{ID: int64(100 + o), Position: o,
			Title: fmt.Sprintf("Objectif %d : renforcer la coopération avec les partenaires du territoire", o), Specific: "Les jeunes de 16 à 25 ans",
			Measure: "Nombre de départs", TargetDate: partialdate.OfYear(2032)})
	}
	for r := range 40 {
		fw.Results = append(fw.Results, logframe.ExpectedResult{ID: int64(1000 + r), ObjectiveID: int64(100 + r%12), Position: r,
			Title: fmt.Sprintf("Résultat %d : un dispositif d'accompagnement fonctionne", r)})
	}
	for a := range 300 {
		cost := int64(a) * 10_000
		fw.Activities = append(fw.Activities, logframe.Activity{ID: int64(10000 + a), ResultID: int64(1000 + a%40), Position: a,
			Title: fmt.Sprintf("Activité %d : organiser une mission d'échange technique", a), Owner: "Direction des relations internationales",
			Resources: "0,5 ETP", CostCents: &cost, Start: partialdate.OfMonth(2027, time.Month(1+a%12)), End: partialdate.OfYear(2028 + a%4)})
	}
	for i := range 200 {
		level := logframe.Ref{Kind: logframe.KindResult, ID: int64(1000 + i%40)}
		if i%5 == 0 {
			level = logframe.Ref{Kind: logframe.KindSpecificObjective, ID: int64(100 + i%12)}
		}
		v, t := number.Int(10), number.Int(int64(20+i))
		fw.Indicators = append(fw.Indicators, logframe.Indicator{ID: int64(100000 + i), Level: level, Position: i, Title: fmt.Sprintf("Indicateur %d : jeunes accompagnés", i),
			Measure: logframe.MeasureUnit, Unit: "personnes", Ascending: true, Periodicity: "annuelle",
			Baseline: &logframe.Baseline{Value: &v, Date: partialdate.OfYear(2026)}, Targets: []logframe.Target{{Date: partialdate.OfYear(2032), Value: &t}},
			Sources: []string{"Rapport annuel"}, Owner: "Service RI"})
	}
	for p := range 60 {
		src.Partnerships = append(src.Partnerships, diagnostic.Partnership{ID: fmt.Sprint(p), Partner: fmt.Sprintf("Collectivité partenaire %d", p),
			Countries: []string{[]string{"SN", "MA", "VN", "DE", "IT", "BF"}[p%6]}, Kind: diagnostic.KindDecentralised, Status: diagnostic.StatusActive,
			Review: diagnostic.Review{Results: "Des échanges réguliers, deux projets menés", Decision: diagnostic.DecisionContinue}})
	}
	for s := range 80 {
		src.Stakeholders = append(src.Stakeholders, stakeholder.Stakeholder{ID: int64(s + 10), Name: fmt.Sprintf("Acteur %d", s), Kind: stakeholder.KindAssociation})
	}
	for m := range 20 {
		src.Milestones = append(src.Milestones, schedule.MilestoneRecord{ID: int64(m + 10), Kind: schedule.MilestoneSteering, Title: "Comité de pilotage", Date: partialdate.OfYear(2027 + m%6)})
	}
	return src
}

func BenchmarkStrategyODT(b *testing.B) {
	src := largeSource()
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteODT(io.Discard, Strategy(src, Choice{}), "x", src.Generated); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStrategyPDF(b *testing.B) {
	src := largeSource()
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePDF(io.Discard, Strategy(src, Choice{}), "x", src.Generated); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWriteLargeDocument writes the large strategy's ODT where BOUSSOLE_BENCH_ODT names, so that
// LibreOffice's own conversion of the same file can be timed beside the benchmarks (docs/benchmarks.md).
func TestWriteLargeDocument(t *testing.T) {
	path := os.Getenv("BOUSSOLE_BENCH_ODT")
	if path == "" {
		t.Skip("BOUSSOLE_BENCH_ODT non défini")
	}
	src := largeSource()
	var buf bytes.Buffer
	if err := WriteODT(&buf, Strategy(src, Choice{}), "x", src.Generated); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}
