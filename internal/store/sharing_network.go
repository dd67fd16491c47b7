package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"boussole/internal/model"
	"boussole/internal/sharing"
	"boussole/internal/textkey"
)

// liveGrants selects the authorities that granted the account in placeholder arg access and have not
// revoked it: a network sees its members' shares only while they let it.
func liveGrants(arg string) string {
	return "SELECT authority_id FROM grants WHERE user_id = " + arg + " AND revoked_at IS NULL"
}

// NetworkMembers lists, by name, the authorities whose live grants an account holds.
func (s *Store) NetworkMembers(ctx context.Context, userID int64) ([]model.Authority, error) {
	return queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (model.Authority, error) {
		var a model.Authority
		return a, row.Scan(&a.ID, &a.Name, &a.Slug, &a.Kind)
	}, "SELECT id, name, slug, kind FROM authorities WHERE id IN ("+liveGrants("$1")+") ORDER BY name, id", userID)
}

// AtlasThemes counts the shared partnerships, and the authorities holding them, per theme; within a
// network's members when network is not 0. A partnership in two countries counts once.
func (s *Store) AtlasThemes(ctx context.Context, network int64) ([]sharing.ThemeCount, error) {
	query, args := "SELECT DISTINCT share_id, partner_key, authority_id, themes FROM shared_partnerships", []any{}
	if network != 0 {
		query += " WHERE authority_id IN (" + liveGrants("$1") + ")"
		args = append(args, network)
	}
	type row struct {
		share, authority int64
		partner, themes  string
	}
	rows, err := queryAll(ctx, s.db, func(sc interface{ Scan(...any) error }) (row, error) {
		var x row
		return x, sc.Scan(&x.share, &x.partner, &x.authority, &x.themes)
	}, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to count the atlas's themes: %w", err)
	}
	type tally struct {
		name        string
		partners    int
		authorities map[int64]bool
	}
	byKey := map[string]*tally{}
	for _, x := range rows {
		for _, theme := range strings.Split(x.themes, ", ") {
			key := textkey.Fold(theme)
			if key == "" {
				continue
			}
			t := byKey[key]
			if t == nil {
				t = &tally{name: strings.TrimSpace(theme), authorities: map[int64]bool{}}
				byKey[key] = t
			}
			t.partners++
			t.authorities[x.authority] = true
		}
	}
	out := make([]sharing.ThemeCount, 0, len(byKey))
	for _, t := range byKey {
		out = append(out, sharing.ThemeCount{Theme: t.name, Partners: t.partners, Authorities: len(t.authorities)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Partners != out[j].Partners {
			return out[i].Partners > out[j].Partners
		}
		return out[i].Theme < out[j].Theme
	})
	return out, nil
}
