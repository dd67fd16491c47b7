package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"boussole/internal/sharing"
	"boussole/internal/territory"
	"boussole/internal/textkey"
)

// SaveShare shares a strategy's filtered view, or replaces the view an earlier share holds, with its
// partnerships for the atlas; logged in the authority's journal.
func (s *Store) SaveShare(ctx context.Context, by Actor, authorityID, strategyID int64, v sharing.View) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	region := ""
	if a, err := s.AuthorityByID(ctx, authorityID); err == nil {
		if t, ok := territory.ByID(a.OfficialID); ok {
			region = t.RegionCode
		}
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ownedStrategy(ctx, tx, authorityID, strategyID); err != nil {
			return err
		}
		t := now()
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM shares WHERE authority_id = $1 AND strategy_id = $2", authorityID, strategyID).Scan(&id)
		action := actionUpdate
		cols := []any{int64(v.Scope), string(v.Licence), string(body), sharing.SearchKey(v), v.Authority.Kind, string(sharing.BandOf(v.Authority.Population)),
			region, userOrNil(by.UserID), t}
		switch {
		case errors.Is(err, sql.ErrNoRows):
			action = actionCreate
			err = tx.QueryRowContext(ctx, `INSERT INTO shares (scope, licence, view_json, search_key, kind, population_band, region_code, shared_by, updated_at,
				created_at, authority_id, strategy_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
				append(cols, t, authorityID, strategyID)...).Scan(&id)
		case err == nil:
			_, err = tx.ExecContext(ctx, `UPDATE shares SET scope = $1, licence = $2, view_json = $3, search_key = $4, kind = $5, population_band = $6,
				region_code = $7, shared_by = $8, updated_at = $9 WHERE id = $10`, append(cols, id)...)
		}
		if err == nil {
			err = writeShareTags(ctx, tx, id, v)
		}
		if err != nil {
			return fmt.Errorf("store: unable to save the share: %w", err)
		}
		if err := writeSharedPartnerships(ctx, tx, id, authorityID, v.Partners); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: action, entity: "partage", entityID: strategyID,
			summary: v.Strategy.Title + " (" + v.Licence.Label() + ")",
			after:   map[string]any{"structure": v.Scope.Has(sharing.Structure), "partenariats": len(v.Partners), "éléments": len(v.Elements), "licence": v.Licence.Label()}})
	})
}

// shareTags are what the library filters a share by.
func shareTags(v sharing.View) []string {
	var tags []string
	for _, c := range v.Countries {
		tags = append(tags, "pays:"+c)
	}
	for _, t := range v.Themes {
		tags = append(tags, "theme:"+themeKey(t))
	}
	for _, g := range v.SDG {
		tags = append(tags, "odd:"+g)
	}
	slices.Sort(tags)
	return slices.Compact(tags)
}

func writeShareTags(ctx context.Context, tx *sql.Tx, shareID int64, v sharing.View) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM share_tags WHERE share_id = $1", shareID); err != nil {
		return err
	}
	for _, tag := range shareTags(v) {
		if _, err := tx.ExecContext(ctx, "INSERT INTO share_tags (share_id, tag) VALUES ($1, $2)", shareID, tag); err != nil {
			return fmt.Errorf("store: unable to tag the share: %w", err)
		}
	}
	return nil
}

func writeSharedPartnerships(ctx context.Context, tx *sql.Tx, shareID, authorityID int64, list []sharing.Partner) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM shared_partnerships WHERE share_id = $1", shareID); err != nil {
		return fmt.Errorf("store: unable to replace the shared partnerships: %w", err)
	}
	for _, p := range list {
		countries := p.Countries
		if len(countries) == 0 {
			countries = []string{""}
		}
		for _, c := range countries {
			if _, err := tx.ExecContext(ctx, `INSERT INTO shared_partnerships (share_id, authority_id, partner, partner_key, country, kind, themes, themes_key, start_year)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, shareID, authorityID, p.Partner, textkey.Fold(p.Partner), c, p.Kind,
				strings.Join(p.Themes, ", "), spaced(foldAll(p.Themes)), p.StartYear); err != nil {
				return fmt.Errorf("store: unable to share a partnership: %w", err)
			}
		}
	}
	return nil
}

