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
