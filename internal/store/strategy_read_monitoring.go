package store

import (
	"context"

	"boussole/internal/strategy"
)

// readMonitoring reads the monitoring part: the measurements of the strategy's indicators, their owners
// and the evaluations, in five queries whatever their number.
func readMonitoring(ctx context.Context, q querier, st *strategy.Strategy) (err error) {
	m := &st.Monitoring
	a, id := st.Record.AuthorityID, st.Record.ID
	if m.Measurements, err = measurementsOf(ctx, q, a, id); err != nil {
		return err
	}
	if m.Owners, err = ownersOf(ctx, q, a, id); err != nil {
		return err
	}
	m.Evaluations, err = evaluationsOf(ctx, q, a, id)
	return err
}

// readMonitoringSummary reads the monitoring part with the measurements' summaries (measurementSummaries),
// unless the whole part was read.
func readMonitoringSummary(ctx context.Context, q querier, st *strategy.Strategy) (err error) {
	if st.Parts.Has(strategy.PartMonitoring) {
		return nil
	}
	m := &st.Monitoring
	a, id := st.Record.AuthorityID, st.Record.ID
	if m.Measurements, err = measurementSummaries(ctx, q, a, id); err != nil {
		return err
	}
	if m.Owners, err = ownersOf(ctx, q, a, id); err != nil {
		return err
	}
	m.Evaluations, err = evaluationsOf(ctx, q, a, id)
	return err
}
