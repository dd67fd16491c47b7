package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"boussole/internal/access"
	"boussole/internal/model"
)

// ErrExpired is returned for a token that exists but can no longer be used.
var ErrExpired = errors.New("store: expired or used")

// CreatePasswordReset stores a single-use reset token by its hash, with the link for the administrator.
func (s *Store) CreatePasswordReset(ctx context.Context, tokenHash string, userID int64, link string, ttl time.Duration) error {
	t := now()
	_, err := s.db.ExecContext(ctx, `INSERT INTO password_resets (token_hash, user_id, link, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		tokenHash, userID, link, t, t.Add(ttl))
	if err != nil {
		return fmt.Errorf("store: unable to create the reset: %w", err)
	}
	return nil
}

// PasswordResetUser returns the user a live reset token belongs to, without using it.
func (s *Store) PasswordResetUser(ctx context.Context, tokenHash string) (model.User, error) {
	var userID int64
	var expires time.Time
	var used sql.NullTime
	err := s.queryRow(ctx, "SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1", tokenHash).Scan(&userID, &expires, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return model.User{}, ErrNotFound
	}
	if err != nil {
		return model.User{}, fmt.Errorf("store: unable to read the reset: %w", err)
	}
	if used.Valid || !expires.After(now()) {
		return model.User{}, ErrExpired
	}
	return s.UserByID(ctx, userID)
}

// ResetPassword uses a reset token once: it sets the new hash, marks the token and every other
// outstanding link of the same person used, and ends every session, in one transaction so that no link
// can ever serve twice or after another one.
func (s *Store) ResetPassword(ctx context.Context, tokenHash, newHash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var userID int64
		err := tx.QueryRowContext(ctx, `UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id`,
			now(), tokenHash).Scan(&userID)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrExpired
		}
		if err != nil {
			return fmt.Errorf("store: unable to use the reset: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL", now(), userID); err != nil {
			return fmt.Errorf("store: unable to end the other resets: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = $1, version = version + 1 WHERE id = $2", newHash, userID); err != nil {
			return fmt.Errorf("store: unable to set the password: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = $1", userID); err != nil {
			return err
		}
		return audit(ctx, tx, Actor{UserID: userID}, change{action: actionUpdate, entity: "compte", entityID: userID, summary: "mot de passe réinitialisé"})
	})
}

// PendingPasswordResets lists live reset links, for the platform administrator when no mail server is set.
func (s *Store) PendingPasswordResets(ctx context.Context) ([]model.PasswordReset, error) {
	return queryAll(ctx, prepared{s}, scanInto(func(r *model.PasswordReset) []any { return []any{&r.Email, &r.Link, &r.CreatedAt, &r.ExpiresAt} }),
		`SELECT u.email, r.link, r.created_at, r.expires_at FROM password_resets r JOIN users u ON u.id = r.user_id
		WHERE r.used_at IS NULL AND r.expires_at > $1 ORDER BY r.created_at DESC`, now())
}

// CreateInvitation stores an invitation to a workspace by the hash of its token.
func (s *Store) CreateInvitation(ctx context.Context, by Actor, tokenHash string, inv model.Invitation, ttl time.Duration) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := now()
		_, err := tx.ExecContext(ctx, `INSERT INTO invitations (token_hash, authority_id, email, role, invited_by, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, tokenHash, inv.AuthorityID, NormaliseEmail(inv.Email), string(inv.Role), nullID(by.UserID), t, t.Add(ttl))
		if err != nil {
			return fmt.Errorf("store: unable to create the invitation: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: inv.AuthorityID, action: actionCreate, entity: "invitation", entityID: NormaliseEmail(inv.Email),
			summary: NormaliseEmail(inv.Email) + " (" + inv.Role.Label() + ")"})
	})
}

// Invitation returns an invitation by its token hash; ErrExpired when it is past or already used.
func (s *Store) Invitation(ctx context.Context, tokenHash string) (model.Invitation, error) {
	var inv model.Invitation
	var role string
	var accepted sql.NullTime
	err := s.queryRow(ctx, `SELECT authority_id, email, role, created_at, expires_at, accepted_at FROM invitations WHERE token_hash = $1`, tokenHash).
		Scan(&inv.AuthorityID, &inv.Email, &role, &inv.CreatedAt, &inv.ExpiresAt, &accepted)
	if errors.Is(err, sql.ErrNoRows) {
		return inv, ErrNotFound
	}
	if err != nil {
		return inv, fmt.Errorf("store: unable to read the invitation: %w", err)
	}
	inv.Role = access.Role(role)
	inv.AcceptedAt = timeOf(accepted)
	if accepted.Valid || !inv.ExpiresAt.After(now()) {
		return inv, ErrExpired
	}
	return inv, nil
}

// AcceptInvitation makes the user a member with the invited role and uses the invitation, all at once.
// newUser, when not nil, is created first (a person without an account yet).
func (s *Store) AcceptInvitation(ctx context.Context, tokenHash string, userID int64, newUser *model.User) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var authorityID int64
		var role string
		err := tx.QueryRowContext(ctx, `UPDATE invitations SET accepted_at = $1 WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $1 RETURNING authority_id, role`,
			now(), tokenHash).Scan(&authorityID, &role)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrExpired
		}
		if err != nil {
			return fmt.Errorf("store: unable to use the invitation: %w", err)
		}
		if newUser != nil {
			if err := insertUser(ctx, tx, newUser); err != nil {
				return err
			}
			userID = newUser.ID
		}
		if err := insertMember(ctx, tx, authorityID, userID, access.Role(role), ""); err != nil {
			return err
		}
		return audit(ctx, tx, Actor{UserID: userID}, change{authorityID: authorityID, action: actionCreate, entity: "membre", entityID: userID,
			summary: "invitation acceptée (" + access.Role(role).Label() + ")"})
	})
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
