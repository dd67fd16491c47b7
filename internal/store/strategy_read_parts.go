package store

import (
	"context"

	"boussole/internal/strategy"
)

// readDiagnostic reads the diagnostic part: the AFOM matrix (into Framework.SWOT, unless the framework's
// reader did) and the authority's register of partnerships.
func readDiagnostic(ctx context.Context, q querier, st *strategy.Strategy) (err error) {
	a, id := st.Record.AuthorityID, st.Record.ID
	if !st.Parts.Has(strategy.PartFramework) {
		if st.Framework.SWOT, err = swotItemsIn(ctx, q, a, id); err != nil {
			return err
		}
	}
	st.Diagnostic.Partnerships, err = partnershipsIn(ctx, q, a)
	return err
}

// readAwareness reads the sensibilisation part: the argument, the self-assessment, the awareness sessions
// and the services they reach.
func readAwareness(ctx context.Context, q querier, st *strategy.Strategy) (err error) {
	d := &st.Awareness
	a, id := st.Record.AuthorityID, st.Record.ID
	if d.Argument, err = argumentIn(ctx, q, a, id); err != nil {
		return err
	}
	if d.Assessment, err = assessmentIn(ctx, q, a, id); err != nil {
		return err
	}
	if d.Sessions, err = awarenessSessionsIn(ctx, q, a, id); err != nil {
		return err
	}
	d.Services, err = serviceListIn(ctx, q, a)
	return err
}

// readStakeholders reads the authority's map of actors and their relations.
func readStakeholders(ctx context.Context, q querier, st *strategy.Strategy) (err error) {
	a := st.Record.AuthorityID
	if st.Stakeholders.List, err = stakeholdersIn(ctx, q, a); err != nil {
		return err
	}
	st.Stakeholders.Relations, err = relationsIn(ctx, q, a)
	return err
}

// readPlanning reads the schedule part; the activities it schedules are the framework's, read with it even
// when the reader did not ask for the rest of the framework, together with their objectives in the same
// query (no query per row, and one fewer for the planning pages).
func readPlanning(ctx context.Context, q querier, st *strategy.Strategy) (err error) {
	p := &st.Planning
	a, id := st.Record.AuthorityID, st.Record.ID
	if st.Parts.Has(strategy.PartFramework) {
		if p.Objectives, err = activityObjectivesIn(ctx, q, a, id); err != nil {
			return err
		}
	} else if st.Framework.Activities, p.Objectives, err = plannedActivitiesIn(ctx, q, a, id); err != nil {
		return err
	}
	if p.Schedules, err = schedulesIn(ctx, q, a, id); err != nil {
		return err
	}
	if p.Milestones, err = milestonesIn(ctx, q, a, id); err != nil {
		return err
	}
	p.Dependencies, err = dependenciesIn(ctx, q, a, id)
	return err
}
