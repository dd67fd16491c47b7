package store

import (
	"context"
	"fmt"
	"time"
)

// ClaimDigest records that the monitoring digest of week (« 2026-W49 ») goes to the user for the
// authority, and reports whether this call claimed it: false when it was already sent, by this instance or
// another, so that each person gets it once.
func (s *Store) ClaimDigest(ctx context.Context, authorityID, userID int64, week string, at time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO monitoring_digests (authority_id, user_id, week, sent_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (authority_id, user_id, week) DO NOTHING`, authorityID, userID, week, at.UTC())
	if err != nil {
		return false, fmt.Errorf("store: unable to record the digest: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// SetWeeklyDigest records whether a person receives the weekly digest by email (they do by default).
func (s *Store) SetWeeklyDigest(ctx context.Context, userID int64, on bool) error {
	var err error
	if on {
		_, err = s.db.ExecContext(ctx, "DELETE FROM digest_optouts WHERE user_id = $1", userID)
	} else {
		_, err = s.db.ExecContext(ctx, "INSERT INTO digest_optouts (user_id, created_at) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING", userID, now())
	}
	if err != nil {
		return fmt.Errorf("store: unable to record the digest choice: %w", err)
	}
	return nil
}

// WeeklyDigestOff lists the people who asked not to receive the weekly digest.
func (s *Store) WeeklyDigestOff(ctx context.Context) (map[int64]bool, error) {
	ids, err := queryAll(ctx, s.db, scanInto(func(id *int64) []any { return []any{id} }), "SELECT user_id FROM digest_optouts")
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, err
}

// WeeklyDigestOn reports whether a person receives the weekly digest.
func (s *Store) WeeklyDigestOn(ctx context.Context, userID int64) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM digest_optouts WHERE user_id = $1", userID).Scan(&n)
	return n == 0, err
}
