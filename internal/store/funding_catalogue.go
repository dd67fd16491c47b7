package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"boussole/internal/funding"
)

// FundingCatalogue returns the catalogue in force: the programmes shipped with the binary, each replaced
// by its latest saved version, then the programmes the platform administrator added.
func (s *Store) FundingCatalogue(ctx context.Context) (*funding.Catalogue, error) {
	return fundingCatalogueIn(ctx, s.db)
}

func fundingCatalogueIn(ctx context.Context, q querier) (*funding.Catalogue, error) {
	saved, err := queryAll(ctx, q, func(row rowScanner) (funding.Programme, error) {
		var code, body string
		var version int64
		if err := row.Scan(&code, &version, &body); err != nil {
			return funding.Programme{}, err
		}
		var p funding.Programme
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			return p, fmt.Errorf("store: programme %s version %d is unreadable: %w", code, version, err)
		}
		p.Code, p.Version = code, version
		return p, nil
	}, `SELECT v.code, v.version, v.programme_json FROM funding_programme_versions v
		WHERE v.version = (SELECT MAX(w.version) FROM funding_programme_versions w WHERE w.code = v.code) ORDER BY v.code`)
	if err != nil {
		return nil, err
	}
	return funding.NewCatalogue(append(funding.Shipped(), saved...)), nil
}

// ProgrammeVersions returns the saved versions of a programme, newest first.
func (s *Store) ProgrammeVersions(ctx context.Context, code string) ([]funding.ProgrammeVersion, error) {
	return queryAll(ctx, s.db, func(row rowScanner) (funding.ProgrammeVersion, error) {
		var v funding.ProgrammeVersion
		var body string
		if err := row.Scan(&v.Programme.Version, &body, &v.SavedAt, &v.By); err != nil {
			return v, err
		}
		version := v.Programme.Version
		if err := json.Unmarshal([]byte(body), &v.Programme); err != nil {
			return v, fmt.Errorf("store: programme %s version %d is unreadable: %w", code, version, err)
		}
		v.Programme.Code, v.Programme.Version, v.SavedAt = code, version, v.SavedAt.UTC()
		return v, nil
	}, `SELECT version, programme_json, saved_at, user_label FROM funding_programme_versions WHERE code = $1 ORDER BY version DESC`, code)
}

// SaveProgramme saves a new version of a programme if the one in force is still p.Version (0 for the
// shipped entry or a new programme); the catalogue belongs to the platform, so the audit entry has no
// authority.
func (s *Store) SaveProgramme(ctx context.Context, by Actor, p *funding.Programme) error {
	body, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("store: unable to write the programme: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var current int64
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM funding_programme_versions WHERE code = $1", p.Code).Scan(&current); err != nil {
			return fmt.Errorf("store: unable to read the programme's version: %w", err)
		}
		if current != p.Version {
			return ErrConflict
		}
		var user any
		if by.UserID != 0 {
			user = by.UserID
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO funding_programme_versions (code, version, programme_json, saved_at, user_id, user_label) VALUES ($1, $2, $3, $4, $5, $6)`,
			p.Code, current+1, string(body), now(), user, by.Label)
		if isUniqueViolation(err) {
			return ErrConflict
		}
		if err != nil {
			return fmt.Errorf("store: unable to save the programme: %w", err)
		}
		p.Version = current + 1
		return audit(ctx, tx, by, change{action: actionUpdate, entity: "programme de financement", entityID: p.Code, summary: p.Name, after: *p})
	})
}
