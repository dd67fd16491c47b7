package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations
var migrations embed.FS

// migrationLockID is an arbitrary constant that names Boussole's migration lock in PostgreSQL.
const migrationLockID = 7_264_011_2026

// Migrate applies the migrations the database has not seen yet, each in its own transaction. Several
// instances may start at once: PostgreSQL serialises them with an advisory lock, SQLite with its write lock.
func (s *Store) Migrate(ctx context.Context) (applied []int, err error) {
	files, err := migrationFiles(s.dialect)
	if err != nil {
		return nil, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: migrate: %w", err)
	}
	defer conn.Close()
	if s.dialect == Postgres {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", migrationLockID); err != nil {
			return nil, fmt.Errorf("store: migrate: unable to take the lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrationLockID)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		return nil, fmt.Errorf("store: migrate: %w", err)
	}
	for _, f := range files {
		done, err := applyOne(ctx, conn, s.dialect, f)
		if err != nil {
			return applied, err
		}
		if done {
			applied = append(applied, f.version)
		}
	}
	return applied, moveAttachmentFiles(ctx, conn, s)
}

type migrationFile struct {
	version int
	name    string
	sql     string
}

func migrationFiles(d Dialect) ([]migrationFile, error) {
	dir := "migrations/" + string(d)
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	var out []migrationFile
	for _, e := range entries {
		prefix, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(prefix)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("store: migration file %q is not named NNNN_name.sql", e.Name())
		}
		body, err := migrations.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migrationFile{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// applyOne applies one migration unless it is recorded, checking again inside the transaction because
// another instance may have applied it while this one waited for the lock.
func applyOne(ctx context.Context, conn *sql.Conn, d Dialect, f migrationFile) (bool, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("store: migrate %s: %w", f.name, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = $1", f.version).Scan(&n); err != nil {
		return false, fmt.Errorf("store: migrate %s: %w", f.name, err)
	}
	if n > 0 {
		return false, nil
	}
	for _, stmt := range splitStatements(f.sql) {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return false, fmt.Errorf("store: migrate %s (%s): %w", f.name, d, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", f.version, f.name); err != nil {
		return false, fmt.Errorf("store: migrate %s: %w", f.name, err)
	}
	return true, tx.Commit()
}

// splitStatements cuts a migration file at semicolons that end a line; our migrations hold no
// procedural code, so this is enough and keeps each Exec to one statement on both drivers.
func splitStatements(sqlText string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(sqlText, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "--") || trimmed == "" {
			continue
		}
		cur.WriteString(line)
		cur.WriteString("\n")
		if strings.HasSuffix(trimmed, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, cur.String())
	}
	return out
}
