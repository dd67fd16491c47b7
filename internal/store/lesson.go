package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"boussole/internal/sharing"
	"boussole/internal/textkey"
)

const lessonColumns = "id, authority_id, title, body, country, theme, difficulty, shared, created_at, updated_at, version"

func scanLesson(row interface{ Scan(...any) error }) (sharing.Lesson, error) {
	var l sharing.Lesson
	var d string
	err := row.Scan(&l.ID, &l.AuthorityID, &l.Title, &l.Text, &l.Country, &l.Theme, &d, &l.Shared, &l.CreatedAt, &l.UpdatedAt, &l.Version)
	l.Difficulty, l.CreatedAt, l.UpdatedAt = sharing.Difficulty(d), l.CreatedAt.UTC(), l.UpdatedAt.UTC()
	return l, err
}

// Lessons lists an authority's lessons learned, latest first.
func (s *Store) Lessons(ctx context.Context, authorityID int64) ([]sharing.Lesson, error) {
	return queryAll(ctx, s.db, scanLesson, "SELECT "+lessonColumns+" FROM lessons WHERE authority_id = $1 ORDER BY updated_at DESC, id DESC", authorityID)
}

// Lesson returns one of an authority's lessons.
func (s *Store) Lesson(ctx context.Context, authorityID, id int64) (sharing.Lesson, error) {
	return queryOne(ctx, s.db, scanLesson, "SELECT "+lessonColumns+" FROM lessons WHERE authority_id = $1 AND id = $2", authorityID, id)
}

// SaveLesson creates (ID 0) or updates a lesson if nobody changed it since l.Version.
func (s *Store) SaveLesson(ctx context.Context, by Actor, l *sharing.Lesson) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := now()
		action := actionUpdate
		if l.ID == 0 {
			action = actionCreate
			l.Version, l.CreatedAt = 1, t
			if err := tx.QueryRowContext(ctx, `INSERT INTO lessons (authority_id, title, body, country, theme, difficulty, shared, search_key, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`, l.AuthorityID, l.Title, l.Text, l.Country, l.Theme, string(l.Difficulty), l.Shared,
				sharing.LessonKey(*l), t).Scan(&l.ID); err != nil {
				return fmt.Errorf("store: unable to save the lesson: %w", err)
			}
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE lessons SET title = $1, body = $2, country = $3, theme = $4, difficulty = $5, shared = $6, search_key = $7,
				updated_at = $8, version = version + 1 WHERE authority_id = $9 AND id = $10 AND version = $11`, l.Title, l.Text, l.Country, l.Theme,
				string(l.Difficulty), l.Shared, sharing.LessonKey(*l), t, l.AuthorityID, l.ID, l.Version)
			if err := updated(res, err, "lesson"); err != nil {
				return err
			}
			l.Version++
		}
		l.UpdatedAt = t
		return audit(ctx, tx, by, change{authorityID: l.AuthorityID, action: action, entity: "leçon apprise", entityID: l.ID, summary: l.Title, after: *l})
	})
}

// DeleteLesson deletes a lesson; ErrConflict when it changed since version.
func (s *Store) DeleteLesson(ctx context.Context, by Actor, authorityID, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := queryOne(ctx, tx, scanLesson, "SELECT "+lessonColumns+" FROM lessons WHERE authority_id = $1 AND id = $2", authorityID, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM lessons WHERE authority_id = $1 AND id = $2 AND version = $3", authorityID, id, version)
		if err := updated(res, err, "lesson"); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "leçon apprise", entityID: id, summary: before.Title, before: before})
	})
}

// SharedLessons returns the lessons other authorities share that match the library's words, country and
// theme, latest first, with their authority's name.
func (s *Store) SharedLessons(ctx context.Context, q sharing.Query, exclude int64, limit int) ([]sharing.Lesson, []string, error) {
	where, args := []string{"l.shared = TRUE", "l.authority_id <> $1"}, []any{exclude}
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", len(args))))
	}
	for _, w := range q.Words() {
		add(`l.search_key LIKE ? ESCAPE '\'`, "%"+likeEscape(w)+"%")
	}
	if q.Country != "" {
		add("l.country = ?", q.Country)
	}
	if q.Theme != "" {
		add(`l.search_key LIKE ? ESCAPE '\'`, "%"+likeEscape(strings.Join(strings.Fields(textkey.Fold(q.Theme)), " "))+"%")
	}
	var names []string
	list, err := queryAll(ctx, s.db, func(row interface{ Scan(...any) error }) (sharing.Lesson, error) {
		var name string
		var d string
		var l sharing.Lesson
		err := row.Scan(&l.ID, &l.AuthorityID, &l.Title, &l.Text, &l.Country, &l.Theme, &d, &l.UpdatedAt, &name)
		l.Difficulty = sharing.Difficulty(d)
		names = append(names, name)
		return l, err
	}, "SELECT l.id, l.authority_id, l.title, l.body, l.country, l.theme, l.difficulty, l.updated_at, a.name FROM lessons l JOIN authorities a ON a.id = l.authority_id WHERE "+
		strings.Join(where, " AND ")+fmt.Sprintf(" ORDER BY l.updated_at DESC, l.id DESC LIMIT %d", limit), args...)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return list, names, err
}
