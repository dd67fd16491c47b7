package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/access"
	"boussole/internal/model"
)

// ViewMarks are what a workspace page depends on beyond the authority's audited data and the viewer's
// role. The web layer reuses a page it rendered while they have not moved; they are read from the
// database on every request, so the answer is the same on whichever instance serves it.
type ViewMarks struct {
	Change int64 // the authority's latest audit entry: it moves on every audited write
	Unread int64 // the viewer's unread notifications in the workspace (their own reading, not audited)
	Chosen int64 // the strategy the session chose to show (a way of looking, not audited), or 0
}

// WorkspaceView is WorkspaceFor and the page's view marks in one query, for the pages that are reused
// while nothing they show has moved: one round trip instead of two on every such page.
func (s *Store) WorkspaceView(ctx context.Context, slug string, userID int64, tokenHash string) (model.Workspace, ViewMarks, error) {
	var w model.Workspace
	var m ViewMarks
	var role string
	a := &w.Authority
	err := s.queryRow(ctx, `SELECT `+prefixed("a.", authorityColumns)+`, COALESCE(m.role,
			CASE WHEN EXISTS (SELECT 1 FROM grants g WHERE g.authority_id = a.id AND g.user_id = $2 AND g.revoked_at IS NULL) THEN 'accompagnateur' ELSE '' END),
		(SELECT COALESCE(MAX(l.id), 0) FROM audit_log l WHERE l.authority_id = a.id),
		(SELECT COUNT(*) FROM notifications n WHERE n.authority_id = a.id AND n.user_id = $2 AND n.read_at IS NULL),
		(SELECT COALESCE(MAX(c.strategy_id), 0) FROM session_strategies c WHERE c.token_hash = CAST($3 AS TEXT) AND c.authority_id = a.id)
		FROM authorities a LEFT JOIN memberships m ON m.authority_id = a.id AND m.user_id = $2 WHERE a.slug = $1`, slug, userID, tokenHash).
		Scan(&a.ID, &a.Kind, &a.OfficialID, &a.Name, &a.Slug, &a.Population, &a.Demo, &a.CreatedAt, &a.Version, &role,
			&m.Change, &m.Unread, &m.Chosen)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && role == "") {
		return w, m, ErrNotFound
	}
	if err != nil {
		return w, m, fmt.Errorf("store: unable to read the workspace: %w", err)
	}
	w.Role = access.Role(role)
	return w, m, nil
}
