package store

import (
	"context"
	"database/sql"
	"fmt"

	"boussole/internal/model"
)

// Grants lists the accompagnateurs of a workspace, active first.
func (s *Store) Grants(ctx context.Context, authorityID int64) ([]model.Grant, error) {
	return queryAll(ctx, prepared{s}, func(row rowScanner) (model.Grant, error) {
		g := model.Grant{AuthorityID: authorityID}
		var revoked sql.NullTime
		err := row.Scan(&g.ID, &g.Organisation, &g.CreatedAt, &revoked, &g.User.ID, &g.User.Email, &g.User.Name)
		g.RevokedAt = timeOf(revoked)
		return g, err
	}, `SELECT g.id, g.organisation, g.created_at, g.revoked_at, u.id, u.email, u.name
		FROM grants g JOIN users u ON u.id = g.user_id WHERE g.authority_id = $1 ORDER BY g.revoked_at IS NOT NULL, g.created_at DESC`, authorityID)
}

// CreateGrant gives an existing account accompagnateur access to a workspace.
func (s *Store) CreateGrant(ctx context.Context, by Actor, authorityID, userID int64, organisation string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO grants (authority_id, user_id, organisation, granted_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			authorityID, userID, organisation, nullID(by.UserID), now()).Scan(&id)
		if err != nil {
			return fmt.Errorf("store: unable to create the grant: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "accompagnement", entityID: id, summary: organisation})
	})
}

// RevokeGrant ends an accompagnateur's access at once.
func (s *Store) RevokeGrant(ctx context.Context, by Actor, authorityID, grantID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE grants SET revoked_at = $1 WHERE id = $2 AND authority_id = $3 AND revoked_at IS NULL", now(), grantID, authorityID)
		if err != nil {
			return fmt.Errorf("store: unable to revoke the grant: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "accompagnement", entityID: grantID, summary: "accès révoqué"})
	})
}

// CreateAccessRequest records a request to join an existing workspace.
func (s *Store) CreateAccessRequest(ctx context.Context, r model.AccessRequest) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO access_requests (authority_id, email, name, message, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			r.AuthorityID, NormaliseEmail(r.Email), r.Name, r.Message, now()).Scan(&id)
		if err != nil {
			return fmt.Errorf("store: unable to record the request: %w", err)
		}
		return audit(ctx, tx, Actor{Label: r.Name}, change{authorityID: r.AuthorityID, action: actionCreate, entity: "demande d'accès", entityID: id, summary: NormaliseEmail(r.Email)})
	})
}

// AccessRequests lists a workspace's pending requests to join.
func (s *Store) AccessRequests(ctx context.Context, authorityID int64) ([]model.AccessRequest, error) {
	return queryAll(ctx, prepared{s}, func(row rowScanner) (model.AccessRequest, error) {
		r := model.AccessRequest{AuthorityID: authorityID}
		return r, row.Scan(&r.ID, &r.Email, &r.Name, &r.Message, &r.CreatedAt)
	}, `SELECT id, email, name, message, created_at FROM access_requests WHERE authority_id = $1 AND handled_at IS NULL ORDER BY created_at`, authorityID)
}

// CloseAccessRequest marks a request handled (the administrator invited the person or declined).
func (s *Store) CloseAccessRequest(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE access_requests SET handled_at = $1 WHERE id = $2 AND authority_id = $3 AND handled_at IS NULL", now(), id, authorityID)
		if err != nil {
			return fmt.Errorf("store: unable to close the request: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "demande d'accès", entityID: id, summary: "traitée"})
	})
}
