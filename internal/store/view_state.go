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
	// Platform is the latest audit entry of any authority: it moves on every audited write anywhere, for
	// the pages that show other authorities' data (the library and atlas of shared strategies).
	Platform int64
	// Contributions is the authority's latest contribution: citizens' contributions are written in batches,
	// not audited one by one, and the team's pages and the published results count them.
	Contributions int64
}

// The marks of an authority's own data, the same in a workspace's and in a public page's reading.
const (
	changeMark        = "(SELECT COALESCE(MAX(l.id), 0) FROM audit_log l WHERE l.authority_id = a.id)"
	contributionsMark = "(SELECT COALESCE(MAX(k.id), 0) FROM contributions k WHERE k.authority_id = a.id)"
)

// sessionViewQuery reads a live session's user, the workspace named by its slug with the user's role
// there (a membership, else an active accompagnateur grant) and the page's view marks, in one statement.
var sessionViewQuery = `SELECT ` + prefixed("u.", userColumns) + `, ` + prefixed("a.", authorityColumns) + `, COALESCE(m.role,
		CASE WHEN EXISTS (SELECT 1 FROM grants g WHERE g.authority_id = a.id AND g.user_id = u.id AND g.revoked_at IS NULL) THEN 'accompagnateur' ELSE '' END),
	` + changeMark + `,
	(SELECT COUNT(*) FROM notifications n WHERE n.authority_id = a.id AND n.user_id = u.id AND n.read_at IS NULL),
	(SELECT COALESCE(MAX(c.strategy_id), 0) FROM session_strategies c WHERE c.token_hash = s.token_hash AND c.authority_id = a.id),
	(SELECT COALESCE(MAX(p.id), 0) FROM audit_log p),
	` + contributionsMark + `
	FROM sessions s JOIN users u ON u.id = s.user_id JOIN authorities a ON a.slug = $2
	LEFT JOIN memberships m ON m.authority_id = a.id AND m.user_id = u.id
	WHERE s.token_hash = $1 AND s.expires_at > $3`

// SessionWorkspaceView is SessionUser, WorkspaceFor and the page's view marks in one statement, for the
// workspace pages that are reused while nothing they show has moved: one round trip on every such page.
// ErrNotFound means no live session, no such workspace or no access to it; the caller tells them apart
// with SessionUser and WorkspaceFor, on that rare path only.
func (s *Store) SessionWorkspaceView(ctx context.Context, tokenHash, slug string) (model.User, model.Workspace, ViewMarks, error) {
	var u model.User
	var w model.Workspace
	var m ViewMarks
	var role string
	a := &w.Authority
	err := s.queryRow(ctx, sessionViewQuery, tokenHash, slug, now()).Scan(
		&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.PlatformAdmin, &u.CreatedAt, &u.Version,
		&a.ID, &a.Kind, &a.OfficialID, &a.Name, &a.Slug, &a.Population, &a.Demo, &a.CreatedAt, &a.Version, &role,
		&m.Change, &m.Unread, &m.Chosen, &m.Platform, &m.Contributions)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && role == "") {
		return u, w, m, ErrNotFound
	}
	if err != nil {
		return u, w, m, fmt.Errorf("store: unable to read the session and workspace: %w", err)
	}
	u.CreatedAt = u.CreatedAt.UTC()
	w.Role = access.Role(role)
	return u, w, m, nil
}

// publicViewQuery reads an authority by its slug with the marks of its data, for the public pages.
var publicViewQuery = "SELECT " + prefixed("a.", authorityColumns) + ", " + changeMark + ", " + contributionsMark +
	" FROM authorities a WHERE a.slug = $1"

// PublicView returns the authority named by slug and the marks its public pages depend on, in one
// statement: a public page is reused while they have not moved. Unread, Chosen and Platform stay 0.
func (s *Store) PublicView(ctx context.Context, slug string) (model.Authority, ViewMarks, error) {
	var a model.Authority
	var m ViewMarks
	err := s.queryRow(ctx, publicViewQuery, slug).Scan(append(authorityDest(&a), &m.Change, &m.Contributions)...)
	a.CreatedAt = a.CreatedAt.UTC()
	if errors.Is(err, sql.ErrNoRows) {
		return a, m, ErrNotFound
	}
	if err != nil {
		return a, m, fmt.Errorf("store: unable to read the authority's marks: %w", err)
	}
	return a, m, nil
}
