package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"boussole/internal/diagnostic"
)

const sessionColumns = "id, authority_id, strategy_id, held_on, title, audiences, format, outcomes, created_at, updated_at, version"

func scanSession(row interface{ Scan(...any) error }) (diagnostic.SessionRecord, error) {
	var rec diagnostic.SessionRecord
	var held sql.NullString
	var audiences, format string
	err := row.Scan(&rec.ID, &rec.AuthorityID, &rec.StrategyID, &held, &rec.Session.Title, &audiences, &format, &rec.Session.Outcomes,
		&rec.CreatedAt, &rec.UpdatedAt, &rec.Version)
	rec.Session.ID = strconv.FormatInt(rec.ID, 10)
	rec.Session.Date = partialOf(held)
	rec.Session.Format = diagnostic.SessionFormat(format)
	for _, a := range diagSplitLines(audiences) {
		rec.Session.Audiences = append(rec.Session.Audiences, diagnostic.Audience(a))
	}
	rec.CreatedAt, rec.UpdatedAt = rec.CreatedAt.UTC(), rec.UpdatedAt.UTC()
	return rec, err
}

// AwarenessSessions returns a strategy's sessions, most recent first, with their attendees.
func (s *Store) AwarenessSessions(ctx context.Context, authorityID, strategyID int64) ([]diagnostic.SessionRecord, error) {
	return awarenessSessionsIn(ctx, s.db, authorityID, strategyID)
}

func awarenessSessionsIn(ctx context.Context, q querier, authorityID, strategyID int64) ([]diagnostic.SessionRecord, error) {
	out, err := queryAll(ctx, q, scanSession, "SELECT "+sessionColumns+" FROM diagnostic_sessions WHERE authority_id = $1 AND strategy_id = $2 ORDER BY held_on DESC, id DESC",
		authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	type attendee struct {
		session int64
		a       diagnostic.Attendee
	}
	att, err := queryAll(ctx, q, scanInto(func(r *attendee) []any { return []any{&r.session, &r.a.Name, &r.a.Service} }),
		`SELECT a.session_id, a.name, a.service FROM diagnostic_attendees a
		JOIN diagnostic_sessions s ON s.id = a.session_id AND s.authority_id = a.authority_id
		WHERE a.authority_id = $1 AND s.strategy_id = $2 ORDER BY a.session_id, a.seq`, authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	index := make(map[int64]int, len(out))
	for i, rec := range out {
		index[rec.ID] = i
	}
	for _, r := range att {
		if i, ok := index[r.session]; ok {
			out[i].Session.Attendees = append(out[i].Session.Attendees, r.a)
		}
	}
	return out, nil
}

// diagnostic.SessionRecord returns one session of an authority with its attendees.
func (s *Store) AwarenessSession(ctx context.Context, authorityID, id int64) (diagnostic.SessionRecord, error) {
	return s.awarenessSession(ctx, s.db, authorityID, id)
}

func (s *Store) awarenessSession(ctx context.Context, q querier, authorityID, id int64) (diagnostic.SessionRecord, error) {
	rec, err := queryOne(ctx, q, scanSession, "SELECT "+sessionColumns+" FROM diagnostic_sessions WHERE authority_id = $1 AND id = $2", authorityID, id)
	if err != nil {
		return rec, err
	}
	rec.Session.Attendees, err = queryAll(ctx, q, scanInto(func(a *diagnostic.Attendee) []any { return []any{&a.Name, &a.Service} }),
		"SELECT name, service FROM diagnostic_attendees WHERE authority_id = $1 AND session_id = $2 ORDER BY seq", authorityID, id)
	return rec, err
}

func audienceLines(as []diagnostic.Audience) string {
	list := make([]string, len(as))
	for i, a := range as {
		list[i] = string(a)
	}
	return diagJoinLines(list)
}

// writeAttendees replaces a session's attendees.
func writeAttendees(ctx context.Context, tx *sql.Tx, authorityID, sessionID int64, list []diagnostic.Attendee) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM diagnostic_attendees WHERE authority_id = $1 AND session_id = $2", authorityID, sessionID); err != nil {
		return fmt.Errorf("store: unable to save the attendees: %w", err)
	}
	for i, a := range list {
		if _, err := tx.ExecContext(ctx, "INSERT INTO diagnostic_attendees (authority_id, session_id, seq, name, service) VALUES ($1, $2, $3, $4, $5)",
			authorityID, sessionID, i+1, strings.TrimSpace(a.Name), strings.TrimSpace(a.Service)); err != nil {
			return fmt.Errorf("store: unable to save the attendees: %w", err)
		}
	}
	return nil
}

