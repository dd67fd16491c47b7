package strategy

import "boussole/internal/monitoring"

// Monitoring is what « Suivi et évaluation » holds of a strategy: the measurements of its indicators (the
// IATI periods' actuals), who keeps each indicator up to date with its weight, and the evaluations with their
// questions and recommendations.
type Monitoring struct {
	Measurements []monitoring.Measurement // by indicator, then period
	Owners       map[int64]monitoring.Owner
	Evaluations  []monitoring.Evaluation // by the day they were opened
}
