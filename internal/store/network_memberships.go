package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"boussole/internal/organisation"
)

const membershipColumns = `id, authority_id, network, name, fee_cents, travel_cents, involvement, services, return_rating, assessment, version`

func scanMembership(row interface{ Scan(...any) error }) (organisation.Membership, error) {
	var m organisation.Membership
	var inv string
	err := row.Scan(&m.ID, &m.AuthorityID, &m.Network, &m.Name, &m.FeeCents, &m.TravelCents, &inv, &m.Services, &m.Return, &m.Assessment, &m.Version)
	for _, i := range strings.Fields(inv) {
		m.Involvement = append(m.Involvement, organisation.Involvement(i))
	}
	return m, err
}

func involvementText(m organisation.Membership) string {
	parts := make([]string, len(m.Involvement))
	for i, x := range m.Involvement {
		parts[i] = string(x)
	}
	return strings.Join(parts, " ")
}

// Memberships returns the authority's network memberships, by network. An authority is in a handful.
func (s *Store) Memberships(ctx context.Context, authorityID int64) ([]organisation.Membership, error) {
	return queryAll(ctx, s.db, scanMembership, "SELECT "+membershipColumns+" FROM network_memberships WHERE authority_id = $1 ORDER BY network, name, id", authorityID)
}

// Membership returns one of the authority's memberships.
func (s *Store) Membership(ctx context.Context, authorityID, id int64) (organisation.Membership, error) {
	return membershipIn(ctx, s.db, authorityID, id)
}

func membershipIn(ctx context.Context, q querier, authorityID, id int64) (organisation.Membership, error) {
	return queryOne(ctx, q, scanMembership, "SELECT "+membershipColumns+" FROM network_memberships WHERE authority_id = $1 AND id = $2", authorityID, id)
}

// SaveMembership creates a membership (ID 0) or saves it if nobody changed it since m.Version.
func (s *Store) SaveMembership(ctx context.Context, by Actor, m *organisation.Membership) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		args := []any{m.Network, m.Name, m.FeeCents, m.TravelCents, involvementText(*m), m.Services, m.Return, m.Assessment}
		if m.ID == 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO network_memberships (network, name, fee_cents, travel_cents, involvement, services, return_rating, assessment, authority_id)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, append(args, m.AuthorityID)...).Scan(&m.ID)
			if err != nil {
				return fmt.Errorf("store: unable to add the membership: %w", err)
			}
			m.Version = 1
			return audit(ctx, tx, by, change{authorityID: m.AuthorityID, action: actionCreate, entity: "adhésion à un réseau", entityID: m.ID, summary: m.Title(), after: *m})
		}
		before, err := membershipIn(ctx, tx, m.AuthorityID, m.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE network_memberships SET network = $1, name = $2, fee_cents = $3, travel_cents = $4, involvement = $5, services = $6,
			return_rating = $7, assessment = $8, version = version + 1 WHERE authority_id = $9 AND id = $10 AND version = $11`, append(args, m.AuthorityID, m.ID, m.Version)...)
		if err != nil {
			return fmt.Errorf("store: unable to save the membership: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		m.Version++
		return audit(ctx, tx, by, change{authorityID: m.AuthorityID, action: actionUpdate, entity: "adhésion à un réseau", entityID: m.ID, summary: m.Title(), before: before, after: *m})
	})
}

// DeleteMembership removes a membership if nobody changed it since version.
func (s *Store) DeleteMembership(ctx context.Context, by Actor, authorityID, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := membershipIn(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM network_memberships WHERE authority_id = $1 AND id = $2 AND version = $3", authorityID, id, version)
		if err != nil {
			return fmt.Errorf("store: unable to delete the membership: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "adhésion à un réseau", entityID: id, summary: before.Title(), before: before})
	})
}
