package store

import (
	"context"

	"boussole/internal/strategy"
)

// readFunding reads the funding part: the strategy's projects with their plans, the authority's yearly
// figures and the catalogue in force, all in the read's transaction.
func readFunding(ctx context.Context, q querier, st *strategy.Strategy) (err error) {
	f := &st.Funding
	a, id := st.Record.AuthorityID, st.Record.ID
	if f.Projects, err = strategyProjectsIn(ctx, q, a, id); err != nil {
		return err
	}
	if f.Years, err = fundingYearsIn(ctx, q, a); err != nil {
		return err
	}
	f.Catalogue, err = fundingCatalogueIn(ctx, q)
	return err
}
