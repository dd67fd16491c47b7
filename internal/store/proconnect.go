package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"boussole/internal/model"
	"boussole/internal/proconnect"
)

// CreateOIDCFlow keeps a sign-in under way by the hash of its state, until the provider sends the
// browser back.
func (s *Store) CreateOIDCFlow(ctx context.Context, stateHash string, f proconnect.Flow, next string, ttl time.Duration) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO oidc_flows (state_hash, nonce, verifier, next_path, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		stateHash, f.Nonce, f.Verifier, next, now().Add(ttl))
	if err != nil {
		return fmt.Errorf("store: unable to keep the sign-in: %w", err)
	}
	return nil
}

// TakeOIDCFlow returns and forgets the sign-in of a state: a state serves once. ErrNotFound when it is
// unknown or already used, ErrExpired when it came back too late.
func (s *Store) TakeOIDCFlow(ctx context.Context, stateHash string) (proconnect.Flow, string, error) {
	var f proconnect.Flow
	var next string
	var expires time.Time
	err := s.db.QueryRowContext(ctx, `DELETE FROM oidc_flows WHERE state_hash = $1 RETURNING nonce, verifier, next_path, expires_at`, stateHash).
		Scan(&f.Nonce, &f.Verifier, &next, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return f, "", ErrNotFound
	}
	if err != nil {
		return f, "", fmt.Errorf("store: unable to read the sign-in: %w", err)
	}
	if !expires.After(now()) {
		return f, "", ErrExpired
	}
	return f, next, nil
}

// UserByIdentity returns the account tied to a ProConnect identity and notes what the provider says of
// it today (its email and SIRET may change; the key does not).
func (s *Store) UserByIdentity(ctx context.Context, id proconnect.Identity) (model.User, error) {
	var userID int64
	err := s.queryRow(ctx, `UPDATE oidc_identities SET email = $1, siret = $2, last_seen_at = $3 WHERE issuer = $4 AND subject = $5 AND idp_id = $6 RETURNING user_id`,
		id.Email, id.SIRET, now(), id.Issuer, id.Subject, id.IdpID).Scan(&userID)
	if errors.Is(err, sql.ErrNoRows) {
		return model.User{}, ErrNotFound
	}
	if err != nil {
		return model.User{}, fmt.Errorf("store: unable to read the identity: %w", err)
	}
	return s.UserByID(ctx, userID)
}

// SignUpWithIdentity creates an account without a password for a person ProConnect vouches for, and
// ties the identity to it, all at once.
func (s *Store) SignUpWithIdentity(ctx context.Context, u *model.User, id proconnect.Identity) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertUser(ctx, tx, u); err != nil {
			return err
		}
		if err := insertIdentity(ctx, tx, u.ID, id); err != nil {
			return err
		}
		return audit(ctx, tx, Actor{UserID: u.ID, Label: u.Name}, change{action: actionCreate, entity: "compte", entityID: u.ID,
			summary: u.Email + " (ProConnect)", after: publicUser(*u)})
	})
}

