package publicpage

import (
	"time"

	"boussole/internal/logframe"
	"boussole/internal/monitoring"
)

// Measured is what the public page says of a public indicator's progress: only values the mission has
// validated reach citizens, so a value still under review is not shown, and an indicator without a
// validated value says so rather than showing zero.
type Measured struct {
	Latest   *monitoring.Measurement // the latest validated measurement; nil when none
	Progress *float64                // from the baseline to the final target, in the indicator's direction; nil when it cannot be computed
	Status   monitoring.Status
}

// Known reports whether a validated value exists.
func (m Measured) Known() bool { return m.Latest != nil }

// Percent is the progress as a whole percentage between 0 and 100, for the bar; Progress keeps the true value.
func (m Measured) Percent() int {
	if m.Progress == nil {
		return 0
	}
	return int(min(max(*m.Progress, 0), 1)*100 + 0.5)
}

// Measure assesses a public indicator on its validated measurements only.
func Measure(in logframe.Indicator, term monitoring.Term, ms []monitoring.Measurement, today time.Time) Measured {
	var validated []monitoring.Measurement
	for _, m := range ms {
		if m.IndicatorID == in.ID && m.Review == monitoring.ReviewValidated {
			validated = append(validated, m)
		}
	}
	a := monitoring.Assess(in, term, validated, today)
	return Measured{Latest: a.Latest, Progress: a.Progress, Status: a.Status}
}
