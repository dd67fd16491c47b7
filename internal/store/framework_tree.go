package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/model"
)

const objectiveColumns = "id, authority_id, strategy_id, position, title, description, specific, measure, achievable, target_date, resources, version"

func scanObjective(row interface{ Scan(...any) error }) (model.Objective, error) {
	var o model.Objective
	var target sql.NullString
	err := row.Scan(&o.ID, &o.AuthorityID, &o.StrategyID, &o.Position, &o.Title, &o.Description, &o.Specific, &o.Measure, &o.Achievable, &target, &o.Resources, &o.Version)
	o.TargetDate = partialOf(target)
	return o, err
}

// Objectives lists a strategy's specific objectives in order.
func (s *Store) Objectives(ctx context.Context, authorityID, strategyID int64) ([]model.Objective, error) {
	return objectivesIn(ctx, s.db, authorityID, strategyID)
}

func objectivesIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]model.Objective, error) {
	return queryAll(ctx, q, scanObjective, "SELECT "+objectiveColumns+" FROM objectives WHERE authority_id = $1 AND strategy_id = $2 ORDER BY position, id",
		authorityID, strategyID)
}

// Objective returns one specific objective of an authority.
func (s *Store) Objective(ctx context.Context, authorityID, id int64) (model.Objective, error) {
	return queryOne(ctx, s.db, scanObjective, "SELECT "+objectiveColumns+" FROM objectives WHERE authority_id = $1 AND id = $2", authorityID, id)
}

// CreateObjective adds a specific objective after the strategy's last one.
func (s *Store) CreateObjective(ctx context.Context, by Actor, o *model.Objective) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		pos, err := nextPosition(ctx, tx, "objectives", "strategy_id", o.AuthorityID, o.StrategyID)
		if err != nil {
			return err
		}
		t := now()
		o.Position, o.Version = pos, 1
		err = tx.QueryRowContext(ctx, `INSERT INTO objectives (authority_id, strategy_id, position, title, description, specific, measure, achievable, target_date,
			resources, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
			o.AuthorityID, o.StrategyID, o.Position, o.Title, o.Description, o.Specific, o.Measure, o.Achievable, nullPartial(o.TargetDate), o.Resources, t, t).Scan(&o.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the objective: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: o.AuthorityID, action: actionCreate, entity: "objectif spécifique", entityID: o.ID, summary: o.Title, after: o})
	})
}

// UpdateObjective saves an objective's fields if nobody changed it since o.Version.
func (s *Store) UpdateObjective(ctx context.Context, by Actor, o *model.Objective) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := queryOne(ctx, tx, scanObjective, "SELECT "+objectiveColumns+" FROM objectives WHERE authority_id = $1 AND id = $2", o.AuthorityID, o.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE objectives SET title = $1, description = $2, specific = $3, measure = $4, target_date = $5, resources = $6,
			achievable = $7, updated_at = $8, version = version + 1 WHERE authority_id = $9 AND id = $10 AND version = $11`,
			o.Title, o.Description, o.Specific, o.Measure, nullPartial(o.TargetDate), o.Resources, o.Achievable, now(), o.AuthorityID, o.ID, o.Version)
		if err := updated(res, err, "objective"); err != nil {
			return err
		}
		o.StrategyID, o.Position, o.Version = before.StrategyID, before.Position, o.Version+1
		return audit(ctx, tx, by, change{authorityID: o.AuthorityID, action: actionUpdate, entity: "objectif spécifique", entityID: o.ID, summary: o.Title, before: before, after: o})
	})
}

const resultColumns = "id, authority_id, strategy_id, objective_id, position, title, description, version"

func scanResult(row interface{ Scan(...any) error }) (model.Result, error) {
	var r model.Result
	err := row.Scan(&r.ID, &r.AuthorityID, &r.StrategyID, &r.ObjectiveID, &r.Position, &r.Title, &r.Description, &r.Version)
	return r, err
}

// Results lists a strategy's expected results, by objective then position.
func (s *Store) Results(ctx context.Context, authorityID, strategyID int64) ([]model.Result, error) {
	return resultsIn(ctx, s.db, authorityID, strategyID)
}

func resultsIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]model.Result, error) {
	return queryAll(ctx, q, scanResult, "SELECT "+prefixed("r.", resultColumns)+` FROM results r JOIN objectives o ON o.id = r.objective_id
		WHERE r.authority_id = $1 AND r.strategy_id = $2 ORDER BY o.position, o.id, r.position, r.id`, authorityID, strategyID)
}

// Result returns one expected result of an authority.
func (s *Store) Result(ctx context.Context, authorityID, id int64) (model.Result, error) {
	return queryOne(ctx, s.db, scanResult, "SELECT "+resultColumns+" FROM results WHERE authority_id = $1 AND id = $2", authorityID, id)
}

// CreateResult adds an expected result after the last one of its objective.
func (s *Store) CreateResult(ctx context.Context, by Actor, r *model.Result) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedBy(ctx, tx, "objectives", r.AuthorityID, r.StrategyID, r.ObjectiveID); err != nil {
			return err
		}
		pos, err := nextPosition(ctx, tx, "results", "objective_id", r.AuthorityID, r.ObjectiveID)
		if err != nil {
			return err
		}
		t := now()
		r.Position, r.Version = pos, 1
		err = tx.QueryRowContext(ctx, `INSERT INTO results (authority_id, strategy_id, objective_id, position, title, description, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, r.AuthorityID, r.StrategyID, r.ObjectiveID, r.Position, r.Title, r.Description, t, t).Scan(&r.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the result: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: r.AuthorityID, action: actionCreate, entity: "résultat attendu", entityID: r.ID, summary: r.Title, after: r})
	})
}

// UpdateResult saves a result's fields if nobody changed it since r.Version.
func (s *Store) UpdateResult(ctx context.Context, by Actor, r *model.Result) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := queryOne(ctx, tx, scanResult, "SELECT "+resultColumns+" FROM results WHERE authority_id = $1 AND id = $2", r.AuthorityID, r.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE results SET title = $1, description = $2, updated_at = $3, version = version + 1
			WHERE authority_id = $4 AND id = $5 AND version = $6`, r.Title, r.Description, now(), r.AuthorityID, r.ID, r.Version)
		if err := updated(res, err, "result"); err != nil {
			return err
		}
		r.StrategyID, r.ObjectiveID, r.Position, r.Version = before.StrategyID, before.ObjectiveID, before.Position, r.Version+1
		return audit(ctx, tx, by, change{authorityID: r.AuthorityID, action: actionUpdate, entity: "résultat attendu", entityID: r.ID, summary: r.Title, before: before, after: r})
	})
}

// updated turns an UPDATE's outcome into ErrConflict when no row matched the version.
func updated(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("store: unable to save the %s: %w", what, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrConflict
	}
	return nil
}

// queryAll runs a query and scans every row.
func queryAll[T any](ctx context.Context, q querier, scan func(interface{ Scan(...any) error }) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: query failed: %w", err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read a row: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// queryOne runs a query for one row; no row is ErrNotFound.
func queryOne[T any](ctx context.Context, q querier, scan func(interface{ Scan(...any) error }) (T, error), query string, args ...any) (T, error) {
	v, err := scan(q.QueryRowContext(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return v, ErrNotFound
	}
	return v, err
}
