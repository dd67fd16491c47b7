package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"boussole/internal/access"
	"boussole/internal/model"
)

func insertMember(ctx context.Context, q querier, authorityID, userID int64, role access.Role, service string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO memberships (authority_id, user_id, role, service, created_at) VALUES ($1, $2, $3, $4, $5)`,
		authorityID, userID, string(role), service, now())
	if isUniqueViolation(err) {
		return ErrDuplicate
	}
	if err != nil {
		return fmt.Errorf("store: unable to add the member: %w", err)
	}
	return nil
}

// RoleIn returns the role a user holds in a workspace: a membership first, then an active accompagnateur
// grant. ErrNotFound means no access at all.
func (s *Store) RoleIn(ctx context.Context, authorityID, userID int64) (access.Role, error) {
	var role string
	err := s.queryRow(ctx, "SELECT role FROM memberships WHERE authority_id = $1 AND user_id = $2", authorityID, userID).Scan(&role)
	if err == nil {
		return access.Role(role), nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("store: unable to read the role: %w", err)
	}
	var n int
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM grants WHERE authority_id = $1 AND user_id = $2 AND revoked_at IS NULL",
		authorityID, userID).Scan(&n); err != nil {
		return "", fmt.Errorf("store: unable to read grants: %w", err)
	}
	if n > 0 {
		return access.Accompagnateur, nil
	}
	return "", ErrNotFound
}

// Workspaces lists the workspaces a user can open, as member or accompagnateur.
func (s *Store) Workspaces(ctx context.Context, userID int64) ([]model.Workspace, error) {
	return queryAll(ctx, prepared{s}, func(row rowScanner) (model.Workspace, error) {
		var w model.Workspace
		var role string
		a := &w.Authority
		err := row.Scan(&a.ID, &a.Kind, &a.OfficialID, &a.Name, &a.Slug, &a.Population, &a.Demo, &a.CreatedAt, &a.Version, &role)
		w.Role = access.Role(role)
		return w, err
	}, `SELECT `+prefixed("a.", authorityColumns)+`, m.role FROM authorities a JOIN memberships m ON m.authority_id = a.id WHERE m.user_id = $1
		UNION ALL
		SELECT `+prefixed("a.", authorityColumns)+`, 'accompagnateur' FROM authorities a JOIN grants g ON g.authority_id = a.id WHERE g.user_id = $1 AND g.revoked_at IS NULL
		ORDER BY 4`, userID)
}

// Members lists a workspace's members by name.
func (s *Store) Members(ctx context.Context, authorityID int64) ([]model.Member, error) {
	return queryAll(ctx, prepared{s}, func(row rowScanner) (model.Member, error) {
		m := model.Member{AuthorityID: authorityID}
		var role string
		u := &m.User
		err := row.Scan(&role, &m.Service, &m.CreatedAt, &m.Version, &u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.PlatformAdmin, &u.CreatedAt, &u.Version)
		m.Role = access.Role(role)
		return m, err
	}, `SELECT m.role, m.service, m.created_at, m.version, `+prefixed("u.", userColumns)+`
		FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.authority_id = $1 ORDER BY u.name, u.email`, authorityID)
}

// ChangeRole changes a member's role with optimistic concurrency, refusing to leave a workspace without
// an administrator.
func (s *Store) ChangeRole(ctx context.Context, by Actor, authorityID, userID int64, role access.Role, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var before string
		if err := tx.QueryRowContext(ctx, "SELECT role FROM memberships WHERE authority_id = $1 AND user_id = $2", authorityID, userID).Scan(&before); err != nil {
			return ErrNotFound
		}
		if access.Role(before) == access.Admin && role != access.Admin {
			if err := ensureAnotherAdmin(ctx, tx, authorityID, userID); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE memberships SET role = $1, version = version + 1 WHERE authority_id = $2 AND user_id = $3 AND version = $4`,
			string(role), authorityID, userID, version)
		if err != nil {
			return fmt.Errorf("store: unable to change the role: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "membre", entityID: userID,
			summary: "rôle : " + access.Role(before).Label() + " → " + role.Label(), before: map[string]string{"rôle": before}, after: map[string]string{"rôle": string(role)}})
	})
}

