package store

import (
	"context"
	"database/sql"
	"fmt"

	"boussole/internal/funding"
)

// FundingYears returns the yearly figures an authority entered (1 % budgets, team), by year.
func (s *Store) FundingYears(ctx context.Context, authorityID int64) (map[int]funding.Year, error) {
	return fundingYearsIn(ctx, s.db, authorityID)
}

func fundingYearsIn(ctx context.Context, q querier, authorityID int64) (map[int]funding.Year, error) {
	years, err := queryAll(ctx, q, func(row rowScanner) (funding.Year, error) {
		var y funding.Year
		var water, sanitation, energy, waste, mobility *int64
		var excluded int64
		err := row.Scan(&y.Year, &y.TeamTenths, &water, &sanitation, &energy, &waste, &mobility, &excluded)
		y.Budgets = map[funding.Sector]funding.SectorBudget{
			funding.SectorWater: {ResourcesCents: water}, funding.SectorSanitation: {ResourcesCents: sanitation},
			funding.SectorEnergy: {ResourcesCents: energy}, funding.SectorWaste: {ResourcesCents: waste},
			funding.SectorMobility: {ResourcesCents: mobility, ExcludedCents: excluded},
		}
		return y, err
	}, `SELECT year, team_tenths, water_cents, sanitation_cents, energy_cents, waste_cents, mobility_cents, mobility_excluded_cents
		FROM funding_years WHERE authority_id = $1 ORDER BY year`, authorityID)
	if err != nil {
		return nil, err
	}
	out := make(map[int]funding.Year, len(years))
	for _, y := range years {
		out[y.Year] = y
	}
	return out, nil
}

// SaveFundingYear writes an authority's figures for one year, replacing what it held.
func (s *Store) SaveFundingYear(ctx context.Context, by Actor, authorityID int64, y funding.Year) error {
	b := y.Budgets
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM funding_years WHERE authority_id = $1 AND year = $2", authorityID, y.Year); err != nil {
			return fmt.Errorf("store: unable to save the yearly figures: %w", err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO funding_years (authority_id, year, team_tenths, water_cents, sanitation_cents, energy_cents, waste_cents,
			mobility_cents, mobility_excluded_cents) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, authorityID, y.Year, y.TeamTenths,
			b[funding.SectorWater].ResourcesCents, b[funding.SectorSanitation].ResourcesCents, b[funding.SectorEnergy].ResourcesCents,
			b[funding.SectorWaste].ResourcesCents, b[funding.SectorMobility].ResourcesCents, b[funding.SectorMobility].ExcludedCents)
		if err != nil {
			return fmt.Errorf("store: unable to save the yearly figures: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "budgets et équipe", entityID: y.Year,
			summary: fmt.Sprint(y.Year), after: y})
	})
}
