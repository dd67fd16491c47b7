package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"boussole/internal/model"
)

// Actor is who makes a change, for the audit log. The zero Actor is the system (command line, demo).
type Actor struct {
	UserID int64
	Label  string
}

// change describes one write for the audit log; before and after are any records, stored as JSON.
type change struct {
	authorityID int64
	action      string
	entity      string
	entityID    any
	summary     string
	before      any
	after       any
}

// Audit actions, in French since they are shown as they are.
const (
	actionCreate = "création"
	actionUpdate = "modification"
	actionDelete = "suppression"
)

// audit writes one entry in the same transaction as the change it records, so the log never claims a
// change that was rolled back, nor misses one that was committed.
func audit(ctx context.Context, q querier, by Actor, c change) error {
	var authority any
	if c.authorityID != 0 {
		authority = c.authorityID
	}
	var user any
	if by.UserID != 0 {
		user = by.UserID
	}
	label := by.Label
	if label == "" {
		label = "système"
	}
	_, err := q.ExecContext(ctx, `INSERT INTO audit_log (authority_id, user_id, user_label, at, action, entity, entity_id, summary, before_json, after_json)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		authority, user, label, now(), c.action, c.entity, fmt.Sprint(c.entityID), c.summary, toJSON(c.before), toJSON(c.after))
	if err != nil {
		return fmt.Errorf("store: unable to write the audit log: %w", err)
	}
	return nil
}

func toJSON(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
	return string(b)
}

// AuditLog returns an authority's audit entries, newest first, narrowed by the filter.
func (s *Store) AuditLog(ctx context.Context, authorityID int64, f model.AuditFilter) ([]model.AuditEntry, error) {
	where := []string{"authority_id = $1"}
	args := []any{authorityID}
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.Entity != "" {
		add("entity = $%d", f.Entity)
	}
	if f.UserID != 0 {
		add("user_id = $%d", f.UserID)
	}
	if !f.From.IsZero() {
		add("at >= $%d", f.From.UTC())
	}
	if !f.To.IsZero() {
		add("at < $%d", f.To.UTC())
	}
	limit := f.Limit
	if limit <= 0 || limit > 10000 {
		limit = 10000
	}
	query := `SELECT id, COALESCE(user_id, 0), user_label, at, action, entity, entity_id, summary, before_json, after_json
		FROM audit_log WHERE ` + strings.Join(where, " AND ") +
		fmt.Sprintf(" ORDER BY at DESC, id DESC LIMIT %d OFFSET %d", limit, max(f.Offset, 0))
	return queryAll(ctx, prepared{s}, func(row rowScanner) (model.AuditEntry, error) {
		e := model.AuditEntry{AuthorityID: authorityID}
		err := row.Scan(&e.ID, &e.UserID, &e.UserLabel, &e.At, &e.Action, &e.Entity, &e.EntityID, &e.Summary, &e.Before, &e.After)
		e.At = e.At.UTC()
		return e, err
	}, query, args...)
}

// AuditEntities lists the kinds of record that appear in an authority's log, for the filter.
func (s *Store) AuditEntities(ctx context.Context, authorityID int64) ([]string, error) {
	return queryAll(ctx, prepared{s}, scanColumn[string], "SELECT DISTINCT entity FROM audit_log WHERE authority_id = $1 ORDER BY entity", authorityID)
}

// ChangeMark returns the ID of an authority's latest audit entry. Every write is audited in its own
// transaction, so the mark moves whenever any of the authority's data changes, on every instance alike.
func (s *Store) ChangeMark(ctx context.Context, authorityID int64) (int64, error) {
	var mark int64
	if err := s.queryRow(ctx, "SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE authority_id = $1", authorityID).Scan(&mark); err != nil {
		return 0, fmt.Errorf("store: unable to read the change mark: %w", err)
	}
	return mark, nil
}
