package store

import (
	"context"
	"database/sql"
	"fmt"

	"boussole/internal/funding"
	"boussole/internal/partialdate"
)

const entitySpending = "dépense"

const spendingColumns = `id, project_id, kind, spent_on, amount_cents, country, beneficiary_kind, COALESCE(stakeholder_id, 0), beneficiary, note, version`

func scanSpending(row interface{ Scan(...any) error }) (funding.Spending, error) {
	var s funding.Spending
	var kind, on, benef string
	err := row.Scan(&s.ID, &s.ProjectID, &kind, &on, &s.AmountCents, &s.Country, &benef, &s.StakeholderID, &s.Name, &s.Note, &s.Version)
	s.Kind, s.Beneficiary = funding.MovementKind(kind), funding.BeneficiaryKind(benef)
	s.Date, _ = partialdate.ParseISO(on)
	return s, err
}

// Spending returns one spending record of an authority's project.
func (s *Store) Spending(ctx context.Context, authorityID, projectID, id int64) (funding.Spending, error) {
	return spendingIn(ctx, s.db, authorityID, projectID, id)
}

func spendingIn(ctx context.Context, q querier, authorityID, projectID, id int64) (funding.Spending, error) {
	return queryOne(ctx, q, scanSpending, "SELECT "+spendingColumns+" FROM funding_spending WHERE authority_id = $1 AND project_id = $2 AND id = $3", authorityID, projectID, id)
}

// attachSpending reads the spending of every project of list in one query, by date.
func attachSpending(ctx context.Context, q querier, authorityID int64, list []funding.Project) error {
	if len(list) == 0 {
		return nil
	}
	at := map[int64]int{}
	for i, p := range list {
		at[p.ID] = i
	}
	rows, err := queryAll(ctx, q, scanSpending, "SELECT "+spendingColumns+" FROM funding_spending WHERE authority_id = $1 AND project_id IN ("+projectIDs(list)+") ORDER BY spent_on, id", authorityID)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if i, ok := at[r.ProjectID]; ok {
			list[i].Spending = append(list[i].Spending, r)
		}
	}
	return nil
}

// SaveSpending records a commitment or a payment (ID 0) or saves it if nobody changed it since
// sp.Version. A beneficiary chosen on the map must be the authority's: its name is copied into the record.
func (s *Store) SaveSpending(ctx context.Context, by Actor, authorityID int64, sp *funding.Spending) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := s.project(ctx, tx, authorityID, sp.ProjectID)
		if err != nil {
			return err
		}
		var who any // NULL when the beneficiary is not on the map
		if sp.StakeholderID != 0 {
			st, err := stakeholderIn(ctx, tx, authorityID, sp.StakeholderID)
			if err != nil {
				return err
			}
			sp.Name, who = st.Name, sp.StakeholderID
		}
		args := []any{string(sp.Kind), sp.Date.ISO(), sp.Date.Year, sp.AmountCents, sp.Country, string(sp.Beneficiary), who, sp.Name, sp.Note}
		if sp.ID == 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO funding_spending (kind, spent_on, year, amount_cents, country, beneficiary_kind, stakeholder_id, beneficiary, note,
				authority_id, project_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`, append(args, authorityID, sp.ProjectID)...).Scan(&sp.ID)
			if err != nil {
				return fmt.Errorf("store: unable to record the spending: %w", err)
			}
			sp.Version = 1
			return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: entitySpending, entityID: sp.ID, summary: p.Title, after: *sp})
		}
		before, err := spendingIn(ctx, tx, authorityID, sp.ProjectID, sp.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE funding_spending SET kind = $1, spent_on = $2, year = $3, amount_cents = $4, country = $5, beneficiary_kind = $6,
			stakeholder_id = $7, beneficiary = $8, note = $9, version = version + 1 WHERE authority_id = $10 AND project_id = $11 AND id = $12 AND version = $13`,
			append(args, authorityID, sp.ProjectID, sp.ID, sp.Version)...)
		if err != nil {
			return fmt.Errorf("store: unable to save the spending: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		sp.Version++
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: entitySpending, entityID: sp.ID, summary: p.Title, before: before, after: *sp})
	})
}

// DeleteSpending removes a spending record if nobody changed it since version.
func (s *Store) DeleteSpending(ctx context.Context, by Actor, authorityID, projectID, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := spendingIn(ctx, tx, authorityID, projectID, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM funding_spending WHERE authority_id = $1 AND project_id = $2 AND id = $3 AND version = $4", authorityID, projectID, id, version)
		if err != nil {
			return fmt.Errorf("store: unable to delete the spending: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: entitySpending, entityID: id, before: before})
	})
}

// moveSpendingBeneficiaries gives a merged duplicate's spending records to the stakeholder that absorbed it.
func moveSpendingBeneficiaries(ctx context.Context, tx *sql.Tx, authorityID, fromID, toID int64) error {
	if _, err := tx.ExecContext(ctx, "UPDATE funding_spending SET stakeholder_id = $1 WHERE authority_id = $2 AND stakeholder_id = $3", toID, authorityID, fromID); err != nil {
		return fmt.Errorf("store: unable to move the spending beneficiaries: %w", err)
	}
	return nil
}

// StrategySpending returns the spending of all a strategy's projects, for the summaries of the funding pages.
func (s *Store) StrategySpending(ctx context.Context, authorityID, strategyID int64) ([]funding.Spending, error) {
	return queryAll(ctx, s.db, scanSpending, `SELECT x.id, x.project_id, x.kind, x.spent_on, x.amount_cents, x.country, x.beneficiary_kind, COALESCE(x.stakeholder_id, 0),
		x.beneficiary, x.note, x.version FROM funding_spending x JOIN funding_projects p ON p.id = x.project_id
		WHERE x.authority_id = $1 AND p.authority_id = $1 AND p.strategy_id = $2 ORDER BY x.spent_on, x.id`, authorityID, strategyID)
}
