package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"boussole/internal/model"
)

// CreateSession stores a session by the hash of its token; the token itself never reaches the database.
func (s *Store) CreateSession(ctx context.Context, tokenHash string, userID int64, ttl time.Duration, userAgent string) error {
	return s.createSession(ctx, tokenHash, userID, ttl, userAgent, "")
}

func (s *Store) createSession(ctx context.Context, tokenHash string, userID int64, ttl time.Duration, userAgent, idToken string) error {
	t := now()
	if len(userAgent) > 200 {
		userAgent = userAgent[:200]
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, user_agent, id_token) VALUES ($1, $2, $3, $4, $5, $6)`,
		tokenHash, userID, t, t.Add(ttl), userAgent, idToken)
	if err != nil {
		return fmt.Errorf("store: unable to create the session: %w", err)
	}
	return nil
}

// SessionUser returns the user of a live session; ErrNotFound when it is unknown or expired.
func (s *Store) SessionUser(ctx context.Context, tokenHash string) (model.User, error) {
	u, err := scanUser(s.queryRow(ctx, `SELECT `+prefixed("u.", userColumns)+` FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND s.expires_at > $2`, tokenHash, now()))
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("store: unable to read the session: %w", err)
	}
	return u, nil
}

// DeleteSession ends one session.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE token_hash = $1", tokenHash)
	return err
}

// DeleteUserSessions ends every session of a user: "sign out everywhere".
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) (int64, error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = $1", userID)
	if err != nil {
		return 0, fmt.Errorf("store: unable to end sessions: %w", err)
	}
	return res.RowsAffected()
}

// CountSessions returns how many live sessions a user has.
func (s *Store) CountSessions(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2", userID, now()).Scan(&n)
	return n, err
}

// PurgeExpired removes expired sessions, tokens and old login failures; run periodically.
func (s *Store) PurgeExpired(ctx context.Context) error {
	t := now()
	purges := []struct {
		query  string
		before time.Time
	}{
		{"DELETE FROM sessions WHERE expires_at <= $1", t},
		{"DELETE FROM password_resets WHERE expires_at <= $1", t},
		{"DELETE FROM login_failures WHERE at <= $1", t.Add(-24 * time.Hour)},
		{"DELETE FROM oidc_flows WHERE expires_at <= $1", t},
		{"DELETE FROM oidc_links WHERE expires_at <= $1", t},
	}
	for _, p := range purges {
		if _, err := s.db.ExecContext(ctx, p.query, p.before); err != nil {
			return fmt.Errorf("store: purge: %w", err)
		}
	}
	return nil
}

// BeginLoginAttempt notes a sign-in attempt under a throttling key (an account or an address) before its
// password is checked, and counts the key's other attempts since a moment. The attempt counts as a failure
// until ForgetLoginAttempt says it succeeded, so that attempts made at the same time, on several
// instances, each see the others and cannot slip through together.
func (s *Store) BeginLoginAttempt(ctx context.Context, key string, since time.Time) (id int64, earlier int, err error) {
	if err := s.queryRow(ctx, "INSERT INTO login_failures (throttle_key, at) VALUES ($1, $2) RETURNING id", key, now()).Scan(&id); err != nil {
		return 0, 0, fmt.Errorf("store: unable to note the attempt: %w", err)
	}
	err = s.queryRow(ctx, "SELECT COUNT(*) FROM login_failures WHERE throttle_key = $1 AND at > $2 AND id <> $3", key, since.UTC(), id).Scan(&earlier)
	if err != nil {
		return id, 0, fmt.Errorf("store: unable to count the attempts: %w", err)
	}
	return id, earlier, nil
}

// ForgetLoginAttempt removes an attempt that turned out to succeed.
func (s *Store) ForgetLoginAttempt(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM login_failures WHERE id = $1", id)
	return err
}

// ClearLoginFailures forgets the failures under a key: after a successful sign-in or a password reset.
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM login_failures WHERE throttle_key = $1", key)
	return err
}
