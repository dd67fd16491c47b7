package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"boussole/internal/access"
	"boussole/internal/apitoken"
	"boussole/internal/model"
)

// CreateAPIToken stores a new token by the hash of its secret, for a member of the workspace only.
func (s *Store) CreateAPIToken(ctx context.Context, by Actor, t *apitoken.Token, hash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var role string
		err := tx.QueryRowContext(ctx, "SELECT role FROM memberships WHERE authority_id = $1 AND user_id = $2", t.AuthorityID, t.UserID).Scan(&role)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("store: unable to read the membership: %w", err)
		}
		t.CreatedAt = now()
		err = tx.QueryRowContext(ctx, `INSERT INTO api_tokens (authority_id, user_id, name, token_hash, prefix, writable, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, t.AuthorityID, t.UserID, t.Name, hash, t.Prefix, t.Writable, t.CreatedAt, t.ExpiresAt.UTC()).Scan(&t.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the token: %w", err)
		}
		scope := "lecture seule"
		if t.Writable {
			scope = "lecture et écriture"
		}
		return audit(ctx, tx, by, change{authorityID: t.AuthorityID, action: actionCreate, entity: "jeton d'API", entityID: t.ID,
			summary: t.Name + " (" + scope + ")"})
	})
}

const apiTokenColumns = "t.id, t.authority_id, a.name, t.user_id, t.name, t.prefix, t.writable, t.created_at, t.expires_at, t.last_used_at, t.revoked_at"

func scanAPIToken(row interface{ Scan(...any) error }, extra ...any) (apitoken.Token, error) {
	var t apitoken.Token
	var used, revoked sql.NullTime
	dest := append([]any{&t.ID, &t.AuthorityID, &t.AuthorityName, &t.UserID, &t.Name, &t.Prefix, &t.Writable, &t.CreatedAt, &t.ExpiresAt, &used, &revoked}, extra...)
	err := row.Scan(dest...)
	t.CreatedAt, t.ExpiresAt = t.CreatedAt.UTC(), t.ExpiresAt.UTC()
	t.LastUsedAt, t.RevokedAt = timeOf(used), timeOf(revoked)
	return t, err
}

// APITokens lists a person's tokens, newest first, revoked ones included (their history is shown).
func (s *Store) APITokens(ctx context.Context, userID int64) ([]apitoken.Token, error) {
	return queryAll(ctx, prepared{s}, func(row rowScanner) (apitoken.Token, error) { return scanAPIToken(row) },
		"SELECT "+apiTokenColumns+" FROM api_tokens t JOIN authorities a ON a.id = t.authority_id WHERE t.user_id = $1 ORDER BY t.created_at DESC, t.id DESC", userID)
}

// APIToken returns one of a person's tokens.
func (s *Store) APIToken(ctx context.Context, userID, id int64) (apitoken.Token, error) {
	t, err := scanAPIToken(s.queryRow(ctx, "SELECT "+apiTokenColumns+" FROM api_tokens t JOIN authorities a ON a.id = t.authority_id WHERE t.user_id = $1 AND t.id = $2", userID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	return t, err
}

// RevokeAPIToken ends one of a person's tokens; revoking it again changes nothing.
func (s *Store) RevokeAPIToken(ctx context.Context, by Actor, userID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var authorityID int64
		var name string
		err := tx.QueryRowContext(ctx, "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE user_id = $2 AND id = $3 RETURNING authority_id, name",
			now(), userID, id).Scan(&authorityID, &name)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("store: unable to revoke the token: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "jeton d'API", entityID: id, summary: name + " (révoqué)"})
	})
}

// APIBearer is who calls the API with a token: the token, its owner and the role the owner holds today in
// the token's workspace (a token never outlives its owner's membership).
type APIBearer struct {
	Token     apitoken.Token
	User      model.User
	Authority model.Authority
	Role      access.Role
}

// APITokenBearer finds the token of a secret's hash with its owner and workspace; ErrNotFound when it is
// unknown or its owner left the workspace, ErrExpired when it expired or was revoked.
func (s *Store) APITokenBearer(ctx context.Context, hash string) (APIBearer, error) {
	var b APIBearer
	var role string
	t, err := scanAPIToken(s.queryRow(ctx, "SELECT "+apiTokenColumns+", m.role FROM api_tokens t JOIN authorities a ON a.id = t.authority_id "+
		"JOIN memberships m ON m.authority_id = t.authority_id AND m.user_id = t.user_id WHERE t.token_hash = $1", hash), &role)
	if errors.Is(err, sql.ErrNoRows) {
		return b, ErrNotFound
	}
	if err != nil {
		return b, fmt.Errorf("store: unable to read the token: %w", err)
	}
	b.Token, b.Role = t, access.Role(role)
	if t.Status(now()) != apitoken.Active {
		return b, ErrExpired
	}
	if b.User, err = s.UserByID(ctx, t.UserID); err != nil {
		return b, err
	}
	if b.Authority, err = s.AuthorityByID(ctx, t.AuthorityID); err != nil {
		return b, err
	}
	return b, nil
}

// TouchAPIToken notes a token's use, at most once a minute so that a busy script does not write on every
// call.
func (s *Store) TouchAPIToken(ctx context.Context, id int64) error {
	t := now()
	_, err := s.db.ExecContext(ctx, "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)", t, id, t.Add(-time.Minute))
	return err
}