// WithdrawShare ends a share: its view and partnerships disappear from the library and the atlas at once.
// Elements peers already copied stay theirs, with their provenance as text.
func (s *Store) WithdrawShare(ctx context.Context, by Actor, authorityID, strategyID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var title string
		err := tx.QueryRowContext(ctx, "SELECT st.title FROM shares sh JOIN strategies st ON st.id = sh.strategy_id WHERE sh.authority_id = $1 AND sh.strategy_id = $2",
			authorityID, strategyID).Scan(&title)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM shares WHERE authority_id = $1 AND strategy_id = $2", authorityID, strategyID); err != nil {
			return fmt.Errorf("store: unable to withdraw the share: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "partage", entityID: strategyID, summary: title})
	})
}

const shareColumns = "id, authority_id, strategy_id, view_json, shared_by, created_at, updated_at"

func scanShare(row interface{ Scan(...any) error }) (sharing.Share, error) {
	var sh sharing.Share
	var body string
	var by sql.NullInt64
	if err := row.Scan(&sh.ID, &sh.AuthorityID, &sh.StrategyID, &body, &by, &sh.CreatedAt, &sh.UpdatedAt); err != nil {
		return sh, err
	}
	sh.SharedBy, sh.CreatedAt, sh.UpdatedAt = by.Int64, sh.CreatedAt.UTC(), sh.UpdatedAt.UTC()
	if err := json.Unmarshal([]byte(body), &sh.View); err != nil {
		return sh, fmt.Errorf("store: unreadable share %d: %w", sh.ID, err)
	}
	return sh, nil
}

// ShareOf returns an authority's share of one of its strategies; ErrNotFound when it shares nothing of it.
func (s *Store) ShareOf(ctx context.Context, authorityID, strategyID int64) (sharing.Share, error) {
	return queryOne(ctx, s.db, scanShare, "SELECT "+shareColumns+" FROM shares WHERE authority_id = $1 AND strategy_id = $2", authorityID, strategyID)
}

// SharesOf returns every share of an authority, by strategy: the sharing page lists them all at once.
func (s *Store) SharesOf(ctx context.Context, authorityID int64) (map[int64]sharing.Share, error) {
	list, err := queryAll(ctx, s.db, scanShare, "SELECT "+shareColumns+" FROM shares WHERE authority_id = $1", authorityID)
	out := make(map[int64]sharing.Share, len(list))
	for _, sh := range list {
		out[sh.StrategyID] = sh
	}
	return out, err
}

// Share returns one share as any signed-in person of the platform reads it.
func (s *Store) Share(ctx context.Context, id int64) (sharing.Share, error) {
	return queryOne(ctx, s.db, scanShare, "SELECT "+shareColumns+" FROM shares WHERE id = $1", id)
}

// SearchShares returns a page of the library: the shares of other authorities than exclude that match the
// query, latest updated first, and how many match in all.
func (s *Store) SearchShares(ctx context.Context, q sharing.Query, exclude int64, offset, limit int) ([]sharing.Share, int, error) {
	where, args := []string{"authority_id <> $1"}, []any{exclude}
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", len(args))))
	}
	for _, w := range q.Words() {
		add(`search_key LIKE ? ESCAPE '\'`, "%"+likeEscape(w)+"%")
	}
	if q.Kind != "" {
		add("kind = ?", q.Kind)
	}
	if q.Band != "" {
		add("population_band = ?", string(q.Band))
	}
	if q.Region != "" {
		add("region_code = ?", q.Region)
	}
	for _, tag := range []string{tagOf("pays:", q.Country), tagOf("theme:", themeKey(q.Theme)), tagOf("odd:", q.SDG)} {
		if tag != "" {
			add("EXISTS (SELECT 1 FROM share_tags t WHERE t.tag = ? AND t.share_id = shares.id)", tag)
		}
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM shares WHERE "+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: unable to search the library: %w", err)
	}
	list, err := queryAll(ctx, s.db, scanShare, "SELECT "+shareColumns+" FROM shares WHERE "+cond+
		fmt.Sprintf(" ORDER BY updated_at DESC, id DESC LIMIT %d OFFSET %d", limit, offset), args...)
	return list, total, err
}

