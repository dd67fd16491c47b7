package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// moveAttachmentFiles moves into the database the bytes of attachments that an older version kept as
// files under the data directory, then removes the files. It runs on Migrate's connection, so that on
// PostgreSQL the migration lock keeps two starting instances from moving one file twice; a file already
// gone leaves its row without bytes, which downloads answer as not found.
func moveAttachmentFiles(ctx context.Context, conn *sql.Conn, s *Store) error {
	if s.files == nil {
		return nil
	}
	type pending struct {
		id, authorityID int64
		key             string
	}
	todo, err := queryAll(ctx, conn, scanInto(func(p *pending) []any { return []any{&p.id, &p.authorityID, &p.key} }),
		`SELECT a.id, a.authority_id, a.storage_key FROM attachments a
		WHERE NOT EXISTS (SELECT 1 FROM attachment_contents c WHERE c.attachment_id = a.id)`)
	if err != nil {
		return fmt.Errorf("store: attachments to move: %w", err)
	}
	for _, p := range todo {
		data, err := s.readLegacyFile(p.authorityID, p.key)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("store: unable to read attachment %d from disk: %w", p.id, err)
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO attachment_contents (attachment_id, authority_id, data) VALUES ($1, $2, $3)
			ON CONFLICT (attachment_id) DO NOTHING`, p.id, p.authorityID, data); err != nil {
			return fmt.Errorf("store: unable to move attachment %d into the database: %w", p.id, err)
		}
		_ = s.files.Remove(p.authorityID, p.key) // a file left behind is harmless: its bytes are in the database
	}
	return nil
}

func (s *Store) readLegacyFile(authorityID int64, key string) ([]byte, error) {
	f, err := s.files.Open(authorityID, key)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}
