package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"boussole/internal/funding"
)

const callColumns = "id, COALESCE(authority_id, 0), programme, title, opens_on, deadline, decision_on, url, notes, version"

func scanCall(row interface{ Scan(...any) error }) (funding.Call, error) {
	var c funding.Call
	var opens, deadline, decision string
	err := row.Scan(&c.ID, &c.AuthorityID, &c.Programme, &c.Title, &opens, &deadline, &decision, &c.URL, &c.Notes, &c.Version)
	c.Opens, c.Deadline, c.Decision = isoDay(opens), isoDay(deadline), isoDay(decision)
	return c, err
}

// optionalDay writes a day that may be unknown: empty text for unknown.
func optionalDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dayArg(t)
}

// Calls lists the calls an authority sees, by deadline: the platform's and its own, from the day given on.
func (s *Store) Calls(ctx context.Context, authorityID int64, from time.Time) ([]funding.Call, error) {
	return queryAll(ctx, s.db, scanCall, "SELECT "+callColumns+` FROM programme_calls
		WHERE (authority_id IS NULL OR authority_id = $1) AND deadline >= $2 ORDER BY deadline, id`, authorityID, dayArg(from))
}

// Call returns one call the authority sees; ErrNotFound for another authority's.
func (s *Store) Call(ctx context.Context, authorityID, id int64) (funding.Call, error) {
	return queryOne(ctx, s.db, scanCall, "SELECT "+callColumns+" FROM programme_calls WHERE id = $1 AND (authority_id IS NULL OR authority_id = $2)",
		id, authorityID)
}

// CreateCall records a call: the platform's when c.AuthorityID is 0, else the authority's own, logged in its journal.
func (s *Store) CreateCall(ctx context.Context, by Actor, c *funding.Call) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := now()
		var owner any
		if c.AuthorityID != 0 {
			owner = c.AuthorityID
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO programme_calls (authority_id, programme, title, opens_on, deadline, decision_on, url, notes,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, owner, c.Programme, c.Title, optionalDay(c.Opens),
			dayArg(c.Deadline), optionalDay(c.Decision), c.URL, c.Notes, t, t).Scan(&c.ID); err != nil {
			return fmt.Errorf("store: unable to record the call: %w", err)
		}
		c.Version = 1
		// A platform call goes in the platform's journal (authority 0), which moves the pages that show it.
		return audit(ctx, tx, by, change{authorityID: c.AuthorityID, action: actionCreate, entity: "appel à projets", entityID: c.ID,
			summary: c.Title + " (" + c.Programme + ")", after: *c})
	})
}

// DeleteCall removes one of the authority's own calls; the platform's are not the authority's to remove.
func (s *Store) DeleteCall(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := queryOne(ctx, tx, scanCall, "SELECT "+callColumns+" FROM programme_calls WHERE id = $1 AND authority_id = $2", id, authorityID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM programme_calls WHERE id = $1 AND authority_id = $2", id, authorityID); err != nil {
			return fmt.Errorf("store: unable to delete the call: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "appel à projets", entityID: id,
			summary: c.Title, before: c})
	})
}

// PlatformCalls lists the calls the platform enters, every one (past ones too), by deadline.
func (s *Store) PlatformCalls(ctx context.Context) ([]funding.Call, error) {
	return queryAll(ctx, s.db, scanCall, "SELECT "+callColumns+" FROM programme_calls WHERE authority_id IS NULL ORDER BY deadline DESC, id DESC")
}

// DeletePlatformCall removes a call the platform entered, in the platform's journal.
func (s *Store) DeletePlatformCall(ctx context.Context, by Actor, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := queryOne(ctx, tx, scanCall, "SELECT "+callColumns+" FROM programme_calls WHERE id = $1 AND authority_id IS NULL", id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM programme_calls WHERE id = $1 AND authority_id IS NULL", id); err != nil {
			return fmt.Errorf("store: unable to delete the call: %w", err)
		}
		return audit(ctx, tx, by, change{action: actionDelete, entity: "appel à projets", entityID: id, summary: c.Title, before: c})
	})
}
