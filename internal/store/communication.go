package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"boussole/internal/communication"
)

const commColumns = `id, authority_id, kind, title, start_on, end_on, owner, audience, done, notes, version`

func scanCommAction(row interface{ Scan(...any) error }) (communication.Action, error) {
	var a communication.Action
	var kind string
	var end sql.NullTime
	err := row.Scan(&a.ID, &a.AuthorityID, &kind, &a.Title, &a.Start, &end, &a.Owner, &a.Audience, &a.Done, &a.Notes, &a.Version)
	a.Kind = communication.Kind(kind)
	a.Start = time.Date(a.Start.Year(), a.Start.Month(), a.Start.Day(), 0, 0, 0, 0, time.UTC)
	if e := timeOf(end); !e.IsZero() {
		a.End = time.Date(e.Year(), e.Month(), e.Day(), 0, 0, 0, 0, time.UTC)
	}
	return a, err
}

// CommunicationPlan lists the authority's communication actions by start date.
func (s *Store) CommunicationPlan(ctx context.Context, authorityID int64) ([]communication.Action, error) {
	return queryAll(ctx, s.db, scanCommAction, "SELECT "+commColumns+" FROM communication_actions WHERE authority_id = $1 ORDER BY start_on, id", authorityID)
}

// CommunicationAction returns one action of the authority.
func (s *Store) CommunicationAction(ctx context.Context, authorityID, id int64) (communication.Action, error) {
	return queryOne(ctx, s.db, scanCommAction, "SELECT "+commColumns+" FROM communication_actions WHERE authority_id = $1 AND id = $2", authorityID, id)
}

// SaveCommunicationAction creates (ID 0) or updates an action if nobody changed it since a.Version.
func (s *Store) SaveCommunicationAction(ctx context.Context, by Actor, a *communication.Action) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := now()
		action := actionUpdate
		if a.ID == 0 {
			action = actionCreate
			if err := tx.QueryRowContext(ctx, `INSERT INTO communication_actions (authority_id, kind, title, start_on, end_on, owner, audience, done, notes,
				created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`, a.AuthorityID, string(a.Kind), a.Title,
				nullDate(a.Start), nullDate(a.End), a.Owner, a.Audience, a.Done, a.Notes, t, t).Scan(&a.ID); err != nil {
				return fmt.Errorf("store: unable to create the communication action: %w", err)
			}
			a.Version = 1
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE communication_actions SET kind = $1, title = $2, start_on = $3, end_on = $4, owner = $5, audience = $6,
				done = $7, notes = $8, updated_at = $9, version = version + 1 WHERE authority_id = $10 AND id = $11 AND version = $12`, string(a.Kind), a.Title,
				nullDate(a.Start), nullDate(a.End), a.Owner, a.Audience, a.Done, a.Notes, t, a.AuthorityID, a.ID, a.Version)
			if err := updated(res, err, "communication action"); err != nil {
				return err
			}
			a.Version++
		}
		return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: action, entity: "action de communication", entityID: a.ID, summary: a.Title, after: a})
	})
}

// DeleteCommunicationAction removes an action of the authority.
func (s *Store) DeleteCommunicationAction(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM communication_actions WHERE authority_id = $1 AND id = $2", authorityID, id)
		if err != nil {
			return fmt.Errorf("store: unable to delete the communication action: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "action de communication", entityID: id})
	})
}
