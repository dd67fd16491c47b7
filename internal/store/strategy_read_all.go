package store

import (
	"context"

	"boussole/internal/strategy"
)

// ReadStrategies reads every strategy of an authority with the parts asked for, latest first as Strategies
// lists them: the yearly declarations cover the authority's spending whatever strategy a project is in.
func (s *Store) ReadStrategies(ctx context.Context, authorityID int64, parts strategy.Part) ([]strategy.Strategy, error) {
	list, err := s.Strategies(ctx, authorityID)
	if err != nil {
		return nil, err
	}
	out := make([]strategy.Strategy, 0, len(list))
	for _, rec := range list {
		st, err := s.ReadStrategy(ctx, authorityID, rec.ID, parts)
		if err != nil {
			return nil, err
		}
		out = append(out, *st)
	}
	return out, nil
}
