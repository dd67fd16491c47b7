package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/logframe"
)

// ownedBy checks that row id of table belongs to the authority and strategy, so that a form can never hang a
// record under another authority's parent.
func ownedBy(ctx context.Context, q querier, table string, authorityID, strategyID, id int64) error {
	var one int
	err := q.QueryRowContext(ctx, "SELECT 1 FROM "+table+" WHERE authority_id = $1 AND strategy_id = $2 AND id = $3", authorityID, strategyID, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: unable to check the parent: %w", err)
	}
	return nil
}

// nextPosition returns the position after the last sibling under parent (parentColumn = parentID).
func nextPosition(ctx context.Context, q querier, table, parentColumn string, authorityID, parentID int64) (int, error) {
	var pos int
	err := q.QueryRowContext(ctx, "SELECT COALESCE(MAX(position), 0) + 1 FROM "+table+" WHERE authority_id = $1 AND "+parentColumn+" = $2",
		authorityID, parentID).Scan(&pos)
	if err != nil {
		return 0, fmt.Errorf("store: unable to place the new element: %w", err)
	}
	return pos, nil
}

// elementTables maps every kind of framework element to its table.
var elementTables = map[logframe.Kind]string{
	logframe.KindGeneralObjective:  "strategy_key_elements",
	logframe.KindSpecificObjective: "objectives",
	logframe.KindResult:            "results",
	logframe.KindActivity:          "activities",
	logframe.KindIndicator:         "indicators",
	logframe.KindRisk:              "risks",
	logframe.KindAssumption:        "assumptions",
	logframe.KindGeoPriority:       "geo_priorities",
}

// StrategyOf returns the strategy an element of the authority's framework belongs to; ErrNotFound when
// the element is not the authority's.
func (s *Store) StrategyOf(ctx context.Context, authorityID int64, ref logframe.Ref) (int64, error) {
	table, ok := elementTables[ref.Kind]
	if !ok {
		return 0, ErrNotFound
	}
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT strategy_id FROM "+table+" WHERE authority_id = $1 AND id = $2", authorityID, ref.ID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}
