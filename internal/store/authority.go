package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/model"
)

const authorityColumns = "id, kind, COALESCE(official_id, ''), name, slug, population, demo, created_at, version"

func scanAuthority(row interface{ Scan(...any) error }) (model.Authority, error) {
	var a model.Authority
	err := row.Scan(authorityDest(&a)...)
	a.CreatedAt = a.CreatedAt.UTC()
	return a, err
}

func authorityDest(a *model.Authority) []any {
	return []any{&a.ID, &a.Kind, &a.OfficialID, &a.Name, &a.Slug, &a.Population, &a.Demo, &a.CreatedAt, &a.Version}
}

// AuthorityBySlug returns the workspace whose URL prefix is slug.
func (s *Store) AuthorityBySlug(ctx context.Context, slug string) (model.Authority, error) {
	a, err := scanAuthority(s.queryRow(ctx, "SELECT "+authorityColumns+" FROM authorities WHERE slug = $1", slug))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	return a, err
}

// AuthorityByID returns a workspace by its ID.
func (s *Store) AuthorityByID(ctx context.Context, id int64) (model.Authority, error) {
	return authorityByIDIn(ctx, s.db, id)
}

func authorityByIDIn(ctx context.Context, q querier, id int64) (model.Authority, error) {
	a, err := scanAuthority(q.QueryRowContext(ctx, "SELECT "+authorityColumns+" FROM authorities WHERE id = $1", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	return a, err
}

// AuthorityByOfficialID returns the workspace opened for an authority of the official list.
func (s *Store) AuthorityByOfficialID(ctx context.Context, officialID string) (model.Authority, error) {
	a, err := scanAuthority(s.queryRow(ctx, "SELECT "+authorityColumns+" FROM authorities WHERE official_id = $1", officialID))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	return a, err
}

// Authorities lists every workspace, for the platform administrator.
func (s *Store) Authorities(ctx context.Context) ([]model.Authority, error) {
	return queryAll(ctx, prepared{s}, scanAuthority, "SELECT "+authorityColumns+" FROM authorities ORDER BY search_key")
}

// slugTaken reports whether a workspace already uses slug.
func slugTaken(ctx context.Context, q querier, slug string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM authorities WHERE slug = $1", slug).Scan(&n)
	return n > 0, err
}

// insertAuthority creates a workspace, picking a free slug from the one proposed.
func insertAuthority(ctx context.Context, q querier, a *model.Authority, searchKey string) error {
	base := a.Slug
	for i := 2; ; i++ {
		taken, err := slugTaken(ctx, q, a.Slug)
		if err != nil {
			return fmt.Errorf("store: unable to check the slug: %w", err)
		}
		if !taken {
			break
		}
		a.Slug = fmt.Sprintf("%s-%d", base, i)
	}
	var official any
	if a.OfficialID != "" {
		official = a.OfficialID
	}
	a.CreatedAt = now()
	a.Version = 1
	err := q.QueryRowContext(ctx, `INSERT INTO authorities (kind, official_id, name, slug, population, search_key, demo, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		a.Kind, official, a.Name, a.Slug, a.Population, searchKey, a.Demo, a.CreatedAt).Scan(&a.ID)
	if isUniqueViolation(err) {
		return ErrDuplicate
	}
	if err != nil {
		return fmt.Errorf("store: unable to create the authority: %w", err)
	}
	return nil
}
