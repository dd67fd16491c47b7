package store_test

import (
	"testing"

	"boussole/internal/monitoring"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

func TestReadStrategyMonitoringPart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMonitoringFixture(t, s, "Ville A", "a@a.fr")
		other := newMonitoringFixture(t, s, "Ville B", "b@b.fr")
		for _, fx := range []monitoringFixture{f, other} {
			m := yearMeasurement(fx, 2026, 150)
			must(t, s.SaveMeasurement(ctx, store.Actor{}, &m, false))
			must(t, s.SaveIndicatorOwner(ctx, store.Actor{}, &monitoring.Owner{AuthorityID: fx.authority.ID, IndicatorID: fx.indicator.ID, Weight: 2}))
			e := monitoring.Evaluation{AuthorityID: fx.authority.ID, StrategyID: fx.strategy.ID, Kind: monitoring.MidTerm, Conduct: monitoring.Internal,
				Title: "Mi-parcours", SnapshotOn: pday(2029, 6, 30)}
			must(t, s.CreateEvaluation(ctx, store.Actor{}, &e))
			must(t, s.AddRecommendation(ctx, store.Actor{}, fx.authority.ID, e.ID, &monitoring.Recommendation{Text: "Suivre", FollowUp: monitoring.ToStart}))
		}
		st, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.PartMonitoring)
		if err != nil {
			t.Fatal(err)
		}
		mo := st.Monitoring
		if len(mo.Measurements) != 1 || mo.Measurements[0].IndicatorID != f.indicator.ID || mo.Owners[f.indicator.ID].Weight != 2 || len(mo.Owners) != 1 ||
			len(mo.Evaluations) != 1 || len(mo.Evaluations[0].Recommendations) != 1 {
			t.Errorf("monitoring part: %+v", mo)
		}
		if !strategy.Whole.Has(strategy.PartMonitoring) {
			t.Error("Whole lacks the monitoring part")
		}
		fw, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.PartFramework)
		if err != nil || fw.Monitoring.Measurements != nil || fw.Monitoring.Evaluations != nil {
			t.Errorf("asked for the framework, got monitoring %+v (%v)", fw.Monitoring, err)
		}
	})
}
