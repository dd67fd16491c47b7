package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// ErrBackupPostgres says that PostgreSQL databases are copied with the server's own tools.
var ErrBackupPostgres = errors.New("sur PostgreSQL, utilisez pg_dump pour une copie cohérente de la base")

// Backup writes a consistent copy of the SQLite database to path while the application keeps running.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect == Postgres {
		return ErrBackupPostgres
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("le fichier %s existe déjà ; choisissez un autre nom", path)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO $1", path); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	return nil
}
