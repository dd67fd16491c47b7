package store

import (
	"context"
	"database/sql"
	"fmt"

	"boussole/internal/funding"
)

// attachDeclarations reads the ODA declaration fields of every project of list in one query.
func attachDeclarations(ctx context.Context, q querier, authorityID int64, list []funding.Project) error {
	if len(list) == 0 {
		return nil
	}
	at := map[int64]int{}
	for i, p := range list {
		at[p.ID] = i
	}
	type declaration struct {
		project int64
		d       funding.Declaration
	}
	declared, err := queryAll(ctx, q, func(row rowScanner) (declaration, error) {
		var r declaration
		var kind, markers string
		err := row.Scan(&r.project, &kind, &r.d.Sector, &r.d.Channel, &markers, &r.d.UpdatedAt, &r.d.Version)
		r.d.Kind, r.d.Markers, r.d.UpdatedAt = funding.SpendingKind(kind), funding.ParseMarkers(markers), r.d.UpdatedAt.UTC()
		return r, err
	}, `SELECT project_id, kind, sector, channel, markers, updated_at, version FROM project_declarations
		WHERE authority_id = $1 AND project_id IN (`+projectIDs(list)+`)`, authorityID)
	if err != nil {
		return err
	}
	for _, r := range declared {
		list[at[r.project]].Declaration = r.d
	}
	return nil
}

// SaveDeclaration writes a project's declaration fields if nobody changed them since d.Version (0 for a
// project never described); the project must be the authority's.
func (s *Store) SaveDeclaration(ctx context.Context, by Actor, authorityID, projectID int64, d *funding.Declaration) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := s.project(ctx, tx, authorityID, projectID)
		if err != nil {
			return err
		}
		before := p.Declaration
		t := now()
		var res sql.Result
		if d.Version == 0 {
			res, err = tx.ExecContext(ctx, `INSERT INTO project_declarations (project_id, authority_id, kind, sector, channel, markers, updated_at)
				SELECT $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM project_declarations WHERE project_id = $1)`,
				projectID, authorityID, string(d.Kind), d.Sector, d.Channel, d.FormatMarkers(), t)
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE project_declarations SET kind = $1, sector = $2, channel = $3, markers = $4, updated_at = $5,
				version = version + 1 WHERE authority_id = $6 AND project_id = $7 AND version = $8`,
				string(d.Kind), d.Sector, d.Channel, d.FormatMarkers(), t, authorityID, projectID, d.Version)
		}
		if err != nil {
			return fmt.Errorf("store: unable to save the project's declaration: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		d.UpdatedAt, d.Version = t, d.Version+1
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "déclaration APD", entityID: projectID,
			summary: p.Title, before: declarationAudit(before), after: declarationAudit(*d)})
	})
}

// declarationAudit is what the journal keeps of a declaration: its fields, without the version.
func declarationAudit(d funding.Declaration) map[string]any {
	if !d.Known() {
		return nil
	}
	return map[string]any{"Kind": string(d.Kind), "Sector": d.Sector, "Channel": d.Channel, "Markers": d.FormatMarkers()}
}
