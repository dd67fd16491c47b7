package store

import (
	"context"
	"database/sql"
	"fmt"

	"boussole/internal/stakeholder"
)

// MergeStakeholders saves target (a duplicate's data merged in by the caller) and removes the absorbed
// record, moving its relations onto target, all in one transaction. Relations that would become a link of
// target to itself or repeat one target already has are dropped; the audit entry says how many moved.
func (s *Store) MergeStakeholders(ctx context.Context, by Actor, authorityID int64, target *stakeholder.Record, absorbedID int64) error {
	if target.ID == absorbedID {
		return fmt.Errorf("store: a stakeholder cannot absorb itself")
	}
	if err := target.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		absorbed, err := stakeholderIn(ctx, tx, authorityID, absorbedID)
		if err != nil {
			return err
		}
		rels, err := relationsOf(ctx, tx, authorityID, absorbedID)
		if err != nil {
			return err
		}
		if err := moveStakeholderLinks(ctx, tx, authorityID, absorbedID, target.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM stakeholders WHERE authority_id = $1 AND id = $2", authorityID, absorbedID); err != nil {
			return fmt.Errorf("store: unable to remove the duplicate: %w", err)
		}
		// The delete cascades to the absorbed record's relations on both databases, so they are re-added.
		if _, err := tx.ExecContext(ctx, "DELETE FROM stakeholder_relations WHERE authority_id = $1 AND (from_id = $2 OR to_id = $2)", authorityID, absorbedID); err != nil {
			return fmt.Errorf("store: unable to remove the duplicate's relations: %w", err)
		}
		if err := updateStakeholder(ctx, tx, by, authorityID, target); err != nil {
			return err
		}
		kept, err := relationsOf(ctx, tx, authorityID, target.ID)
		if err != nil {
			return err
		}
		moved := 0
		for _, r := range rels {
			if r.From == absorbedID {
				r.From = target.ID
			}
			if r.To == absorbedID {
				r.To = target.ID
			}
			r.ID = 0
			known := map[int64]string{r.From: "", r.To: ""}
			if stakeholder.ValidateRelation(r, known, kept) != nil {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO stakeholder_relations (authority_id, from_id, to_id, kind, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
				authorityID, r.From, r.To, string(r.Kind), r.Comment, now()); err != nil {
				return fmt.Errorf("store: unable to move a relation: %w", err)
			}
			kept = append(kept, r)
			moved++
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "acteur", entityID: absorbedID,
			summary: fmt.Sprintf("%s, fusionné dans « %s » (%d relation(s) reprise(s) sur %d)", absorbed.Name, target.Name, moved, len(rels)),
			before:  map[string]any{"acteur": absorbed, "relations": rels}})
	})
}
