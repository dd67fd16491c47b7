package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/logframe"
)

// KeyElements returns a strategy's key elements with its values and dimensions; before the first save it
// returns empty elements with Version 0.
func (s *Store) KeyElements(ctx context.Context, authorityID, strategyID int64) (logframe.KeyElementsRecord, error) {
	return keyElements(ctx, s.db, authorityID, strategyID)
}

func keyElements(ctx context.Context, q querier, authorityID, strategyID int64) (logframe.KeyElementsRecord, error) {
	k := logframe.KeyElementsRecord{AuthorityID: authorityID, StrategyID: strategyID}
	err := q.QueryRowContext(ctx, `SELECT id, vision, mission, political_project, general_title, general_description, updated_at, version
		FROM strategy_key_elements WHERE authority_id = $1 AND strategy_id = $2`, authorityID, strategyID).
		Scan(&k.ID, &k.Vision, &k.Mission, &k.PoliticalProject, &k.GeneralTitle, &k.GeneralText, &k.UpdatedAt, &k.Version)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return k, fmt.Errorf("store: unable to read the key elements: %w", err)
	}
	k.Values, err = queryAll(ctx, q, func(row interface{ Scan(...any) error }) (logframe.Value, error) {
		var v logframe.Value
		return v, row.Scan(&v.ID, &v.Name, &v.Explanation)
	}, "SELECT id, name, explanation FROM strategy_values WHERE authority_id = $1 AND strategy_id = $2 ORDER BY position, id", authorityID, strategyID)
	if err != nil {
		return k, err
	}
	k.Dimensions, err = queryAll(ctx, q, func(row interface{ Scan(...any) error }) (logframe.Dimension, error) {
		var d logframe.Dimension
		return d, row.Scan(&d.ID, &d.Name, &d.Weight)
	}, "SELECT id, name, weight FROM strategy_dimensions WHERE authority_id = $1 AND strategy_id = $2 ORDER BY position, id", authorityID, strategyID)
	return k, err
}

// SaveKeyElements saves the key elements and replaces the values and dimensions with k's, if nobody saved
// them since k.Version (0 for a first save).
func (s *Store) SaveKeyElements(ctx context.Context, by Actor, k *logframe.KeyElementsRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedStrategy(ctx, tx, k.AuthorityID, k.StrategyID); err != nil {
			return err
		}
		before, err := keyElements(ctx, tx, k.AuthorityID, k.StrategyID)
		if err != nil {
			return err
		}
		t := now()
		action := actionUpdate
		if k.Version == 0 {
			action = actionCreate
			err = tx.QueryRowContext(ctx, `INSERT INTO strategy_key_elements (authority_id, strategy_id, vision, mission, political_project, general_title,
				general_description, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, k.AuthorityID, k.StrategyID, k.Vision, k.Mission,
				k.PoliticalProject, k.GeneralTitle, k.GeneralText, t).Scan(&k.ID)
			if isUniqueViolation(err) {
				return ErrConflict
			}
			if err != nil {
				return fmt.Errorf("store: unable to save the key elements: %w", err)
			}
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE strategy_key_elements SET vision = $1, mission = $2, political_project = $3, general_title = $4,
				general_description = $5, updated_at = $6, version = version + 1 WHERE authority_id = $7 AND strategy_id = $8 AND version = $9`,
				k.Vision, k.Mission, k.PoliticalProject, k.GeneralTitle, k.GeneralText, t, k.AuthorityID, k.StrategyID, k.Version)
			if err := updated(res, err, "key elements"); err != nil {
				return err
			}
			k.ID = before.ID
		}
		if err := replaceKeyLists(ctx, tx, k); err != nil {
			return err
		}
		k.Version, k.UpdatedAt = k.Version+1, t
		return audit(ctx, tx, by, change{authorityID: k.AuthorityID, action: action, entity: "éléments clés", entityID: k.StrategyID,
			summary: "Valeurs, vision, mission, objectif général et dimensions", before: before, after: k})
	})
}

func replaceKeyLists(ctx context.Context, tx *sql.Tx, k *logframe.KeyElementsRecord) error {
	for _, table := range []string{"strategy_values", "strategy_dimensions"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE authority_id = $1 AND strategy_id = $2", k.AuthorityID, k.StrategyID); err != nil {
			return fmt.Errorf("store: unable to replace %s: %w", table, err)
		}
	}
	for i := range k.Values {
		v := &k.Values[i]
		if err := tx.QueryRowContext(ctx, `INSERT INTO strategy_values (authority_id, strategy_id, position, name, explanation) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			k.AuthorityID, k.StrategyID, i+1, v.Name, v.Explanation).Scan(&v.ID); err != nil {
			return fmt.Errorf("store: unable to save a value: %w", err)
		}
	}
	for i := range k.Dimensions {
		d := &k.Dimensions[i]
		if err := tx.QueryRowContext(ctx, `INSERT INTO strategy_dimensions (authority_id, strategy_id, position, name, weight) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			k.AuthorityID, k.StrategyID, i+1, d.Name, d.Weight).Scan(&d.ID); err != nil {
			return fmt.Errorf("store: unable to save a dimension: %w", err)
		}
	}
	return nil
}

// ownedStrategy checks the strategy belongs to the authority.
func ownedStrategy(ctx context.Context, q querier, authorityID, strategyID int64) error {
	var one int
	err := q.QueryRowContext(ctx, "SELECT 1 FROM strategies WHERE authority_id = $1 AND id = $2", authorityID, strategyID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}
