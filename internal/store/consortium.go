package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/consortium"
	"boussole/internal/partialdate"
)

// CreateConsortium records a joint project proposed by c.LeadID, the lead as a member and each invited
// authority as invited; logged in the lead's journal.
func (s *Store) CreateConsortium(ctx context.Context, by Actor, c *consortium.Consortium, invited []int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := now()
		c.CreatedAt = t
		if err := tx.QueryRowContext(ctx, `INSERT INTO consortiums (lead_authority_id, title, description, country, theme, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, c.LeadID, c.Title, c.Description, c.Country, c.Theme, t).Scan(&c.ID); err != nil {
			return fmt.Errorf("store: unable to create the consortium: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO consortium_members (consortium_id, authority_id, status, invited_at, answered_at) VALUES ($1, $2, $3, $4, $4)`,
			c.ID, c.LeadID, string(consortium.Member), t); err != nil {
			return err
		}
		for _, id := range invited {
			var exists int
			if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM authorities WHERE id = $1", id).Scan(&exists); err != nil {
				return err
			}
			if exists == 0 {
				return ErrNotFound
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO consortium_members (consortium_id, authority_id, status, invited_at) VALUES ($1, $2, $3, $4)`,
				c.ID, id, string(consortium.Invited), t); err != nil && !isUniqueViolation(err) {
				return err
			}
		}
		return audit(ctx, tx, by, change{authorityID: c.LeadID, action: actionCreate, entity: "projet commun", entityID: c.ID, summary: c.Title,
			after: map[string]any{"titre": c.Title, "invitées": len(invited)}})
	})
}

// ConsortiumsOf lists the consortiums an authority leads, belongs to or is invited to, newest first.
func (s *Store) ConsortiumsOf(ctx context.Context, authorityID int64) ([]consortium.Consortium, error) {
	ids, err := queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (int64, error) {
		var id int64
		return id, row.Scan(&id)
	}, `SELECT c.id FROM consortiums c JOIN consortium_members m ON m.consortium_id = c.id
		WHERE m.authority_id = $1 AND m.status <> $2 ORDER BY c.created_at DESC, c.id DESC`, authorityID, string(consortium.Declined))
	if err != nil {
		return nil, err
	}
	out := make([]consortium.Consortium, 0, len(ids))
	for _, id := range ids { // a handful per authority: their spaces are small
		c, err := s.consortium(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// ConsortiumFor returns a consortium as the viewing authority may read it: ErrNotFound unless it leads it,
// belongs to it or is invited to it.
func (s *Store) ConsortiumFor(ctx context.Context, viewerID, id int64) (consortium.Consortium, error) {
	c, err := s.consortium(ctx, id)
	if err != nil {
		return c, err
	}
	if _, ok := c.Role(viewerID); !ok {
		return consortium.Consortium{}, ErrNotFound
	}
	return c, nil
}

func (s *Store) consortium(ctx context.Context, id int64) (consortium.Consortium, error) {
	var c consortium.Consortium
	err := s.db.QueryRowContext(ctx, "SELECT id, lead_authority_id, title, description, country, theme, created_at FROM consortiums WHERE id = $1", id).
		Scan(&c.ID, &c.LeadID, &c.Title, &c.Description, &c.Country, &c.Theme, &c.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, err
	}
	c.CreatedAt = c.CreatedAt.UTC()
	if c.Members, err = queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (consortium.Participant, error) {
		var p consortium.Participant
		var share sql.NullInt64
		var status string
		err := row.Scan(&p.AuthorityID, &p.AuthorityName, &status, &share, &p.ShareNote)
		p.Status = consortium.Status(status)
		if share.Valid {
			p.ShareCents = &share.Int64
		}
		return p, err
	}, `SELECT m.authority_id, a.name, m.status, m.share_cents, m.share_note FROM consortium_members m JOIN authorities a ON a.id = m.authority_id
		WHERE m.consortium_id = $1 ORDER BY m.invited_at, a.name`, id); err != nil {
		return c, err
	}
	c.Events, err = queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (consortium.Event, error) {
		var e consortium.Event
		var on string
		err := row.Scan(&e.ID, &e.Title, &on, &e.AddedBy)
		e.On, _ = partialdate.ParseISO(on)
		return e, err
	}, `SELECT e.id, e.title, e.held_on, a.name FROM consortium_events e JOIN authorities a ON a.id = e.authority_id
		WHERE e.consortium_id = $1 ORDER BY e.held_on, e.id`, id)
	return c, err
}

// AnswerConsortium records an invited authority's answer; ErrNotFound when it was not invited (or already
// answered).
func (s *Store) AnswerConsortium(ctx context.Context, by Actor, authorityID, id int64, accept bool) error {
	status := consortium.Declined
	if accept {
		status = consortium.Member
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE consortium_members SET status = $1, answered_at = $2 WHERE consortium_id = $3 AND authority_id = $4 AND status = $5`,
			string(status), now(), id, authorityID, string(consortium.Invited))
		if err := updated(res, err, "consortium member"); errors.Is(err, ErrConflict) {
			return ErrNotFound // not a row of this authority in that state
		} else if err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "projet commun", entityID: id, summary: status.Label()})
	})
}

// SetConsortiumShare records a member's share of the financing plan; ErrNotFound unless it is a member.
func (s *Store) SetConsortiumShare(ctx context.Context, by Actor, authorityID, id int64, cents *int64, note string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var share any
		if cents != nil {
			share = *cents
		}
		res, err := tx.ExecContext(ctx, `UPDATE consortium_members SET share_cents = $1, share_note = $2 WHERE consortium_id = $3 AND authority_id = $4 AND status = $5`,
			share, note, id, authorityID, string(consortium.Member))
		if err := updated(res, err, "consortium share"); errors.Is(err, ErrConflict) {
			return ErrNotFound // not a row of this authority in that state
		} else if err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "part d'un projet commun", entityID: id, summary: note})
	})
}

// AddConsortiumEvent adds a date to the shared calendar; ErrNotFound unless the authority is a member.
func (s *Store) AddConsortiumEvent(ctx context.Context, by Actor, authorityID, id int64, e *consortium.Event) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var status string
		err := tx.QueryRowContext(ctx, "SELECT status FROM consortium_members WHERE consortium_id = $1 AND authority_id = $2", id, authorityID).Scan(&status)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && consortium.Status(status) != consortium.Member) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO consortium_events (consortium_id, authority_id, title, held_on, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			id, authorityID, e.Title, e.On.ISO(), now()).Scan(&e.ID); err != nil {
			return fmt.Errorf("store: unable to add the date: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "date d'un projet commun", entityID: e.ID, summary: e.Title})
	})
}

// SharingAuthorities lists the authorities sharing something, but the one asking, for the invitation form:
// in the country given first (those that cooperate there), then the others, by name.
func (s *Store) SharingAuthorities(ctx context.Context, exclude int64, countryFirst string, limit int) ([]consortium.Participant, error) {
	return queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (consortium.Participant, error) {
		var p consortium.Participant
		var here int
		return p, row.Scan(&p.AuthorityID, &p.AuthorityName, &here)
	}, fmt.Sprintf(`SELECT a.id, a.name, MAX(CASE WHEN p.country = $2 THEN 1 ELSE 0 END) AS here FROM shares sh JOIN authorities a ON a.id = sh.authority_id
		LEFT JOIN shared_partnerships p ON p.share_id = sh.id
		WHERE sh.authority_id <> $1 GROUP BY a.id, a.name ORDER BY here DESC, a.name LIMIT %d`, limit), exclude, countryFirst)
}
