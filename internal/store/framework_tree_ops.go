package store

import (
	"context"
	"database/sql"
	"fmt"

	"boussole/internal/logframe"
)

// deletable maps the elements DeleteElement removes to their tables.
var deletable = map[logframe.Kind]string{
	logframe.KindSpecificObjective: "objectives",
	logframe.KindResult:            "results",
	logframe.KindActivity:          "activities",
	logframe.KindIndicator:         "indicators",
	logframe.KindAssumption:        "assumptions",
	logframe.KindRisk:              "risks",
	logframe.KindGeoPriority:       "geo_priorities",
}

// DeleteElement removes an element of a strategy's framework with everything the domain says goes with it
// (results, activities, indicators, assumptions, ODD tags), clears the link of risks that pointed at a
// removed element and detaches the evaluations' recommendations about one, all in one transaction. It returns what was removed.
func (s *Store) DeleteElement(ctx context.Context, by Actor, authorityID, strategyID int64, target logframe.Ref) (logframe.Impact, error) {
	var im logframe.Impact
	table, ok := deletable[target.Kind]
	if !ok {
		return im, ErrNotFound
	}
	if target.Kind == logframe.KindGeoPriority {
		return im, s.inTx(ctx, func(tx *sql.Tx) error {
			return deleteRows(ctx, tx, by, authorityID, strategyID, table, "priorité géographique", []int64{target.ID})
		})
	}
	f, err := s.LoadFramework(ctx, authorityID, strategyID)
	if err != nil {
		return im, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedBy(ctx, tx, table, authorityID, strategyID, target.ID); err != nil {
			return err
		}
		im = f.Logframe.DeletionImpact(target)
		gone := im.Removed()
		for _, r := range gone {
			if _, err := tx.ExecContext(ctx, "DELETE FROM sdg_tags WHERE authority_id = $1 AND strategy_id = $2 AND element_kind = $3 AND element_id = $4",
				authorityID, strategyID, string(r.Kind), r.ID); err != nil {
				return fmt.Errorf("store: unable to delete tags: %w", err)
			}
			if _, err := tx.ExecContext(ctx, "UPDATE risks SET linked_kind = '', linked_id = 0 WHERE authority_id = $1 AND strategy_id = $2 AND linked_kind = $3 AND linked_id = $4",
				authorityID, strategyID, string(r.Kind), r.ID); err != nil {
				return fmt.Errorf("store: unable to unlink risks: %w", err)
			}
		}
		// Recommendations about a removed element stay, naming it in their notes (see monitoring.DetachFromDeleted).
		if err := detachRecommendations(ctx, tx, by, authorityID, gone, &f.Logframe); err != nil {
			return err
		}
		// Indicators and assumptions point at their element by kind and ID, so the database cannot cascade them.
		if err := deleteRows(ctx, tx, by, authorityID, strategyID, "indicators", "indicateur", im.Indicators); err != nil {
			return err
		}
		if err := deleteRows(ctx, tx, by, authorityID, strategyID, "assumptions", "hypothèse", im.Assumptions); err != nil {
			return err
		}
		// Results and activities below go by cascade; the element itself last.
		return deleteRows(ctx, tx, by, authorityID, strategyID, table, target.Kind.Noun(), []int64{target.ID})
	})
	return im, err
}

func deleteRows(ctx context.Context, tx *sql.Tx, by Actor, authorityID, strategyID int64, table, entity string, ids []int64) error {
	for _, id := range ids {
		res, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE authority_id = $1 AND strategy_id = $2 AND id = $3", authorityID, strategyID, id)
		if err != nil {
			return fmt.Errorf("store: unable to delete from %s: %w", table, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if err := audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: entity, entityID: id}); err != nil {
			return err
		}
	}
	return nil
}

// MoveElement places an objective, result or activity under a new parent at index (-1 for last), refusing
// cycles with the domain's *logframe.MoveError, and renumbers the siblings, in one transaction.
func (s *Store) MoveElement(ctx context.Context, by Actor, authorityID, strategyID int64, node, parent logframe.Ref, index int) error {
	f, err := s.LoadFramework(ctx, authorityID, strategyID)
	if err != nil {
		return err
	}
	lf := f.Logframe
	if err := lf.Move(node, parent, index); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// Every row is written back with a version bump so that a form opened before the move sees a conflict.
		for _, o := range lf.Objectives {
			if _, err := tx.ExecContext(ctx, "UPDATE objectives SET position = $1, version = version + 1 WHERE authority_id = $2 AND strategy_id = $3 AND id = $4 AND position <> $1",
				o.Position, authorityID, strategyID, o.ID); err != nil {
				return fmt.Errorf("store: unable to move: %w", err)
			}
		}
		for _, r := range lf.Results {
			if _, err := tx.ExecContext(ctx, `UPDATE results SET objective_id = $1, position = $2, version = version + 1
				WHERE authority_id = $3 AND strategy_id = $4 AND id = $5 AND (objective_id <> $1 OR position <> $2)`, r.ObjectiveID, r.Position, authorityID, strategyID, r.ID); err != nil {
				return fmt.Errorf("store: unable to move: %w", err)
			}
		}
		for _, a := range lf.Activities {
			if _, err := tx.ExecContext(ctx, `UPDATE activities SET result_id = $1, position = $2, version = version + 1
				WHERE authority_id = $3 AND strategy_id = $4 AND id = $5 AND (result_id <> $1 OR position <> $2)`, a.ResultID, a.Position, authorityID, strategyID, a.ID); err != nil {
				return fmt.Errorf("store: unable to move: %w", err)
			}
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: node.Kind.Noun(), entityID: node.ID,
			summary: "Déplacé sous " + parent.Kind.Noun() + " " + fmt.Sprint(parent.ID)})
	})
}
