package store

import (
	"boussole/internal/logframe"
	"boussole/internal/schedule"
	"context"
	"database/sql"
	"errors"
	"fmt"
)

const activityColumns = "id, authority_id, strategy_id, result_id, position, title, description, owner, resources, cost_cents, start_date, end_date, created_at, updated_at, version"

// activityRow holds what one activity row is scanned into: one allocation per row (see scheduleRow).
type activityRow struct {
	a          logframe.ActivityRecord
	start, end sql.NullString
}

func scanActivity(row interface{ Scan(...any) error }) (logframe.ActivityRecord, error) {
	v := new(activityRow)
	a := &v.a
	err := row.Scan(&a.ID, &a.AuthorityID, &a.StrategyID, &a.ResultID, &a.Position, &a.Title, &a.Description, &a.Owner,
		&a.Resources, &a.CostCents, &v.start, &v.end, &a.CreatedAt, &a.UpdatedAt, &a.Version)
	a.Start, a.End = partialOf(v.start), partialOf(v.end)
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	return *a, err
}

// ActivitiesOf lists a strategy's activities in logframe order (by result, then position), for planning
// and the logframe pages.
func (s *Store) ActivitiesOf(ctx context.Context, authorityID, strategyID int64) ([]logframe.ActivityRecord, error) {
	return activitiesOfIn(ctx, s.db, authorityID, strategyID)
}

func activitiesOfIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]logframe.ActivityRecord, error) {
	return queryAll(ctx, q, scanActivity, `SELECT `+prefixed("a.", activityColumns)+` FROM activities a
		JOIN results r ON r.id = a.result_id JOIN objectives o ON o.id = r.objective_id
		WHERE a.authority_id = $1 AND a.strategy_id = $2 ORDER BY o.position, o.id, r.position, r.id, a.position, a.id`, authorityID, strategyID)
}

// plannedActivitiesQuery is activitiesOfIn's query with each activity's objective.
var plannedActivitiesQuery = `SELECT ` + prefixed("a.", activityColumns) + `, o.id, o.title FROM activities a
		JOIN results r ON r.id = a.result_id AND r.authority_id = a.authority_id JOIN objectives o ON o.id = r.objective_id AND o.authority_id = a.authority_id
		WHERE a.authority_id = $1 AND a.strategy_id = $2 ORDER BY o.position, o.id, r.position, r.id, a.position, a.id`

// plannedActivitiesIn reads a strategy's activities in framework order and, from the same rows, the
// objective of each (what activitiesOfIn and activityObjectivesIn read in two queries).
func plannedActivitiesIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]logframe.ActivityRecord, []schedule.ActivityObjective, error) {
	rows, err := q.QueryContext(ctx, plannedActivitiesQuery, authorityID, strategyID)
	if err != nil {
		return nil, nil, fmt.Errorf("store: query failed: %w", err)
	}
	defer rows.Close()
	var acts []logframe.ActivityRecord
	var objs []schedule.ActivityObjective
	row := &withObjective{rows: rows}
	for rows.Next() {
		a, err := scanActivity(row)
		if err != nil {
			return nil, nil, fmt.Errorf("store: unable to read a row: %w", err)
		}
		acts = append(acts, a)
		objs = append(objs, schedule.ActivityObjective{ActivityID: a.ID, ObjectiveID: row.id, ObjectiveTitle: row.title})
	}
	return acts, objs, rows.Err()
}

// withObjective scans an activity's columns, then its objective's two into id and title.
type withObjective struct {
	rows  *sql.Rows
	dest  []any
	id    int64
	title string
}

func (w *withObjective) Scan(dest ...any) error {
	w.dest = append(append(w.dest[:0], dest...), &w.id, &w.title)
	return w.rows.Scan(w.dest...)
}

// Activity returns one activity of an authority.
func (s *Store) Activity(ctx context.Context, authorityID, id int64) (logframe.ActivityRecord, error) {
	a, err := scanActivity(s.db.QueryRowContext(ctx, "SELECT "+activityColumns+" FROM activities WHERE authority_id = $1 AND id = $2", authorityID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	return a, err
}

// CreateActivity adds an activity at the end of its result's activities. The result must belong to the same
// authority and strategy.
func (s *Store) CreateActivity(ctx context.Context, by Actor, a *logframe.ActivityRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedBy(ctx, tx, "results", a.AuthorityID, a.StrategyID, a.ResultID); err != nil {
			return err
		}
		pos, err := nextPosition(ctx, tx, "activities", "result_id", a.AuthorityID, a.ResultID)
		if err != nil {
			return err
		}
		t := now()
		a.Position, a.CreatedAt, a.UpdatedAt, a.Version = pos, t, t, 1
		err = tx.QueryRowContext(ctx, `INSERT INTO activities (authority_id, strategy_id, result_id, position, title, description, owner, resources,
			cost_cents, start_date, end_date, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
			a.AuthorityID, a.StrategyID, a.ResultID, a.Position, a.Title, a.Description, a.Owner, a.Resources, a.CostCents,
			nullPartial(a.Start), nullPartial(a.End), t, t).Scan(&a.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the activity: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionCreate, entity: "activité", entityID: a.ID, summary: a.Title, after: a})
	})
}

// UpdateActivity saves an activity's fields (not its place: see MoveElement) if nobody changed it since
// a.Version.
func (s *Store) UpdateActivity(ctx context.Context, by Actor, a *logframe.ActivityRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanActivity(tx.QueryRowContext(ctx, "SELECT "+activityColumns+" FROM activities WHERE authority_id = $1 AND id = $2", a.AuthorityID, a.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		t := now()
		res, err := tx.ExecContext(ctx, `UPDATE activities SET title = $1, description = $2, owner = $3, resources = $4, cost_cents = $5,
			start_date = $6, end_date = $7, updated_at = $8, version = version + 1 WHERE authority_id = $9 AND id = $10 AND version = $11`,
			a.Title, a.Description, a.Owner, a.Resources, a.CostCents, nullPartial(a.Start), nullPartial(a.End), t, a.AuthorityID, a.ID, a.Version)
		if err != nil {
			return fmt.Errorf("store: unable to save the activity: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		a.StrategyID, a.ResultID, a.Position, a.CreatedAt = before.StrategyID, before.ResultID, before.Position, before.CreatedAt
		a.Version, a.UpdatedAt = a.Version+1, t
		return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionUpdate, entity: "activité", entityID: a.ID, summary: a.Title, before: before, after: a})
	})
}