// ErrLastAdmin is returned when a change would leave a workspace without an administrator.
var ErrLastAdmin = errors.New("store: last administrator")

func ensureAnotherAdmin(ctx context.Context, q querier, authorityID, userID int64) error {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM memberships WHERE authority_id = $1 AND role = $2 AND user_id <> $3",
		authorityID, string(access.Admin), userID).Scan(&n); err != nil {
		return fmt.Errorf("store: unable to count administrators: %w", err)
	}
	if n == 0 {
		return ErrLastAdmin
	}
	return nil
}

// RemoveMember removes someone from a workspace (their account stays).
func (s *Store) RemoveMember(ctx context.Context, by Actor, authorityID, userID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var role string
		if err := tx.QueryRowContext(ctx, "SELECT role FROM memberships WHERE authority_id = $1 AND user_id = $2", authorityID, userID).Scan(&role); err != nil {
			return ErrNotFound
		}
		if access.Role(role) == access.Admin {
			if err := ensureAnotherAdmin(ctx, tx, authorityID, userID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM memberships WHERE authority_id = $1 AND user_id = $2", authorityID, userID); err != nil {
			return fmt.Errorf("store: unable to remove the member: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "membre", entityID: userID,
			summary: access.Role(role).Label(), before: map[string]string{"rôle": role}})
	})
}

// prefixed qualifies each column of a comma-separated list with a table alias.
func prefixed(alias, columns string) string {
	out := ""
	for i, c := range splitColumns(columns) {
		if i > 0 {
			out += ", "
		}
		if len(c) > 9 && c[:9] == "COALESCE(" {
			out += "COALESCE(" + alias + c[9:]
		} else {
			out += alias + c
		}
	}
	return out
}

func splitColumns(columns string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range columns {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(columns[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(columns[start:]))
}

// CreateMember creates an account and makes it a member of a workspace with a role, all at once; for the
// demo and for administrators adding someone directly.
func (s *Store) CreateMember(ctx context.Context, by Actor, authorityID int64, u *model.User, role access.Role, service string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertUser(ctx, tx, u); err != nil {
			return err
		}
		if err := insertMember(ctx, tx, authorityID, u.ID, role, service); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "membre", entityID: u.ID,
			summary: u.Email + " (" + role.Label() + ")", after: publicUser(*u)})
	})
}

// WorkspaceFor returns the workspace whose URL prefix is slug with the role the user holds there (a
// membership, else an active accompagnateur grant), in one query since every workspace page needs both.
// ErrNotFound means the workspace does not exist or the user has no access to it: the two are not told apart.
func (s *Store) WorkspaceFor(ctx context.Context, slug string, userID int64) (model.Workspace, error) {
	var w model.Workspace
	var role string
	a := &w.Authority
	err := s.queryRow(ctx, `SELECT `+prefixed("a.", authorityColumns)+`, COALESCE(m.role,
			CASE WHEN EXISTS (SELECT 1 FROM grants g WHERE g.authority_id = a.id AND g.user_id = $2 AND g.revoked_at IS NULL) THEN 'accompagnateur' ELSE '' END)
		FROM authorities a LEFT JOIN memberships m ON m.authority_id = a.id AND m.user_id = $2 WHERE a.slug = $1`, slug, userID).
		Scan(&a.ID, &a.Kind, &a.OfficialID, &a.Name, &a.Slug, &a.Population, &a.Demo, &a.CreatedAt, &a.Version, &role)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && role == "") {
		return w, ErrNotFound
	}
	if err != nil {
		return w, fmt.Errorf("store: unable to read the workspace: %w", err)
	}
	w.Role = access.Role(role)
	return w, nil
}
