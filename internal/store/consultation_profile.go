package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/model"
	"boussole/internal/publicpage"
)

const profileColumns = `authority_id, published, intro, address, contact, dpo, show_key_elements, show_objectives, show_priorities,
	show_adoption, show_calendar, show_partnerships, show_projects, siret, updated_at, version`

func scanProfile(row interface{ Scan(...any) error }) (publicpage.Profile, error) {
	var p publicpage.Profile
	err := row.Scan(profileDest(&p)...)
	p.UpdatedAt = p.UpdatedAt.UTC()
	return p, err
}

func profileDest(p *publicpage.Profile) []any {
	return []any{&p.AuthorityID, &p.Published, &p.Intro, &p.Address, &p.Contact, &p.DPO, &p.ShowKeyElements, &p.ShowObjectives,
		&p.ShowPriorities, &p.ShowAdoption, &p.ShowCalendar, &p.ShowPartnerships, &p.ShowProjects, &p.SIRET, &p.UpdatedAt, &p.Version}
}

// PublicProfile returns the authority's public page settings; an authority that never saved them gets
// the zero profile (Version 0), which publishes nothing.
func (s *Store) PublicProfile(ctx context.Context, authorityID int64) (publicpage.Profile, error) {
	p, err := queryOne(ctx, s.db, scanProfile, "SELECT "+profileColumns+" FROM public_profiles WHERE authority_id = $1", authorityID)
	if errors.Is(err, ErrNotFound) {
		return publicpage.Profile{AuthorityID: authorityID}, nil
	}
	if err != nil {
		return p, fmt.Errorf("store: unable to read the public profile: %w", err)
	}
	return p, nil
}

// SavePublicProfile saves the settings if nobody changed them since p.Version (0: never saved).
func (s *Store) SavePublicProfile(ctx context.Context, by Actor, p *publicpage.Profile) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := now()
		var res sql.Result
		var err error
		if p.Version == 0 {
			res, err = tx.ExecContext(ctx, `INSERT INTO public_profiles (`+profileColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1)
				ON CONFLICT (authority_id) DO NOTHING`, p.AuthorityID, p.Published, p.Intro, p.Address, p.Contact, p.DPO, p.ShowKeyElements,
				p.ShowObjectives, p.ShowPriorities, p.ShowAdoption, p.ShowCalendar, p.ShowPartnerships, p.ShowProjects, p.SIRET, t)
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE public_profiles SET published = $1, intro = $2, address = $3, contact = $4, dpo = $5,
				show_key_elements = $6, show_objectives = $7, show_priorities = $8, show_adoption = $9, show_calendar = $10,
				show_partnerships = $11, show_projects = $12, siret = $13, updated_at = $14,
				version = version + 1 WHERE authority_id = $15 AND version = $16`, p.Published, p.Intro, p.Address, p.Contact, p.DPO,
				p.ShowKeyElements, p.ShowObjectives, p.ShowPriorities, p.ShowAdoption, p.ShowCalendar, p.ShowPartnerships, p.ShowProjects, p.SIRET, t,
				p.AuthorityID, p.Version)
		}
		if err := updated(res, err, "public profile"); err != nil {
			return err
		}
		p.Version++
		p.UpdatedAt = t
		return audit(ctx, tx, by, change{authorityID: p.AuthorityID, action: actionUpdate, entity: "page publique", entityID: p.AuthorityID,
			summary: map[bool]string{true: "publiée", false: "non publiée"}[p.Published], after: p})
	})
}

// PublishingAuthorities lists the authorities whose public page is published, by name, for the landing page.
func (s *Store) PublishingAuthorities(ctx context.Context) ([]model.Authority, error) {
	return queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (model.Authority, error) {
		var a model.Authority
		err := row.Scan(&a.ID, &a.Name, &a.Slug, &a.Kind)
		return a, err
	}, `SELECT a.id, a.name, a.slug, a.kind FROM authorities a JOIN public_profiles p ON p.authority_id = a.id
		WHERE p.published ORDER BY a.name LIMIT 500`)
}