func insertIdentity(ctx context.Context, q querier, userID int64, id proconnect.Identity) error {
	t := now()
	_, err := q.ExecContext(ctx, `INSERT INTO oidc_identities (user_id, issuer, subject, idp_id, email, siret, created_at, last_seen_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, userID, id.Issuer, id.Subject, id.IdpID, id.Email, id.SIRET, t)
	if isUniqueViolation(err) {
		return ErrDuplicate
	}
	if err != nil {
		return fmt.Errorf("store: unable to tie the identity: %w", err)
	}
	return nil
}

// CreateIdentityLink keeps a verified identity whose email is userID's account, until the person proves
// the account is theirs.
func (s *Store) CreateIdentityLink(ctx context.Context, tokenHash string, userID int64, id proconnect.Identity, idToken string, ttl time.Duration) error {
	t := now()
	_, err := s.db.ExecContext(ctx, `INSERT INTO oidc_links (token_hash, user_id, issuer, subject, idp_id, email, siret, id_token, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, tokenHash, userID, id.Issuer, id.Subject, id.IdpID, id.Email, id.SIRET, idToken, t, t.Add(ttl))
	if err != nil {
		return fmt.Errorf("store: unable to keep the link: %w", err)
	}
	return nil
}

// IdentityLink returns the account a pending link would tie an identity to; ErrNotFound or ErrExpired.
func (s *Store) IdentityLink(ctx context.Context, tokenHash string) (model.User, error) {
	return s.identityLink(ctx, "token_hash", tokenHash)
}

// IdentityLinkByEmailToken is IdentityLink for the link sent by email.
func (s *Store) IdentityLinkByEmailToken(ctx context.Context, emailTokenHash string) (model.User, error) {
	return s.identityLink(ctx, "email_token_hash", emailTokenHash)
}

func (s *Store) identityLink(ctx context.Context, column, hash string) (model.User, error) {
	var userID int64
	var expires time.Time
	err := s.queryRow(ctx, "SELECT user_id, expires_at FROM oidc_links WHERE "+column+" = $1", hash).Scan(&userID, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return model.User{}, ErrNotFound
	}
	if err != nil {
		return model.User{}, fmt.Errorf("store: unable to read the link: %w", err)
	}
	if !expires.After(now()) {
		return model.User{}, ErrExpired
	}
	return s.UserByID(ctx, userID)
}

// SetIdentityLinkEmailToken adds the token of the link sent by email to a pending link.
func (s *Store) SetIdentityLinkEmailToken(ctx context.Context, tokenHash, emailTokenHash string) error {
	res, err := s.db.ExecContext(ctx, "UPDATE oidc_links SET email_token_hash = $1 WHERE token_hash = $2 AND expires_at > $3", emailTokenHash, tokenHash, now())
	if err != nil {
		return fmt.Errorf("store: unable to note the emailed link: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrExpired
	}
	return nil
}

// CompleteIdentityLink ties the identity of a pending link to its account, once the person proved it is
// theirs, and forgets the link; byEmail says which of its two tokens hash is. It returns the account
// and the ID token of the sign-in that started it.
func (s *Store) CompleteIdentityLink(ctx context.Context, hash string, byEmail bool) (userID int64, idToken string, err error) {
	column := "token_hash"
	if byEmail {
		column = "email_token_hash"
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var id proconnect.Identity
		err := tx.QueryRowContext(ctx, "DELETE FROM oidc_links WHERE "+column+" = $1 AND expires_at > $2 RETURNING user_id, issuer, subject, idp_id, email, siret, id_token",
			hash, now()).Scan(&userID, &id.Issuer, &id.Subject, &id.IdpID, &id.Email, &id.SIRET, &idToken)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrExpired
		}
		if err != nil {
			return fmt.Errorf("store: unable to use the link: %w", err)
		}
		if err := insertIdentity(ctx, tx, userID, id); err != nil {
			return err
		}
		return audit(ctx, tx, Actor{UserID: userID}, change{action: actionUpdate, entity: "compte", entityID: userID, summary: "compte relié à ProConnect"})
	})
	return userID, idToken, err
}

// IdentitySIRETs returns the SIRETs ProConnect gave for the account's identities, most recent first.
func (s *Store) IdentitySIRETs(ctx context.Context, userID int64) ([]string, error) {
	return queryAll(ctx, prepared{s}, scanColumn[string], "SELECT siret FROM oidc_identities WHERE user_id = $1 AND siret <> '' ORDER BY last_seen_at DESC", userID)
}

// CreateSessionWithIDToken is CreateSession for a ProConnect sign-in, keeping its ID token for sign-out.
func (s *Store) CreateSessionWithIDToken(ctx context.Context, tokenHash string, userID int64, ttl time.Duration, userAgent, idToken string) error {
	return s.createSession(ctx, tokenHash, userID, ttl, userAgent, idToken)
}

// EndSession deletes a session and returns the ID token it was opened with (” for a password one).
func (s *Store) EndSession(ctx context.Context, tokenHash string) (string, error) {
	var idToken string
	err := s.db.QueryRowContext(ctx, "DELETE FROM sessions WHERE token_hash = $1 RETURNING id_token", tokenHash).Scan(&idToken)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return idToken, err
}
