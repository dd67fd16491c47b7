package store_test

import (
	"testing"

	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func decimalOf(t *testing.T, s string) *number.Decimal {
	t.Helper()
	d, err := number.Parse(s, number.Indicator)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// sameDecimal compares two optional decimals exactly, nil meaning unknown.
func sameDecimal(a, b *number.Decimal) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Cmp(*b) == 0 && a.String() == b.String()
}

// Indicator values come back exactly as they were saved, the largest and the finest included, and an unknown
// value comes back unknown, not 0.
func TestIndicatorValuesRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFrameworkFixture(t, s, "Ville A", "a@a.fr")
		day := func(y int) partialdate.Date { return partialdate.Of(y, 6, 30) }
		values := []*number.Decimal{
			decimalOf(t, "999 999 999 999"), decimalOf(t, "-999999999999"), decimalOf(t, "999999999998,999999"),
			decimalOf(t, "0,1"), decimalOf(t, "0,000001"), decimalOf(t, "1 234,5"), decimalOf(t, "0"), nil,
		}
		in := model.Indicator{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Indicator: logframe.Indicator{Title: "Valeurs", Measure: logframe.MeasureUnit,
			Level:    logframe.Ref{Kind: logframe.KindResult, ID: f.result.ID},
			Baseline: &logframe.Baseline{Date: day(2025), Comment: "mesure prévue en janvier"}}} // dated, not measured
		for i, v := range values {
			in.Targets = append(in.Targets, logframe.Target{Date: day(2026 + i), Value: v, Text: map[bool]string{true: "à fixer"}[v == nil]})
		}
		if err := s.SaveIndicator(ctx, store.Actor{}, &in); err != nil {
			t.Fatal(err)
		}
		got, err := s.Indicator(ctx, f.authority.ID, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Baseline == nil || got.Baseline.Value != nil || got.Baseline.Comment != "mesure prévue en janvier" {
			t.Errorf("baseline with a date and no value = %+v, want a baseline whose value is unknown", got.Baseline)
		}
		if len(got.Targets) != len(values) {
			t.Fatalf("%d targets, want %d", len(got.Targets), len(values))
		}
		for i, v := range values {
			if !sameDecimal(got.Targets[i].Value, v) {
				t.Errorf("target %d = %v, want %v", i, got.Targets[i].Value, v)
			}
		}
		// The list read (the framework) agrees with the single read, and an update keeps the values.
		got.Baseline.Value = decimalOf(t, "-3,25")
		if err := s.SaveIndicator(ctx, store.Actor{}, &got); err != nil {
			t.Fatal(err)
		}
		list, err := s.Indicators(ctx, f.authority.ID, f.strategy.ID)
		if err != nil || len(list) != 1 {
			t.Fatalf("Indicators = %d, %v", len(list), err)
		}
		if !sameDecimal(list[0].Baseline.Value, decimalOf(t, "-3,25")) || !sameDecimal(list[0].Targets[0].Value, values[0]) || list[0].Targets[len(values)-1].Value != nil {
			t.Errorf("after update: baseline %v, first target %v, last target %v", list[0].Baseline.Value, list[0].Targets[0].Value, list[0].Targets[len(values)-1].Value)
		}
	})
}

// A cost, a yearly budget or a weight nobody gave stays unknown; a known 0 stays 0.
func TestUnknownAmountsStayUnknown(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFrameworkFixture(t, s, "Ville A", "a@a.fr")
		for _, cost := range []*int64{nil, new(int64(0)), new(int64(number.MaxEuros * 100))} {
			a := model.Activity{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, ResultID: f.result.ID, Title: "Mission", CostCents: cost}
			if err := s.CreateActivity(ctx, store.Actor{}, &a); err != nil {
				t.Fatal(err)
			}
			got, err := s.Activity(ctx, f.authority.ID, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if (cost == nil) != (got.CostCents == nil) || cost != nil && *cost != *got.CostCents {
				t.Errorf("cost %v read back as %v", show(cost), show(got.CostCents))
			}
		}

		k := model.KeyElements{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID,
			Dimensions: []logframe.Dimension{{Name: "Jumelages", Weight: new(0)}, {Name: "Réseaux"}}}
		if err := s.SaveKeyElements(ctx, store.Actor{}, &k); err != nil {
			t.Fatal(err)
		}
		kk, err := s.KeyElements(ctx, f.authority.ID, f.strategy.ID)
		if err != nil || len(kk.Dimensions) != 2 {
			t.Fatalf("key elements: %+v, %v", kk.Dimensions, err)
		}
		if kk.Dimensions[0].Weight == nil || *kk.Dimensions[0].Weight != 0 || kk.Dimensions[1].Weight != nil {
			t.Errorf("weights read back as %v and %v, want 0 and unknown", kk.Dimensions[0].Weight, kk.Dimensions[1].Weight)
		}

		p := diagnostic.PartnershipRecord{AuthorityID: f.authority.ID, Partnership: samplePartnership()}
		p.Partnership.YearlyBudgetCents = nil
		if err := s.CreatePartnership(ctx, store.Actor{}, &p); err != nil {
			t.Fatal(err)
		}
		gp, err := s.Partnership(ctx, f.authority.ID, p.ID)
		if err != nil || gp.Partnership.YearlyBudgetCents != nil {
			t.Errorf("unknown budget read back as %v (%v)", show(gp.Partnership.YearlyBudgetCents), err)
		}
	})
}

func show(c *int64) any {
	if c == nil {
		return "unknown"
	}
	return *c
}
