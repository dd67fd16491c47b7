package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"boussole/internal/model"
	"boussole/internal/sharing"
	"boussole/internal/textkey"
)

// SeedSyntheticShares fills the platform with synthetic authorities and shares, for the library and atlas
// benchmarks only (the store's and bench/pages' -sharing-scale): authorities in all, shares of them sharing a
// strategy with partners partnerships each, in one transaction. No command of the product calls it; it lives
// here, not in a test file, so that a benchmark command can seed through the product's own writers
// (insertAuthority, writeShareTags, writeSharedPartnerships) and so measure the rows the product writes.
func (s *Store) SeedSyntheticShares(ctx context.Context, authorities, shares, partners int) error {
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
