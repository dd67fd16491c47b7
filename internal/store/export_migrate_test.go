package store

import (
	"context"
	"fmt"
)

// Helpers for the external tests, compiled only with them.

// MigrateBefore applies only the migrations older than version, so a test can write rows as an older
// schema held them and then check what a migration does with them.
func (s *Store) MigrateBefore(ctx context.Context, version int) error {
	files, err := migrationFiles(s.dialect)
	if err != nil {
		return err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		return err
	}
	for _, f := range files {
		if f.version >= version {
			break
		}
		if _, err := applyOne(ctx, conn, s.dialect, f); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return nil
}

// ExecRaw runs one statement as it is, for the same tests.
func (s *Store) ExecRaw(ctx context.Context, query string, args ...any) error {
	_, err := s.db.ExecContext(ctx, query, args...)
	return err
}
