package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"boussole/internal/access"
	"boussole/internal/model"
	"boussole/internal/textkey"
)

const userColumns = "id, email, name, password_hash, platform_admin, created_at, version"

func scanUser(row interface{ Scan(...any) error }) (model.User, error) {
	var u model.User
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.PlatformAdmin, &u.CreatedAt, &u.Version)
	u.CreatedAt = u.CreatedAt.UTC()
	return u, err
}

// NormaliseEmail is how emails are compared and stored: trimmed and lower-cased.
func NormaliseEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// UserByEmail returns the account with that email.
func (s *Store) UserByEmail(ctx context.Context, email string) (model.User, error) {
	u, err := scanUser(s.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE email = $1", NormaliseEmail(email)))
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	return u, err
}

// UserByID returns an account.
func (s *Store) UserByID(ctx context.Context, id int64) (model.User, error) {
	u, err := scanUser(s.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE id = $1", id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	return u, err
}

// CountPlatformAdmins tells whether the platform has an administrator yet.
func (s *Store) CountPlatformAdmins(ctx context.Context) (int, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM users WHERE platform_admin = $1", true).Scan(&n)
	return n, err
}

// CreateUser creates an account outside any workspace (the platform administrator from the command line).
func (s *Store) CreateUser(ctx context.Context, u *model.User) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertUser(ctx, tx, u); err != nil {
			return err
		}
		return audit(ctx, tx, Actor{}, change{action: actionCreate, entity: "compte", entityID: u.ID, summary: u.Email, after: publicUser(*u)})
	})
}

func insertUser(ctx context.Context, q querier, u *model.User) error {
	u.Email = NormaliseEmail(u.Email)
	u.CreatedAt = now()
	u.Version = 1
	err := q.QueryRowContext(ctx, `INSERT INTO users (email, name, password_hash, platform_admin, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, u.Email, u.Name, u.PasswordHash, u.PlatformAdmin, u.CreatedAt).Scan(&u.ID)
	if isUniqueViolation(err) {
		return ErrDuplicate
	}
	if err != nil {
		return fmt.Errorf("store: unable to create the account: %w", err)
	}
	return nil
}

// publicUser is what the audit log keeps of an account: never the password hash.
func publicUser(u model.User) map[string]any {
	return map[string]any{"id": u.ID, "email": u.Email, "nom": u.Name, "administrateur_plateforme": u.PlatformAdmin}
}

// SignUp opens a new workspace with its first user as administrator, all or nothing.
func (s *Store) SignUp(ctx context.Context, a *model.Authority, u *model.User) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertAuthority(ctx, tx, a, textkey.Fold(a.Name)); err != nil {
			return err
		}
		if err := insertUser(ctx, tx, u); err != nil {
			return err
		}
		if err := insertMember(ctx, tx, a.ID, u.ID, access.Admin, ""); err != nil {
			return err
		}
		by := Actor{UserID: u.ID, Label: u.Name}
		if err := audit(ctx, tx, by, change{authorityID: a.ID, action: actionCreate, entity: "espace", entityID: a.ID, summary: a.Name, after: a}); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: a.ID, action: actionCreate, entity: "membre", entityID: u.ID,
			summary: u.Email + " (" + access.Admin.Label() + ")", after: publicUser(*u)})
	})
}

// SetPassword replaces a password hash and ends every session of the account, so a reset also signs
// out whoever knew the old password.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = $1, version = version + 1 WHERE id = $2", hash, userID); err != nil {
			return fmt.Errorf("store: unable to set the password: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = $1", userID); err != nil {
			return fmt.Errorf("store: unable to end sessions: %w", err)
		}
		return audit(ctx, tx, Actor{UserID: userID}, change{action: actionUpdate, entity: "compte", entityID: userID, summary: "mot de passe changé"})
	})
}