// CreateAwarenessSession records a session and its attendees. The strategy must belong to the authority.
func (s *Store) CreateAwarenessSession(ctx context.Context, by Actor, rec *diagnostic.SessionRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := diagStrategyExists(ctx, tx, rec.AuthorityID, rec.StrategyID); err != nil {
			return err
		}
		t := now()
		rec.CreatedAt, rec.UpdatedAt, rec.Version = t, t, 1
		ss := rec.Session
		err := tx.QueryRowContext(ctx, `INSERT INTO diagnostic_sessions (authority_id, strategy_id, held_on, title, audiences, format, outcomes, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, rec.AuthorityID, rec.StrategyID, ss.Date.ISO(), ss.Title,
			audienceLines(ss.Audiences), string(ss.Format), ss.Outcomes, t, t).Scan(&rec.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the awareness session: %w", err)
		}
		rec.Session.ID = strconv.FormatInt(rec.ID, 10)
		if err := writeAttendees(ctx, tx, rec.AuthorityID, rec.ID, ss.Attendees); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: rec.AuthorityID, action: actionCreate, entity: "séance de sensibilisation", entityID: rec.ID,
			summary: ss.Title, after: rec.Session})
	})
}

// UpdateAwarenessSession saves a session and its attendees if nobody changed it since rec.Version.
func (s *Store) UpdateAwarenessSession(ctx context.Context, by Actor, rec *diagnostic.SessionRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.awarenessSession(ctx, tx, rec.AuthorityID, rec.ID)
		if err != nil {
			return err
		}
		t := now()
		ss := rec.Session
		res, err := tx.ExecContext(ctx, `UPDATE diagnostic_sessions SET held_on = $1, title = $2, audiences = $3, format = $4, outcomes = $5, updated_at = $6,
			version = version + 1 WHERE authority_id = $7 AND id = $8 AND version = $9`, ss.Date.ISO(), ss.Title, audienceLines(ss.Audiences),
			string(ss.Format), ss.Outcomes, t, rec.AuthorityID, rec.ID, rec.Version)
		if err != nil {
			return fmt.Errorf("store: unable to save the awareness session: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		if err := writeAttendees(ctx, tx, rec.AuthorityID, rec.ID, ss.Attendees); err != nil {
			return err
		}
		rec.StrategyID, rec.CreatedAt, rec.UpdatedAt, rec.Version = before.StrategyID, before.CreatedAt, t, rec.Version+1
		rec.Session.ID = before.Session.ID
		return audit(ctx, tx, by, change{authorityID: rec.AuthorityID, action: actionUpdate, entity: "séance de sensibilisation", entityID: rec.ID,
			summary: ss.Title, before: before.Session, after: rec.Session})
	})
}

// DeleteAwarenessSession removes a session and its attendees if nobody changed it since version.
func (s *Store) DeleteAwarenessSession(ctx context.Context, by Actor, authorityID, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.awarenessSession(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM diagnostic_attendees WHERE authority_id = $1 AND session_id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the attendees: %w", err)
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM diagnostic_sessions WHERE authority_id = $1 AND id = $2 AND version = $3", authorityID, id, version)
		if err != nil {
			return fmt.Errorf("store: unable to delete the awareness session: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "séance de sensibilisation", entityID: id,
			summary: before.Session.Title, before: before.Session})
	})
}

// diagnostic.ServiceListRecord returns the authority's list of services; an empty list with version 0 when never saved.
func (s *Store) ServiceList(ctx context.Context, authorityID int64) (diagnostic.ServiceListRecord, error) {
	return serviceListIn(ctx, s.db, authorityID)
}

func serviceListIn(ctx context.Context, q querier, authorityID int64) (diagnostic.ServiceListRecord, error) {
	l := diagnostic.ServiceListRecord{AuthorityID: authorityID}
	var text string
	err := q.QueryRowContext(ctx, "SELECT services, updated_at, version FROM diagnostic_services WHERE authority_id = $1", authorityID).Scan(&text, &l.UpdatedAt, &l.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return l, nil
	}
	l.Services, l.UpdatedAt = diagSplitLines(text), l.UpdatedAt.UTC()
	return l, err
}

// SaveServiceList saves the list if nobody saved it since l.Version (0: nobody ever did).
func (s *Store) SaveServiceList(ctx context.Context, by Actor, l *diagnostic.ServiceListRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := now()
		text := diagJoinLines(l.Services)
		if l.Version == 0 {
			_, err := tx.ExecContext(ctx, "INSERT INTO diagnostic_services (authority_id, services, updated_at) VALUES ($1, $2, $3)", l.AuthorityID, text, t)
			if isUniqueViolation(err) {
				return ErrConflict
			}
			if err != nil {
				return fmt.Errorf("store: unable to save the services: %w", err)
			}
		} else {
			res, err := tx.ExecContext(ctx, "UPDATE diagnostic_services SET services = $1, updated_at = $2, version = version + 1 WHERE authority_id = $3 AND version = $4",
				text, t, l.AuthorityID, l.Version)
			if err != nil {
				return fmt.Errorf("store: unable to save the services: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return ErrConflict
			}
		}
		l.Version++
		l.UpdatedAt = t
		return audit(ctx, tx, by, change{authorityID: l.AuthorityID, action: actionUpdate, entity: "services de la collectivité", entityID: l.AuthorityID,
			summary: strconv.Itoa(len(l.Services)) + " services", after: l.Services})
	})
}
