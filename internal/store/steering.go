package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"boussole/internal/steering"
)

const meetingColumns = `id, authority_id, kind, title, held_on, place, online, agenda, minutes, decisions, version`

func scanMeeting(row interface{ Scan(...any) error }) (steering.Meeting, error) {
	var m steering.Meeting
	var kind string
	err := row.Scan(&m.ID, &m.AuthorityID, &kind, &m.Title, &m.Date, &m.Place, &m.Online, &m.Agenda, &m.Minutes, &m.Decisions, &m.Version)
	m.Kind = steering.Kind(kind)
	m.Date = time.Date(m.Date.Year(), m.Date.Month(), m.Date.Day(), 0, 0, 0, 0, time.UTC)
	return m, err
}

// Meetings lists the authority's meetings, latest first, with who was invited and who attended, in two
// queries whatever their number.
func (s *Store) Meetings(ctx context.Context, authorityID int64) ([]steering.Meeting, error) {
	list, err := queryAll(ctx, s.db, scanMeeting, "SELECT "+meetingColumns+" FROM meetings WHERE authority_id = $1 ORDER BY held_on DESC, id DESC", authorityID)
	if err != nil {
		return nil, err
	}
	at := map[int64]int{}
	for i, m := range list {
		at[m.ID] = i
	}
	type attendee struct {
		meeting, stakeholder int64
		invited, attended    bool
	}
	att, err := queryAll(ctx, s.db, scanInto(func(a *attendee) []any { return []any{&a.meeting, &a.stakeholder, &a.invited, &a.attended} }),
		`SELECT a.meeting_id, a.stakeholder_id, a.invited, a.attended FROM meeting_attendees a
		JOIN meetings m ON m.id = a.meeting_id WHERE m.authority_id = $1 ORDER BY a.stakeholder_id`, authorityID)
	if err != nil {
		return nil, err
	}
	for _, a := range att {
		i, ok := at[a.meeting]
		if !ok {
			continue
		}
		if a.invited {
			list[i].Invited = append(list[i].Invited, a.stakeholder)
		}
		if a.attended {
			list[i].Attended = append(list[i].Attended, a.stakeholder)
		}
	}
	return list, nil
}

// Meeting returns one meeting of the authority with its attendees.
func (s *Store) Meeting(ctx context.Context, authorityID, id int64) (steering.Meeting, error) {
	list, err := s.Meetings(ctx, authorityID)
	if err != nil {
		return steering.Meeting{}, err
	}
	for _, m := range list {
		if m.ID == id {
			return m, nil
		}
	}
	return steering.Meeting{}, ErrNotFound
}

// SaveMeeting creates (ID 0) or updates a meeting if nobody changed it since m.Version, with its
// attendees; every stakeholder must be the authority's.
func (s *Store) SaveMeeting(ctx context.Context, by Actor, m *steering.Meeting) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := now()
		action := actionUpdate
		if m.ID == 0 {
			action = actionCreate
			if err := tx.QueryRowContext(ctx, `INSERT INTO meetings (authority_id, kind, title, held_on, place, online, agenda, minutes, decisions, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`, m.AuthorityID, string(m.Kind), m.Title, nullDate(m.Date), m.Place,
				m.Online, m.Agenda, m.Minutes, m.Decisions, t, t).Scan(&m.ID); err != nil {
				return fmt.Errorf("store: unable to create the meeting: %w", err)
			}
			m.Version = 1
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE meetings SET kind = $1, title = $2, held_on = $3, place = $4, online = $5, agenda = $6, minutes = $7,
				decisions = $8, updated_at = $9, version = version + 1 WHERE authority_id = $10 AND id = $11 AND version = $12`, string(m.Kind), m.Title,
				nullDate(m.Date), m.Place, m.Online, m.Agenda, m.Minutes, m.Decisions, t, m.AuthorityID, m.ID, m.Version)
			if err := updated(res, err, "meeting"); err != nil {
				return err
			}
			m.Version++
		}
		if err := saveAttendees(ctx, tx, m); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: m.AuthorityID, action: action, entity: "réunion", entityID: m.ID, summary: m.Title, after: m})
	})
}

func saveAttendees(ctx context.Context, tx *sql.Tx, m *steering.Meeting) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM meeting_attendees WHERE meeting_id = $1", m.ID); err != nil {
		return fmt.Errorf("store: unable to reset the attendees: %w", err)
	}
	people := map[int64][2]bool{}
	for _, id := range m.Invited {
		p := people[id]
		p[0] = true
		people[id] = p
	}
	for _, id := range m.Attended {
		p := people[id]
		p[1] = true
		people[id] = p
	}
	for id, p := range people {
		res, err := tx.ExecContext(ctx, `INSERT INTO meeting_attendees (meeting_id, stakeholder_id, invited, attended)
			SELECT $1, id, $3, $4 FROM stakeholders WHERE authority_id = $2 AND id = $5`, m.ID, m.AuthorityID, p[0], p[1], id)
		if err != nil {
			return fmt.Errorf("store: unable to record an attendee: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
	}
	return nil
}

// DeleteMeeting removes a meeting of the authority.
func (s *Store) DeleteMeeting(ctx context.Context, by Actor, authorityID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var title string
		if err := tx.QueryRowContext(ctx, "SELECT title FROM meetings WHERE authority_id = $1 AND id = $2", authorityID, id).Scan(&title); err == sql.ErrNoRows {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM meetings WHERE authority_id = $1 AND id = $2", authorityID, id); err != nil {
			return fmt.Errorf("store: unable to delete the meeting: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "réunion", entityID: id, summary: title})
	})
}
