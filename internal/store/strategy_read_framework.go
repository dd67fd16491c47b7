package store

import (
	"context"

	"boussole/internal/strategy"
)

// readFramework reads the framework part: key elements, the logframe's records with their links, the
// priorities, the ODD tags, where copied elements come from and the AFOM items objectives answer; then the domain assembles the check's view.
func readFramework(ctx context.Context, q querier, st *strategy.Strategy) error {
	f := &st.Framework
	f.Strategy = st.Record
	a, id := st.Record.AuthorityID, st.Record.ID
	var err error
	if f.Key, err = keyElements(ctx, q, a, id); err != nil {
		return err
	}
	if f.Objectives, err = objectivesIn(ctx, q, a, id); err != nil {
		return err
	}
	if f.Results, err = resultsIn(ctx, q, a, id); err != nil {
		return err
	}
	if f.Activities, err = activitiesOfIn(ctx, q, a, id); err != nil {
		return err
	}
	if f.Indicators, err = indicators(ctx, q, a, id); err != nil {
		return err
	}
	if f.Risks, err = risksIn(ctx, q, a, id); err != nil {
		return err
	}
	if f.Assumptions, err = assumptions(ctx, q, a, id); err != nil {
		return err
	}
	if f.Geo, err = geoPriorities(ctx, q, a, id); err != nil {
		return err
	}
	if f.Thematic, err = thematicPrioritiesIn(ctx, q, a, id); err != nil {
		return err
	}
	if f.Tags, err = sdgTags(ctx, q, a, id); err != nil {
		return err
	}
	if f.Provenance, err = provenances(ctx, q, a, id); err != nil {
		return err
	}
	if f.Local, err = localTargetsIn(ctx, q, a, id); err != nil {
		return err
	}
	if err = fillLinks(ctx, q, a, f); err != nil {
		return err
	}
	if f.SWOT, err = swotItemsIn(ctx, q, a, id); err != nil {
		return err
	}
	f.Assemble()
	return nil
}
