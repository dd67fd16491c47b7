package store_test

import (
	"strings"
	"testing"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

// TestPrepareNextStrategyCarriesTheFrameworkAndLeavesThePreviousOne prepares the next strategy from one
// with an objective, a result, two activities, a measured indicator with its target, an ODD tag and a
// priority: the copy has them, the indicator's new baseline is its last value, without the old target;
// the notes land on the copies; the previous strategy reads as before; a second preparation is refused.
func TestPrepareNextStrategyCarriesTheFrameworkAndLeavesThePreviousOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMonitoringFixture(t, s, "Ville A", "a@a.fr")
		a, old := f.authority.ID, f.strategy.ID
		in := f.indicator
		in.Baseline = &logframe.Baseline{Value: new(number.Int(100)), Date: partialdate.OfYear(2025)}
		in.Targets = []logframe.Target{{Date: partialdate.OfYear(2032), Value: new(number.Int(600))}}
		if err := s.SaveIndicator(ctx, store.Actor{}, &in); err != nil {
			t.Fatal(err)
		}
		m := yearMeasurement(f, 2027, 340)
		if err := s.SaveMeasurement(ctx, store.Actor{}, &m, false); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSDGTags(ctx, store.Actor{}, a, old, in.Level, []string{"4.3"}); err != nil {
			t.Fatal(err)
		}
		geo := logframe.GeoPriorityRecord{AuthorityID: a, StrategyID: old, Kind: logframe.GeoCountry, GeoPriority: logframe.GeoPriority{CountryCode: "SN", Name: "Sénégal",
			ActivityIDs: []int64{f.acts[0].ID}}}
		if err := s.SaveGeoPriority(ctx, store.Actor{}, &geo); err != nil {
			t.Fatal(err)
		}
		before, err := s.ReadStrategy(ctx, a, old, strategy.Whole)
		if err != nil {
			t.Fatal(err)
		}
		as := []monitoring.Assessment{monitoring.Assess(in.Indicator, monitoring.Term{Start: 2026, End: 2032}, before.Monitoring.Measurements, pday(2028, 6, 1))}
		plan := monitoring.PlanRevision(monitoring.RevisionInput{PreviousTitle: f.strategy.Title, Assessments: as, Activities: before.Framework.Activities,
			Geo: before.Framework.Geo, Lessons: []monitoring.LoggedLesson{{Title: "Partir tôt", Text: "Les visas prennent trois mois.", Country: "SN"}}})
		next := model.Strategy{Title: "Stratégie 2033–2039", TermStart: 2033, TermEnd: 2039}
		report := monitoring.RevisionReport{PreviousTitle: f.strategy.Title, Carried: []string{"1 objectif"}, NotCarried: []string{"1 mesure"}}
		if err := s.PrepareNextStrategy(ctx, store.Actor{Label: "Karim"}, a, old, &next, plan, report); err != nil {
			t.Fatal(err)
		}
		got, err := s.ReadStrategy(ctx, a, next.ID, strategy.Whole)
		if err != nil {
			t.Fatal(err)
		}
		fw := got.Framework
		if got.Record.Status != model.StrategyDraft || len(fw.Objectives) != 1 || len(fw.Results) != 1 || len(fw.Activities) != 1 || len(fw.Indicators) != 1 ||
			len(fw.Tags) != 1 || len(fw.Geo) != 1 || len(fw.Geo[0].ActivityIDs) != 1 {
			t.Fatalf("carried: %s, %d objectives, %d results, %d activities, %d indicators, %d tags, %d priorities %+v", got.Record.Status, len(fw.Objectives),
				len(fw.Results), len(fw.Activities), len(fw.Indicators), len(fw.Tags), len(fw.Geo), fw.Geo)
		}
		ni := fw.Indicators[0]
		if ni.Baseline == nil || ni.Baseline.Value == nil || ni.Baseline.Value.String() != "340" || len(ni.Targets) != 0 || !strings.Contains(ni.Baseline.Comment, "2027") {
			t.Errorf("new baseline %+v, targets %+v", ni.Baseline, ni.Targets)
		}
		if ni.Level.ID != fw.Results[0].ID || fw.Results[0].ObjectiveID != fw.Objectives[0].ID || fw.Activities[0].ResultID != fw.Results[0].ID ||
			fw.Tags[0].Element.ID != fw.Results[0].ID || fw.Geo[0].ActivityIDs[0] != fw.Activities[0].ID {
			t.Errorf("the copies point at the previous strategy's elements: %+v", fw)
		}
		if len(got.Monitoring.Measurements) != 0 {
			t.Errorf("measurements carried: %d", len(got.Monitoring.Measurements))
		}
		rev, ok, err := s.StrategyRevision(ctx, a, next.ID)
		if err != nil || !ok || rev.PreviousID != old || rev.Report.Carried[0] != "1 objectif" {
			t.Fatalf("revision %+v %v %v", rev, ok, err)
		}
		var onActivity, onPriority bool
		for _, n := range rev.Notes {
			onActivity = onActivity || n.Element == logframe.Ref{Kind: logframe.KindActivity, ID: fw.Activities[0].ID} && n.Source == monitoring.FromUnfinished
			onPriority = onPriority || n.Element == logframe.Ref{Kind: logframe.KindGeoPriority, ID: fw.Geo[0].ID} && n.Source == monitoring.FromLessonLog
		}
		if !onActivity || !onPriority {
			t.Errorf("notes not on the copies: %+v", rev.Notes)
		}
		after, err := s.ReadStrategy(ctx, a, old, strategy.Whole)
		if err != nil {
			t.Fatal(err)
		}
		if len(after.Framework.Indicators) != 1 || after.Framework.Indicators[0].Baseline.Value.String() != "100" || len(after.Framework.Indicators[0].Targets) != 1 ||
			after.Record.Version != before.Record.Version || len(after.Monitoring.Measurements) != 1 {
			t.Errorf("the previous strategy changed")
		}
		again := model.Strategy{Title: "Encore", TermStart: 2033, TermEnd: 2039}
		if err := s.PrepareNextStrategy(ctx, store.Actor{}, a, old, &again, plan, report); err != store.ErrAlreadyPrepared {
			t.Errorf("second preparation: %v", err)
		}
		if succ, _ := s.Successor(ctx, a, old); succ != next.ID {
			t.Errorf("successor %d", succ)
		}
		other := newMonitoringFixture(t, s, "Ville B", "b@b.fr")
		if err := s.PrepareNextStrategy(ctx, store.Actor{}, other.authority.ID, old, &again, plan, report); err != store.ErrNotFound {
			t.Errorf("another authority's strategy: %v", err)
		}
	})
}
