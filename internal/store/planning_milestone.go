package store

import (
	"boussole/internal/schedule"
	"context"
	"database/sql"
	"errors"
	"fmt"
)

const milestoneColumns = "id, authority_id, strategy_id, kind, title, on_date, public, notes, created_at, updated_at, version"

func scanMilestone(row interface{ Scan(...any) error }) (schedule.MilestoneRecord, error) {
	var m schedule.MilestoneRecord
	var kind string
	var on sql.NullString
	err := row.Scan(&m.ID, &m.AuthorityID, &m.StrategyID, &kind, &m.Title, &on, &m.Public, &m.Notes, &m.CreatedAt, &m.UpdatedAt, &m.Version)
	m.Kind = schedule.MilestoneKind(kind)
	m.Date, m.CreatedAt, m.UpdatedAt = partialOf(on), m.CreatedAt.UTC(), m.UpdatedAt.UTC()
	return m, err
}

// Milestones lists a strategy's milestones by date.
func (s *Store) Milestones(ctx context.Context, authorityID, strategyID int64) ([]schedule.MilestoneRecord, error) {
	return milestonesIn(ctx, s.db, authorityID, strategyID)
}

func milestonesIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]schedule.MilestoneRecord, error) {
	return queryAll(ctx, q, scanMilestone, "SELECT "+milestoneColumns+" FROM milestones WHERE authority_id = $1 AND strategy_id = $2 ORDER BY on_date, id",
		authorityID, strategyID)
}

// Milestone returns one milestone of an authority.
func (s *Store) Milestone(ctx context.Context, authorityID, id int64) (schedule.MilestoneRecord, error) {
	m, err := scanMilestone(s.db.QueryRowContext(ctx, "SELECT "+milestoneColumns+" FROM milestones WHERE authority_id = $1 AND id = $2", authorityID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	return m, err
}

// CreateMilestone adds a milestone to a strategy of the authority.
func (s *Store) CreateMilestone(ctx context.Context, by Actor, m *schedule.MilestoneRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, "SELECT 1 FROM strategies WHERE authority_id = $1 AND id = $2", m.AuthorityID, m.StrategyID).Scan(&one); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		t := now()
		m.CreatedAt, m.UpdatedAt, m.Version = t, t, 1
		err := tx.QueryRowContext(ctx, `INSERT INTO milestones (authority_id, strategy_id, kind, title, on_date, public, notes, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			m.AuthorityID, m.StrategyID, string(m.Kind), m.Title, m.Date.ISO(), m.Public, m.Notes, t, t).Scan(&m.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the milestone: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: m.AuthorityID, action: actionCreate, entity: "jalon", entityID: m.ID, summary: m.Title, after: m})
	})
}

// UpdateMilestone saves a milestone if nobody changed it since m.Version.
func (s *Store) UpdateMilestone(ctx context.Context, by Actor, m *schedule.MilestoneRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanMilestone(tx.QueryRowContext(ctx, "SELECT "+milestoneColumns+" FROM milestones WHERE authority_id = $1 AND id = $2", m.AuthorityID, m.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		t := now()
		res, err := tx.ExecContext(ctx, `UPDATE milestones SET kind = $1, title = $2, on_date = $3, public = $4, notes = $5, updated_at = $6, version = version + 1
			WHERE authority_id = $7 AND id = $8 AND version = $9`, string(m.Kind), m.Title, m.Date.ISO(), m.Public, m.Notes, t, m.AuthorityID, m.ID, m.Version)
		if err != nil {
			return fmt.Errorf("store: unable to save the milestone: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		m.StrategyID, m.CreatedAt, m.UpdatedAt, m.Version = before.StrategyID, before.CreatedAt, t, m.Version+1
		return audit(ctx, tx, by, change{authorityID: m.AuthorityID, action: actionUpdate, entity: "jalon", entityID: m.ID, summary: m.Title, before: before, after: m})
	})
}

// MilestoneUses counts what hangs on a milestone: activities whose start is relative to it, and dependencies.
func (s *Store) MilestoneUses(ctx context.Context, authorityID, id int64) (anchored, dependencies int, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM activity_schedules WHERE authority_id = $1 AND anchor_milestone_id = $2", authorityID, id).Scan(&anchored)
	if err == nil {
		err = s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM schedule_dependencies WHERE authority_id = $1 AND (from_milestone_id = $2 OR to_milestone_id = $2)",
			authorityID, id).Scan(&dependencies)
	}
	return anchored, dependencies, err
}

// DeleteMilestone removes a milestone and its dependencies; activities that started relative to it keep
// their schedule with a lost anchor, which the planning pages flag.
func (s *Store) DeleteMilestone(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanMilestone(tx.QueryRowContext(ctx, "SELECT "+milestoneColumns+" FROM milestones WHERE authority_id = $1 AND id = $2", authorityID, id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		// Explicit rather than left to the foreign keys, so both databases behave the same whatever their settings.
		if _, err := tx.ExecContext(ctx, "UPDATE activity_schedules SET anchor_milestone_id = NULL WHERE authority_id = $1 AND anchor_milestone_id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to detach the milestone: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM schedule_dependencies WHERE authority_id = $1 AND (from_milestone_id = $2 OR to_milestone_id = $2)", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the milestone's dependencies: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM milestones WHERE authority_id = $1 AND id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the milestone: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "jalon", entityID: id, summary: before.Title, before: before})
	})
}
