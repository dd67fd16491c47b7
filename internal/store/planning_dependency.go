package store

import (
	"boussole/internal/schedule"
	"context"
	"database/sql"
	"errors"
	"fmt"
)

const dependencyColumns = `id, authority_id, strategy_id, COALESCE(from_activity_id, 0), COALESCE(from_milestone_id, 0),
	COALESCE(to_activity_id, 0), COALESCE(to_milestone_id, 0), kind, lag_n, lag_unit, created_at, version`

// dependencyRow holds what one dependency row is scanned into: one allocation per row (see scheduleRow).
type dependencyRow struct {
	d                      schedule.DependencyRecord
	fromA, fromM, toA, toM int64
	kind, unit             string
}

func scanDependency(row interface{ Scan(...any) error }) (schedule.DependencyRecord, error) {
	v := new(dependencyRow)
	d := &v.d
	err := row.Scan(&d.ID, &d.AuthorityID, &d.StrategyID, &v.fromA, &v.fromM, &v.toA, &v.toM, &v.kind, &d.LagN, &v.unit, &d.CreatedAt, &d.Version)
	d.From, d.To = nodeOf(v.fromA, v.fromM), nodeOf(v.toA, v.toM)
	d.Kind, d.LagUnit, d.CreatedAt = schedule.Kind(v.kind), schedule.Unit(v.unit), d.CreatedAt.UTC()
	return *d, err
}

func nodeOf(activityID, milestoneID int64) schedule.Node {
	if milestoneID != 0 {
		return schedule.Node{Kind: schedule.NodeMilestone, ID: milestoneID}
	}
	return schedule.Node{Kind: schedule.NodeActivity, ID: activityID}
}

// nodeColumns returns the activity and milestone column values for a node.
func nodeColumns(n schedule.Node) (activity, milestone any) {
	if n.Kind == schedule.NodeMilestone {
		return nil, n.ID
	}
	return n.ID, nil
}

// Dependencies lists a strategy's dependencies in the order they were added.
func (s *Store) Dependencies(ctx context.Context, authorityID, strategyID int64) ([]schedule.DependencyRecord, error) {
	return dependenciesIn(ctx, s.db, authorityID, strategyID)
}

func dependenciesIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]schedule.DependencyRecord, error) {
	return queryAll(ctx, q, scanDependency, "SELECT "+dependencyColumns+" FROM schedule_dependencies WHERE authority_id = $1 AND strategy_id = $2 ORDER BY id",
		authorityID, strategyID)
}

// Dependency returns one dependency of an authority.
func (s *Store) Dependency(ctx context.Context, authorityID, id int64) (schedule.DependencyRecord, error) {
	d, err := scanDependency(s.db.QueryRowContext(ctx, "SELECT "+dependencyColumns+" FROM schedule_dependencies WHERE authority_id = $1 AND id = $2", authorityID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	return d, err
}

// CreateDependency adds a dependency between two scheduled activities or milestones of the strategy. It
// returns ErrMissingNode when an end does not exist (any more) or is not scheduled, a fielderr.List
// for a dependency on itself, and the *schedule.CycleError naming the loop it would close; nothing is written
// then.
func (s *Store) CreateDependency(ctx context.Context, by Actor, d *schedule.DependencyRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := lockStrategy(ctx, tx, d.AuthorityID, d.StrategyID); err != nil {
			return err
		}
		g, err := loadGraph(ctx, tx, d.AuthorityID, d.StrategyID)
		if err != nil {
			return err
		}
		if err := g.checkDependency(d.From, d.To); err != nil {
			return err
		}
		fromA, fromM := nodeColumns(d.From)
		toA, toM := nodeColumns(d.To)
		t := now()
		d.CreatedAt, d.Version = t, 1
		err = tx.QueryRowContext(ctx, `INSERT INTO schedule_dependencies (authority_id, strategy_id, from_activity_id, from_milestone_id, to_activity_id,
			to_milestone_id, kind, lag_n, lag_unit, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			d.AuthorityID, d.StrategyID, fromA, fromM, toA, toM, string(d.Kind), d.LagN, string(d.LagUnit), t).Scan(&d.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the dependency: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: d.AuthorityID, action: actionCreate, entity: "dépendance", entityID: d.ID,
			summary: d.From.Key() + " → " + d.To.Key(), after: d})
	})
}

// DeleteDependency removes a dependency.
func (s *Store) DeleteDependency(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanDependency(tx.QueryRowContext(ctx, "SELECT "+dependencyColumns+" FROM schedule_dependencies WHERE authority_id = $1 AND id = $2", authorityID, id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM schedule_dependencies WHERE authority_id = $1 AND id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the dependency: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "dépendance", entityID: id,
			summary: before.From.Key() + " → " + before.To.Key(), before: before})
	})
}
