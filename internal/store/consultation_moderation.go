package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/consultation"
)

// moderationRecord is what the journal keeps of a moderation: never the contributor's personal data.
type moderationRecord struct {
	State  consultation.Moderation
	Reason string
}

// ModerateContribution publishes or hides a contribution of the authority (a reason is kept with a
// hidden one) and returns it as it now is, so that the caller can tell its author if they asked.
func (s *Store) ModerateContribution(ctx context.Context, by Actor, authorityID, id int64, state consultation.Moderation, reason string) (consultation.Contribution, error) {
	var k consultation.Contribution
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		k, err = queryOne(ctx, tx, scanContribution, "SELECT "+contributionColumns+" FROM contributions WHERE authority_id = $1 AND id = $2", authorityID, id)
		if err != nil {
			return err
		}
		before := moderationRecord{State: k.State, Reason: k.HiddenReason}
		if state != consultation.Hidden {
			reason = ""
		}
		t := now()
		if _, err := tx.ExecContext(ctx, "UPDATE contributions SET state = $1, hidden_reason = $2, moderated_at = $3 WHERE authority_id = $4 AND id = $5",
			string(state), reason, t, authorityID, id); err != nil {
			return fmt.Errorf("store: unable to moderate the contribution: %w", err)
		}
		k.State, k.HiddenReason, k.ModeratedAt = state, reason, t
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "contribution", entityID: id,
			summary: "contribution " + state.Label(), before: before, after: moderationRecord{State: state, Reason: reason}})
	})
	return k, err
}

// ContributionByToken returns the contribution whose personal link has this hash, with its consultation's
// authority; ErrNotFound once erased or purged.
func (s *Store) ContributionByToken(ctx context.Context, tokenHash string) (consultation.Contribution, error) {
	if tokenHash == "" {
		return consultation.Contribution{}, ErrNotFound
	}
	return queryOne(ctx, s.db, scanContribution, "SELECT "+contributionColumns+" FROM contributions WHERE token_hash = $1", tokenHash)
}

// ConfirmContribution marks confirmed the contribution whose personal link has this hash: following the
// link sent by email confirms the address.
// The journal records it (and nothing of the person), which also moves the authority's change mark
// that kept pages follow.
func (s *Store) ConfirmContribution(ctx context.Context, tokenHash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var id, authorityID int64
		err := tx.QueryRowContext(ctx, `UPDATE contributions SET confirmed = TRUE WHERE token_hash = $1 AND email <> '' AND confirmed = FALSE
			RETURNING id, authority_id`, tokenHash).Scan(&id, &authorityID)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // unknown link, no address, or already confirmed: nothing changes
		}
		if err != nil {
			return fmt.Errorf("store: unable to confirm the contribution: %w", err)
		}
		return audit(ctx, tx, Actor{Label: "contributeur·rice"}, change{authorityID: authorityID, action: actionUpdate, entity: "contribution",
			entityID: id, summary: "adresse de la contribution confirmée par son auteur"})
	})
}

// EraseContribution deletes, at its author's request, the contribution whose personal link has this hash.
// The journal records that a contribution was erased, and nothing of it.
func (s *Store) EraseContribution(ctx context.Context, tokenHash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		k, err := queryOne(ctx, tx, scanContribution, "SELECT "+contributionColumns+" FROM contributions WHERE token_hash = $1", tokenHash)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM contributions WHERE id = $1", k.ID); err != nil {
			return fmt.Errorf("store: unable to erase the contribution: %w", err)
		}
		return audit(ctx, tx, Actor{Label: "contributeur·rice"}, change{authorityID: k.AuthorityID, action: actionDelete, entity: "contribution",
			entityID: k.ID, summary: "contribution effacée à la demande de son auteur"})
	})
}
