package store

import (
	"context"
	"database/sql"
	"fmt"

	"boussole/internal/logframe"
	"boussole/internal/model"
)

const riskColumns = "id, authority_id, strategy_id, position, description, category, likelihood, impact, mitigation, owner, status, linked_kind, linked_id, version"

func scanRisk(row interface{ Scan(...any) error }) (model.Risk, error) {
	var r model.Risk
	var cat, kind string
	err := row.Scan(&r.ID, &r.AuthorityID, &r.StrategyID, &r.Position, &r.Description, &cat, &r.Likelihood, &r.Impact, &r.Mitigation, &r.Owner,
		&r.Status, &kind, &r.Linked.ID, &r.Version)
	r.Category, r.Linked.Kind = logframe.RiskCategory(cat), logframe.Kind(kind)
	return r, err
}

// Risks lists a strategy's risk register in order.
func (s *Store) Risks(ctx context.Context, authorityID, strategyID int64) ([]model.Risk, error) {
	return risksIn(ctx, s.db, authorityID, strategyID)
}

func risksIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]model.Risk, error) {
	return queryAll(ctx, q, scanRisk, "SELECT "+riskColumns+" FROM risks WHERE authority_id = $1 AND strategy_id = $2 ORDER BY position, id", authorityID, strategyID)
}

// Risk returns one risk of an authority.
func (s *Store) Risk(ctx context.Context, authorityID, id int64) (model.Risk, error) {
	return queryOne(ctx, s.db, scanRisk, "SELECT "+riskColumns+" FROM risks WHERE authority_id = $1 AND id = $2", authorityID, id)
}

// SaveRisk creates (ID 0) or updates a risk; its link, when set, must point into the same strategy.
func (s *Store) SaveRisk(ctx context.Context, by Actor, r *model.Risk) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedStrategy(ctx, tx, r.AuthorityID, r.StrategyID); err != nil {
			return err
		}
		if !r.Linked.IsZero() {
			if err := ownedLevel(ctx, tx, r.AuthorityID, r.StrategyID, r.Linked); err != nil {
				return err
			}
		}
		t := now()
		if r.ID == 0 {
			pos, err := nextPosition(ctx, tx, "risks", "strategy_id", r.AuthorityID, r.StrategyID)
			if err != nil {
				return err
			}
			r.Position, r.Version = pos, 1
			if err := tx.QueryRowContext(ctx, `INSERT INTO risks (authority_id, strategy_id, position, description, category, likelihood, impact, mitigation,
				owner, status, linked_kind, linked_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
				r.AuthorityID, r.StrategyID, r.Position, r.Description, string(r.Category), r.Likelihood, r.Impact, r.Mitigation, r.Owner, r.Status,
				string(r.Linked.Kind), r.Linked.ID, t, t).Scan(&r.ID); err != nil {
				return fmt.Errorf("store: unable to create the risk: %w", err)
			}
			return audit(ctx, tx, by, change{authorityID: r.AuthorityID, action: actionCreate, entity: "risque", entityID: r.ID, summary: r.Description, after: r})
		}
		before, err := queryOne(ctx, tx, scanRisk, "SELECT "+riskColumns+" FROM risks WHERE authority_id = $1 AND id = $2", r.AuthorityID, r.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE risks SET description = $1, category = $2, likelihood = $3, impact = $4, mitigation = $5, owner = $6, status = $7,
			linked_kind = $8, linked_id = $9, updated_at = $10, version = version + 1 WHERE authority_id = $11 AND id = $12 AND version = $13`,
			r.Description, string(r.Category), r.Likelihood, r.Impact, r.Mitigation, r.Owner, r.Status, string(r.Linked.Kind), r.Linked.ID, t, r.AuthorityID, r.ID, r.Version)
		if err := updated(res, err, "risk"); err != nil {
			return err
		}
		r.Position, r.Version = before.Position, r.Version+1
		return audit(ctx, tx, by, change{authorityID: r.AuthorityID, action: actionUpdate, entity: "risque", entityID: r.ID, summary: r.Description, before: before, after: r})
	})
}

// Assumptions lists a strategy's assumptions.
func (s *Store) Assumptions(ctx context.Context, authorityID, strategyID int64) ([]model.Assumption, error) {
	return assumptions(ctx, s.db, authorityID, strategyID)
}

func assumptions(ctx context.Context, q querier, authorityID, strategyID int64) ([]model.Assumption, error) {
	return queryAll(ctx, q, func(row interface{ Scan(...any) error }) (model.Assumption, error) {
		var a model.Assumption
		var kind string
		err := row.Scan(&a.ID, &a.AuthorityID, &a.StrategyID, &kind, &a.Target.ID, &a.Text)
		a.Target.Kind = logframe.Kind(kind)
		return a, err
	}, "SELECT id, authority_id, strategy_id, target_kind, target_id, text FROM assumptions WHERE authority_id = $1 AND strategy_id = $2 ORDER BY id", authorityID, strategyID)
}

// CreateAssumption adds an assumption to an element of the strategy.
func (s *Store) CreateAssumption(ctx context.Context, by Actor, a *model.Assumption) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedLevel(ctx, tx, a.AuthorityID, a.StrategyID, a.Target); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO assumptions (authority_id, strategy_id, target_kind, target_id, text) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			a.AuthorityID, a.StrategyID, string(a.Target.Kind), a.Target.ID, a.Text).Scan(&a.ID); err != nil {
			return fmt.Errorf("store: unable to create the assumption: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionCreate, entity: "hypothèse", entityID: a.ID, summary: a.Text, after: a})
	})
}
