package store

import (
	"boussole/internal/strategy"
	"context"
	"database/sql"
)

// Helpers for the external tests, compiled only with them.

// AttachmentContents counts the attachments' bytes kept in the database.
func (s *Store) AttachmentContents(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM attachment_contents").Scan(&n)
	return n, err
}

// ForgetAttachmentBytes makes an attachment look as an older version left it, its bytes on disk only; it
// returns the key that named the file.
func (s *Store) ForgetAttachmentBytes(ctx context.Context, authorityID, id int64) (string, error) {
	a, err := s.Attachment(ctx, authorityID, id)
	if err != nil {
		return "", err
	}
	_, err = s.db.ExecContext(ctx, "DELETE FROM attachment_contents WHERE attachment_id = $1", id)
	return a.key, err
}

// MigrateBelow applies the migrations numbered below version only, so that a test can write rows the way the
// schema held them before a migration, then run it.
func (s *Store) MigrateBelow(ctx context.Context, version int) error {
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
			return err
		}
	}
	return nil
}

// DB exposes the pool to tests that write rows in an older schema.
func (s *Store) DB() *sql.DB { return s.db }

// AfterEachPart has fn run between the parts ReadStrategy reads, inside its transaction.
func (s *Store) AfterEachPart(fn func(strategy.Part)) { s.afterPart = fn }
