package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ChooseStrategy remembers, for one session, which strategy of an authority its pages show. It answers
// ErrNotFound when the strategy is not that authority's, so a session can never be pointed at another's.
// The choice is a way of looking, not a change to the authority's data: it is not written to the audit log.
func (s *Store) ChooseStrategy(ctx context.Context, tokenHash string, authorityID, strategyID int64) error {
	res, err := s.db.ExecContext(ctx, `INSERT INTO session_strategies (token_hash, authority_id, strategy_id)
		SELECT CAST($1 AS TEXT), authority_id, id FROM strategies WHERE authority_id = $2 AND id = $3
		ON CONFLICT (token_hash, authority_id) DO UPDATE SET strategy_id = excluded.strategy_id`, tokenHash, authorityID, strategyID)
	if err != nil {
		return fmt.Errorf("store: unable to remember the chosen strategy: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// ChosenStrategy returns the strategy a session chose for an authority, or 0 when it chose none (or the
// strategy is gone: the row goes with it).
func (s *Store) ChosenStrategy(ctx context.Context, tokenHash string, authorityID int64) (int64, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT c.strategy_id FROM session_strategies c JOIN strategies st ON st.id = c.strategy_id AND st.authority_id = c.authority_id
		WHERE c.token_hash = $1 AND c.authority_id = $2`, tokenHash, authorityID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: unable to read the chosen strategy: %w", err)
	}
	return id, nil
}
