package store_test

import (
	"testing"

	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

// TestMeasurementSummariesMatchTheWholeRead reads the measurements of a strategy as summaries and whole:
// every field an assessment reads is the same, texts included.
func TestMeasurementSummariesMatchTheWholeRead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMonitoringFixture(t, s, "Ville A", "a@a.fr")
		for i, y := range []int{2026, 2027, 2028} {
			m := yearMeasurement(f, y, int64(100+i))
			if i == 1 {
				m.Value, m.Text = nil, "Pas de départ, mais un accord, signé ; voir ci-joint"
			}
			if err := s.SaveMeasurement(ctx, store.Actor{}, &m, false); err != nil {
				t.Fatal(err)
			}
		}
		whole, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.PartMonitoring)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.PartMonitoringSummary)
		if err != nil {
			t.Fatal(err)
		}
		a, b := whole.Monitoring.Measurements, sum.Monitoring.Measurements
		if len(a) != 3 || len(b) != 3 {
			t.Fatalf("%d whole, %d summaries", len(a), len(b))
		}
		for i := range a {
			x, y := a[i], b[i]
			same := x.ID == y.ID && x.IndicatorID == y.IndicatorID && x.Period == y.Period && x.PeriodStart.Equal(y.PeriodStart) && x.PeriodEnd.Equal(y.PeriodEnd) &&
				x.MeasuredOn.Equal(y.MeasuredOn) && x.Text == y.Text && x.Review == y.Review && x.Locked == y.Locked && x.Version == y.Version &&
				(x.Value == nil) == (y.Value == nil) && (x.Value == nil || x.Value.Cmp(*y.Value) == 0)
			if !same {
				t.Errorf("measurement %d:\nwhole   %+v\nsummary %+v", i, x, y)
			}
		}
		if y := b[0]; y.Source != "" {
			t.Errorf("a summary carries the source: %+v", y)
		}
	})
}
