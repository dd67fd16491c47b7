package store

import (
	"context"
	"database/sql"
	"fmt"

	"boussole/internal/funding"
)

const lineColumns = `id, project_id, source, programme_code, label, amount_cents, status, year, effort_tenths, version`

func scanLine(row interface{ Scan(...any) error }) (funding.Line, error) {
	var l funding.Line
	var source, status string
	err := row.Scan(&l.ID, &l.ProjectID, &source, &l.Programme, &l.Label, &l.AmountCents, &status, &l.Year, &l.EffortTenths, &l.Version)
	l.Source, l.Status = funding.Source(source), funding.LineStatus(status)
	return l, err
}

// Line returns one financing line of an authority's project.
func (s *Store) Line(ctx context.Context, authorityID, projectID, id int64) (funding.Line, error) {
	return s.line(ctx, s.db, authorityID, projectID, id)
}

func (s *Store) line(ctx context.Context, q querier, authorityID, projectID, id int64) (funding.Line, error) {
	return queryOne(ctx, q, scanLine, "SELECT "+lineColumns+" FROM funding_lines WHERE authority_id = $1 AND project_id = $2 AND id = $3", authorityID, projectID, id)
}

// CreateLine adds a line to the financing plan of an authority's project.
func (s *Store) CreateLine(ctx context.Context, by Actor, authorityID int64, l *funding.Line) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := s.project(ctx, tx, authorityID, l.ProjectID)
		if err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO funding_lines (authority_id, project_id, source, programme_code, label, amount_cents, status, year, effort_tenths)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, authorityID, l.ProjectID, string(l.Source), l.Programme, l.Label, l.AmountCents,
			string(l.Status), l.Year, l.EffortTenths).Scan(&l.ID)
		if err != nil {
			return fmt.Errorf("store: unable to add the financing line: %w", err)
		}
		l.Version = 1
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "ligne de financement", entityID: l.ID, summary: p.Title, after: *l})
	})
}

// UpdateLine saves a financing line if nobody changed it since l.Version.
func (s *Store) UpdateLine(ctx context.Context, by Actor, authorityID int64, l *funding.Line) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.line(ctx, tx, authorityID, l.ProjectID, l.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE funding_lines SET source = $1, programme_code = $2, label = $3, amount_cents = $4, status = $5, year = $6,
			effort_tenths = $7, version = version + 1 WHERE authority_id = $8 AND project_id = $9 AND id = $10 AND version = $11`,
			string(l.Source), l.Programme, l.Label, l.AmountCents, string(l.Status), l.Year, l.EffortTenths, authorityID, l.ProjectID, l.ID, l.Version)
		if err != nil {
			return fmt.Errorf("store: unable to save the financing line: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		l.Version++
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "ligne de financement", entityID: l.ID, before: before, after: *l})
	})
}

// DeleteLine removes a financing line if nobody changed it since version.
func (s *Store) DeleteLine(ctx context.Context, by Actor, authorityID, projectID, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.line(ctx, tx, authorityID, projectID, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM funding_lines WHERE authority_id = $1 AND project_id = $2 AND id = $3 AND version = $4", authorityID, projectID, id, version)
		if err != nil {
			return fmt.Errorf("store: unable to delete the financing line: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "ligne de financement", entityID: id, before: before})
	})
}

// ProgrammeUses adds up, by programme and year, the counting lines of the given programmes across all the
// authority's projects except one (0 for none): the 1 % ceilings are the authority's, whatever the project.
func (s *Store) ProgrammeUses(ctx context.Context, authorityID, exceptProject int64, codes []string) ([]funding.ProgrammeUse, error) {
	if len(codes) == 0 {
		return nil, nil
	}
	args := []any{authorityID, exceptProject, string(funding.LineRefused)}
	in := ""
	for i, c := range codes {
		args = append(args, c)
		if i > 0 {
			in += ", "
		}
		in += fmt.Sprintf("$%d", len(args))
	}
	return queryAll(ctx, s.db, scanInto(func(u *funding.ProgrammeUse) []any { return []any{&u.Programme, &u.Year, &u.Cents} }),
		`SELECT programme_code, year, SUM(amount_cents) FROM funding_lines
		WHERE authority_id = $1 AND project_id <> $2 AND status <> $3 AND source = 'programme' AND year <> 0 AND programme_code IN (`+in+`)
		GROUP BY programme_code, year`, args...)
}

// PendingApplications returns the lines of a strategy's projects still to write or to be decided (envisaged
// or filed), for the capacity warning: the list page needs them, not the whole plans.
func (s *Store) PendingApplications(ctx context.Context, authorityID, strategyID int64) ([]funding.Line, error) {
	return queryAll(ctx, s.db, scanLine, `SELECT l.id, l.project_id, l.source, l.programme_code, l.label, l.amount_cents, l.status, l.year, l.effort_tenths, l.version
		FROM funding_lines l JOIN funding_projects p ON p.id = l.project_id
		WHERE l.authority_id = $1 AND p.authority_id = $1 AND p.strategy_id = $2 AND l.status IN ($3, $4) ORDER BY l.id`,
		authorityID, strategyID, string(funding.LineConsidered), string(funding.LineApplied))
}
