package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"boussole/internal/logframe"
	"boussole/internal/model"
)

// SDGTags lists every ODD tag of a strategy.
func (s *Store) SDGTags(ctx context.Context, authorityID, strategyID int64) ([]model.SDGTag, error) {
	return sdgTags(ctx, s.db, authorityID, strategyID)
}

func sdgTags(ctx context.Context, q querier, authorityID, strategyID int64) ([]model.SDGTag, error) {
	return queryAll(ctx, q, func(row interface{ Scan(...any) error }) (model.SDGTag, error) {
		var t model.SDGTag
		var kind string
		err := row.Scan(&kind, &t.Element.ID, &t.Code)
		t.Element.Kind = logframe.Kind(kind)
		return t, err
	}, "SELECT element_kind, element_id, code FROM sdg_tags WHERE authority_id = $1 AND strategy_id = $2 ORDER BY element_kind, element_id, code", authorityID, strategyID)
}

// SetSDGTags replaces the ODD tags of one element (goals, targets or local target codes, already validated).
func (s *Store) SetSDGTags(ctx context.Context, by Actor, authorityID, strategyID int64, element logframe.Ref, codes []string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if element.Kind == logframe.KindIndicator {
			if err := ownedBy(ctx, tx, "indicators", authorityID, strategyID, element.ID); err != nil {
				return err
			}
		} else if err := ownedLevel(ctx, tx, authorityID, strategyID, element); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM sdg_tags WHERE authority_id = $1 AND strategy_id = $2 AND element_kind = $3 AND element_id = $4",
			authorityID, strategyID, string(element.Kind), element.ID); err != nil {
			return fmt.Errorf("store: unable to replace the tags: %w", err)
		}
		seen := map[string]bool{}
		for _, c := range codes {
			if seen[c] {
				continue
			}
			seen[c] = true
			if _, err := tx.ExecContext(ctx, "INSERT INTO sdg_tags (authority_id, strategy_id, element_kind, element_id, code) VALUES ($1, $2, $3, $4, $5)",
				authorityID, strategyID, string(element.Kind), element.ID, c); err != nil {
				return fmt.Errorf("store: unable to save a tag: %w", err)
			}
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "ODD", entityID: string(element.Kind) + "-" + fmt.Sprint(element.ID),
			summary: "ODD : " + strings.Join(codes, ", "), after: codes})
	})
}

// LocalTargets lists a strategy's local targets by code.
func (s *Store) LocalTargets(ctx context.Context, authorityID, strategyID int64) ([]model.LocalTarget, error) {
	return localTargetsIn(ctx, s.db, authorityID, strategyID)
}

func localTargetsIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]model.LocalTarget, error) {
	return queryAll(ctx, q, scanLocalTarget, "SELECT id, authority_id, strategy_id, un_target, code, title, description FROM local_targets WHERE authority_id = $1 AND strategy_id = $2 ORDER BY code", authorityID, strategyID)
}

func scanLocalTarget(row interface{ Scan(...any) error }) (model.LocalTarget, error) {
	var t model.LocalTarget
	return t, row.Scan(&t.ID, &t.AuthorityID, &t.StrategyID, &t.UNTarget, &t.Code, &t.Title, &t.Description)
}

// LocalTarget returns one local target of an authority.
func (s *Store) LocalTarget(ctx context.Context, authorityID, id int64) (model.LocalTarget, error) {
	return queryOne(ctx, s.db, scanLocalTarget, "SELECT id, authority_id, strategy_id, un_target, code, title, description FROM local_targets WHERE authority_id = $1 AND id = $2", authorityID, id)
}

// CreateLocalTarget adds a local target; a code already used in the strategy gives ErrDuplicate.
func (s *Store) CreateLocalTarget(ctx context.Context, by Actor, t *model.LocalTarget) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedStrategy(ctx, tx, t.AuthorityID, t.StrategyID); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO local_targets (authority_id, strategy_id, un_target, code, title, description) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			t.AuthorityID, t.StrategyID, t.UNTarget, t.Code, t.Title, t.Description).Scan(&t.ID)
		if isUniqueViolation(err) {
			return ErrDuplicate
		}
		if err != nil {
			return fmt.Errorf("store: unable to create the local target: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: t.AuthorityID, action: actionCreate, entity: "cible locale", entityID: t.ID, summary: t.Code + " " + t.Title, after: t})
	})
}

// DeleteLocalTarget removes a local target and the tags that used its code.
func (s *Store) DeleteLocalTarget(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t, err := queryOne(ctx, tx, scanLocalTarget, "SELECT id, authority_id, strategy_id, un_target, code, title, description FROM local_targets WHERE authority_id = $1 AND id = $2", authorityID, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM sdg_tags WHERE authority_id = $1 AND strategy_id = $2 AND code = $3", authorityID, t.StrategyID, t.Code); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM local_targets WHERE authority_id = $1 AND id = $2", authorityID, id); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "cible locale", entityID: id, summary: t.Code, before: t})
	})
}
