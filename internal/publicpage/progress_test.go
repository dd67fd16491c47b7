package publicpage

import (
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/monitoring"
	"boussole/internal/number"
	"boussole/internal/partialdate"
)

func TestMeasureShowsOnlyValidatedValues(t *testing.T) {
	dec := func(n int64) *number.Decimal { d := number.New(n, 0); return &d }
	in := logframe.Indicator{ID: 7, Measure: logframe.MeasureUnit, Ascending: true, Periodicity: "annuelle",
		Baseline: &logframe.Baseline{Value: dec(100), Date: partialdate.OfYear(2026)},
		Targets:  []logframe.Target{{Date: partialdate.OfYear(2032), Value: dec(200)}}}
	term := monitoring.Term{Start: 2026, End: 2032}
	today := time.Date(2029, 6, 1, 0, 0, 0, 0, time.UTC)
	year := func(y int, v int64, r monitoring.Review) monitoring.Measurement {
		return monitoring.Measurement{IndicatorID: 7, Period: "2026", PeriodStart: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC),
			PeriodEnd: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), MeasuredOn: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), Value: dec(v), Review: r}
	}

	if m := Measure(in, term, nil, today); m.Known() || m.Progress != nil || m.Status != monitoring.StatusUnknown {
		t.Errorf("no measurement: %+v, want unknown", m)
	}
	// A value still under review is not shown, even when it is the latest.
	ms := []monitoring.Measurement{year(2027, 150, monitoring.ReviewValidated), year(2028, 190, monitoring.ReviewSubmitted),
		{IndicatorID: 8, Value: dec(999), Review: monitoring.ReviewValidated, MeasuredOn: today}}
	ms[0].Period, ms[1].Period = "2027", "2028"
	m := Measure(in, term, ms, today)
	if !m.Known() || m.Latest.Value.Cmp(*dec(150)) != 0 {
		t.Fatalf("latest validated: %+v", m.Latest)
	}
	if m.Progress == nil || m.Percent() != 50 {
		t.Errorf("progress %v (%d %%), want 50 %%", m.Progress, m.Percent())
	}
	// The bar stays within 0 and 100 when the value overshoots.
	over := 1.7
	if (Measured{Progress: &over}).Percent() != 100 {
		t.Error("an overshoot is drawn beyond the bar")
	}
}