// Atlas returns a page of shared partnerships that match the query, by country then partner, and how many
// match in all.
func (s *Store) Atlas(ctx context.Context, q sharing.AtlasQuery, offset, limit int) ([]sharing.AtlasEntry, int, error) {
	where, args := []string{"1 = 1"}, []any{}
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", len(args))))
	}
	if q.Country != "" {
		add("p.country = ?", q.Country)
	}
	for _, w := range (sharing.Query{Text: q.Partner}).Words() {
		add(`p.partner_key LIKE ? ESCAPE '\'`, "%"+likeEscape(w)+"%")
	}
	if q.Theme != "" {
		add(`p.themes_key LIKE ? ESCAPE '\'`, "% "+likeEscape(themeKey(q.Theme))+" %")
	}
	if q.Network != 0 {
		add("p.authority_id IN ("+liveGrants("?")+")", q.Network)
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM shared_partnerships p WHERE "+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: unable to read the atlas: %w", err)
	}
	list, err := queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (sharing.AtlasEntry, error) {
		var e sharing.AtlasEntry
		return e, row.Scan(&e.ShareID, &e.AuthorityName, &e.AuthoritySlug, &e.Partner, &e.Country, &e.Kind, &e.Themes, &e.StartYear)
	}, "SELECT p.share_id, a.name, a.slug, p.partner, p.country, p.kind, p.themes, p.start_year FROM shared_partnerships p JOIN authorities a ON a.id = p.authority_id WHERE "+
		cond+fmt.Sprintf(" ORDER BY p.country, p.partner_key, a.name, p.id LIMIT %d OFFSET %d", limit, offset), args...)
	return list, total, err
}

// AtlasCountries counts the shared partnerships, and the authorities holding them, per country; within a
// network's members when network is not 0.
func (s *Store) AtlasCountries(ctx context.Context, network int64) ([]sharing.CountryCount, error) {
	cond, args := "", []any{}
	if network != 0 {
		cond, args = " AND authority_id IN ("+liveGrants("$1")+")", []any{network}
	}
	return queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (sharing.CountryCount, error) {
		var c sharing.CountryCount
		return c, row.Scan(&c.Country, &c.Partners, &c.Authorities)
	}, "SELECT country, COUNT(*), COUNT(DISTINCT authority_id) FROM shared_partnerships WHERE country <> ''"+cond+" GROUP BY country ORDER BY country", args...)
}

func tagOf(prefix, value string) string {
	if value == "" {
		return ""
	}
	return prefix + value
}

// spaced writes a list as « ␣a␣b␣ », so that LIKE '% a %' finds a whole item.
func spaced(list []string) string {
	if len(list) == 0 {
		return " "
	}
	return " " + strings.Join(list, " ") + " "
}

// themeKey is a theme as foldAll stores it.
func themeKey(theme string) string { return strings.Join(strings.Fields(textkey.Fold(theme)), "-") }

// foldAll folds each item and joins its words with a hyphen, so that a theme of several words stays one
// item of the spaced list.
func foldAll(list []string) []string {
	out := make([]string, 0, len(list))
	for _, x := range list {
		if f := themeKey(x); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// likeEscape makes a user's text literal in a LIKE pattern.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

func userOrNil(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// SharesOfAuthority counts the strategies an authority shares.
func (s *Store) SharesOfAuthority(ctx context.Context, authorityID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM shares WHERE authority_id = $1", authorityID).Scan(&n)
	return n, err
}
