package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SetCalendarToken gives a person a new secret for their calendar feeds in one workspace, replacing the
// previous one, whose links stop working. Only the hash is stored.
func (s *Store) SetCalendarToken(ctx context.Context, by Actor, authorityID, userID int64, tokenHash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM calendar_tokens WHERE authority_id = $1 AND user_id = $2", authorityID, userID); err != nil {
			return fmt.Errorf("store: unable to replace the calendar link: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO calendar_tokens (authority_id, user_id, token_hash, created_at) VALUES ($1, $2, $3, $4)",
			authorityID, userID, tokenHash, now()); err != nil {
			return fmt.Errorf("store: unable to create the calendar link: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "lien d'agenda", entityID: userID,
			summary: "nouveau lien d'abonnement"})
	})
}

// CalendarTokenCreated returns when a person's calendar secret was made; ErrNotFound when they have none.
func (s *Store) CalendarTokenCreated(ctx context.Context, authorityID, userID int64) (time.Time, error) {
	var t time.Time
	err := s.db.QueryRowContext(ctx, "SELECT created_at FROM calendar_tokens WHERE authority_id = $1 AND user_id = $2", authorityID, userID).Scan(&t)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	return t.UTC(), err
}

// CalendarTokenOwner returns the workspace and the person a calendar secret belongs to.
func (s *Store) CalendarTokenOwner(ctx context.Context, tokenHash string) (authorityID, userID int64, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT authority_id, user_id FROM calendar_tokens WHERE token_hash = $1", tokenHash).Scan(&authorityID, &userID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, ErrNotFound
	}
	return authorityID, userID, err
}
