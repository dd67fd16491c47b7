package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/monitoring"
)

// IndicatorOwners returns who keeps each indicator of a strategy up to date and its weight, by indicator, in
// one query. Owners who left the workspace are left out: they can no longer update anything.
func (s *Store) IndicatorOwners(ctx context.Context, authorityID, strategyID int64) (map[int64]monitoring.Owner, error) {
	return ownersOf(ctx, s.db, authorityID, strategyID)
}

func ownersOf(ctx context.Context, q querier, authorityID, strategyID int64) (map[int64]monitoring.Owner, error) {
	list, err := queryAll(ctx, q, func(r interface{ Scan(...any) error }) (monitoring.Owner, error) {
		var o monitoring.Owner
		var user, weight sql.NullInt64
		err := r.Scan(&o.IndicatorID, &o.AuthorityID, &user, &weight, &o.Version)
		o.UserID, o.Weight = user.Int64, int(weight.Int64)
		return o, err
	}, `SELECT o.indicator_id, o.authority_id, CASE WHEN m.user_id IS NULL THEN NULL ELSE o.user_id END, o.weight, o.version
		FROM indicator_owners o JOIN indicators i ON i.id = o.indicator_id
		LEFT JOIN memberships m ON m.authority_id = o.authority_id AND m.user_id = o.user_id
		WHERE o.authority_id = $1 AND i.strategy_id = $2`, authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]monitoring.Owner, len(list))
	for _, o := range list {
		out[o.IndicatorID] = o
	}
	return out, nil
}

// ErrNotMember is returned when an indicator's owner is not a member of the workspace.
var ErrNotMember = errors.New("store: the owner is not a member of the workspace")

// SaveIndicatorOwner names who keeps an indicator up to date and sets its weight. o.Version is the version
// read (0 when none was saved yet); a stale one is ErrConflict. The owner must be a member of the workspace.
func (s *Store) SaveIndicatorOwner(ctx context.Context, by Actor, o *monitoring.Owner) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := indicatorOfAuthority(ctx, tx, o.AuthorityID, o.IndicatorID); err != nil {
			return err
		}
		if o.UserID != 0 {
			var one int
			err := tx.QueryRowContext(ctx, "SELECT 1 FROM memberships WHERE authority_id = $1 AND user_id = $2", o.AuthorityID, o.UserID).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotMember
			}
			if err != nil {
				return fmt.Errorf("store: unable to check the owner: %w", err)
			}
		}
		var before monitoring.Owner
		var user, weight sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT user_id, weight, version FROM indicator_owners WHERE authority_id = $1 AND indicator_id = $2",
			o.AuthorityID, o.IndicatorID).Scan(&user, &weight, &before.Version)
		exists := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: unable to read the owner: %w", err)
		}
		before.IndicatorID, before.AuthorityID, before.UserID, before.Weight = o.IndicatorID, o.AuthorityID, user.Int64, int(weight.Int64)
		if before.Version != o.Version {
			return ErrConflict
		}
		t := now()
		var w any
		if o.Weight > 0 {
			w = o.Weight
		}
		action := actionCreate
		if exists {
			action = actionUpdate
			res, err := tx.ExecContext(ctx, `UPDATE indicator_owners SET user_id = $1, weight = $2, updated_at = $3, version = version + 1
				WHERE authority_id = $4 AND indicator_id = $5 AND version = $6`, nullID(o.UserID), w, t, o.AuthorityID, o.IndicatorID, o.Version)
			if err := updated(res, err, "indicator owner"); err != nil {
				return err
			}
		} else if _, err := tx.ExecContext(ctx, `INSERT INTO indicator_owners (indicator_id, authority_id, user_id, weight, updated_at) VALUES ($1, $2, $3, $4, $5)`,
			o.IndicatorID, o.AuthorityID, nullID(o.UserID), w, t); err != nil {
			return fmt.Errorf("store: unable to save the indicator owner: %w", err)
		}
		o.Version++
		var b any
		if exists {
			b = before
		}
		return audit(ctx, tx, by, change{authorityID: o.AuthorityID, action: action, entity: "responsable d'indicateur", entityID: o.IndicatorID,
			summary: "responsable et poids de l'indicateur " + fmt.Sprint(o.IndicatorID), before: b, after: *o})
	})
}
