package store

import (
	"boussole/internal/model"
	"boussole/internal/sharing"
	"boussole/internal/strategy"
	"boussole/internal/textkey"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// Helpers for the external tests, compiled only with them.

// AttachmentContents counts the attachments' bytes kept in the database.
func (s *Store) AttachmentContents(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM attachment_contents").Scan(&n)
	return n, err
}

// ForgetAttachmentBytes makes an attachment look as an older version left it, its bytes on disk only; it
// returns the key that named the file.
func (s *Store) ForgetAttachmentBytes(ctx context.Context, authorityID, id int64) (string, error) {
	a, err := s.Attachment(ctx, authorityID, id)
	if err != nil {
		return "", err
	}
	_, err = s.db.ExecContext(ctx, "DELETE FROM attachment_contents WHERE attachment_id = $1", id)
	return a.key, err
}

// MigrateBelow applies the migrations numbered below version only, so that a test can write rows the way the
// schema held them before a migration, then run it.
func (s *Store) MigrateBelow(ctx context.Context, version int) error {
	files, err := migrationFiles(s.dialect)
	if err != nil {
		return err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		return err
	}
	for _, f := range files {
		if f.version >= version {
			break
		}
		if _, err := applyOne(ctx, conn, s.dialect, f); err != nil {
			return err
		}
	}
	return nil
}

// DB exposes the pool to tests that write rows in an older schema.
func (s *Store) DB() *sql.DB { return s.db }

// AfterEachPart has fn run between the parts ReadStrategy reads, inside its transaction.
func (s *Store) AfterEachPart(fn func(strategy.Part)) { s.afterPart = fn }

// SeedShares fills the platform with synthetic authorities and shares for the library and atlas benchmarks:
// authorities in all, shares of them sharing a strategy with partners partnerships each, in one transaction.
func (s *Store) SeedShares(ctx context.Context, authorities, shares, partners int) error {
	countries := []string{"SN", "ML", "BF", "MA", "VN", "DE", "IT", "HT", "CA", "TN", "BJ", "MG"}
	themes := []string{"eau", "jeunesse", "culture", "santé", "agriculture", "climat", "déchets", "éducation"}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for i := 0; i < authorities; i++ {
			a := model.Authority{Kind: "commune", Name: fmt.Sprintf("Commune synthétique %d", i), Slug: fmt.Sprintf("synth-%d", i), Population: int64(500 + i*37)}
			if err := insertAuthority(ctx, tx, &a, textkey.Fold(a.Name)); err != nil {
				return err
			}
			if i >= shares {
				continue
			}
			var strategyID int64
			if err := tx.QueryRowContext(ctx, `INSERT INTO strategies (authority_id, title, term_start, term_end, status, created_at, updated_at)
				VALUES ($1, $2, 2021, 2026, 'en-vigueur', $3, $3) RETURNING id`, a.ID, "Stratégie "+a.Name, now()).Scan(&strategyID); err != nil {
				return err
			}
			v := sharing.View{Authority: sharing.Peer{Name: a.Name, Slug: a.Slug, Kind: a.Kind, Population: a.Population},
				Strategy: sharing.Header{Title: "Stratégie " + a.Name, TermStart: 2021, TermEnd: 2026, Adopted: true},
				Scope:    sharing.Structure | sharing.Partnerships, Licence: sharing.LicenceOuverte,
				Elements: []sharing.Item{{Ref: "o1", Level: "objectif", Number: "1", Title: "Coopérer sur " + themes[i%len(themes)]}}}
			for j := 0; j < partners; j++ {
				c := countries[(i+j)%len(countries)]
				v.Partners = append(v.Partners, sharing.Partner{Partner: fmt.Sprintf("Partenaire %d-%d", i, j), Countries: []string{c},
					Kind: "Coopération décentralisée", Themes: []string{themes[(i+j)%len(themes)]}, StartYear: 1990 + j})
				v.Countries = append(v.Countries, c)
				v.Themes = append(v.Themes, themes[(i+j)%len(themes)])
			}
			body, _ := json.Marshal(v)
			var id int64
			if err := tx.QueryRowContext(ctx, `INSERT INTO shares (authority_id, strategy_id, scope, licence, view_json, search_key, kind, population_band,
				created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
				a.ID, strategyID, int64(v.Scope), string(v.Licence), string(body), sharing.SearchKey(v), a.Kind, string(sharing.BandOf(a.Population)), now()).Scan(&id); err != nil {
				return err
			}
			if err := writeShareTags(ctx, tx, id, v); err != nil {
				return err
			}
			if err := writeSharedPartnerships(ctx, tx, id, a.ID, v.Partners); err != nil {
				return err
			}
		}
		return nil
	})
}
