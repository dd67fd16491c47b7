package schedule

import "boussole/internal/logframe"

// TermOf derives the engine's term from the strategy's (model.Strategy.Dates): the same first day, and an
// exclusive end the day after the horizon, so that an evaluation late in the last year is not flagged as
// outside it and a term with no known end still has one mandature to draw over.
func TermOf(t logframe.Term) Term {
	if t.Start.IsZero() {
		return Term{}
	}
	return Term{Start: FromTime(t.Start), End: FromTime(t.Horizon()).AddDays(1)}
}
