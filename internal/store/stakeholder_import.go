package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"boussole/internal/stakeholder"
)

// uploadTTL is how long an uploaded file waits for its confirmation before it is discarded.
const uploadTTL = 24 * time.Hour

// Upload is a file kept between an import's preview and its confirmation, visible only to the authority
// and the user who sent it.
type Upload struct {
	ID       int64
	Filename string
	Data     []byte
}

// SaveUpload keeps an uploaded file for its user and authority, and discards that user's stale uploads.
func (s *Store) SaveUpload(ctx context.Context, authorityID, userID int64, filename string, data []byte) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM stakeholder_uploads WHERE authority_id = $1 AND created_at < $2", authorityID, now().Add(-uploadTTL)); err != nil {
			return fmt.Errorf("store: unable to discard old uploads: %w", err)
		}
		return tx.QueryRowContext(ctx, `INSERT INTO stakeholder_uploads (authority_id, user_id, filename, data, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			authorityID, userID, filename, data, now()).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("store: unable to keep the upload: %w", err)
	}
	return id, nil
}

// Upload returns a kept file; ErrNotFound when it is another authority's or user's, expired, or already used.
func (s *Store) Upload(ctx context.Context, authorityID, userID, id int64) (Upload, error) {
	u := Upload{ID: id}
	err := s.db.QueryRowContext(ctx, "SELECT filename, data FROM stakeholder_uploads WHERE authority_id = $1 AND user_id = $2 AND id = $3 AND created_at >= $4",
		authorityID, userID, id, now().Add(-uploadTTL)).Scan(&u.Filename, &u.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	return u, err
}

// ImportBatch is what a confirmed import writes: new stakeholders, and existing ones with rows merged in.
type ImportBatch struct {
	UploadID int64
	UserID   int64
	Filename string
	Create   []stakeholder.Stakeholder
	Merge    []stakeholder.Record // with the version read when the preview was rebuilt
}

// CommitImport writes a confirmed import in one transaction and consumes its upload, so a file is imported
// whole or not at all, and only once: a second confirmation finds no upload and gets ErrNotFound.
func (s *Store) CommitImport(ctx context.Context, by Actor, authorityID int64, b *ImportBatch) error {
	for i := range b.Create {
		if err := b.Create[i].Validate(); err != nil {
			return err
		}
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM stakeholder_uploads WHERE authority_id = $1 AND user_id = $2 AND id = $3", authorityID, b.UserID, b.UploadID)
		if err != nil {
			return fmt.Errorf("store: unable to consume the upload: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if err := insertMany(ctx, tx, authorityID, b.Create); err != nil {
			return err
		}
		for i := range b.Merge {
			if err := updateStakeholder(ctx, tx, by, authorityID, &b.Merge[i]); err != nil {
				return err
			}
		}
		names := make([]string, 0, min(len(b.Create), 50))
		for _, sh := range b.Create[:min(len(b.Create), 50)] {
			names = append(names, sh.Name)
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "import d'acteurs", entityID: b.UploadID,
			summary: fmt.Sprintf("%s : %d acteur(s) créé(s), %d fusionné(s)", b.Filename, len(b.Create), len(b.Merge)),
			after:   map[string]any{"fichier": b.Filename, "créés": len(b.Create), "fusionnés": len(b.Merge), "premiers": strings.Join(names, " ; ")}})
	})
}

// insertMany writes many stakeholders with one prepared statement; one audit entry sums them up.
func insertMany(ctx context.Context, tx *sql.Tx, authorityID int64, list []stakeholder.Stakeholder) error {
	if len(list) == 0 {
		return nil
	}
	n := 3 + len(writtenColumns)
	marks := make([]string, n)
	for i := range marks {
		marks[i] = fmt.Sprintf("$%d", i+1)
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO stakeholders (authority_id, created_at, updated_at, "+strings.Join(writtenColumns, ", ")+
		") VALUES ("+strings.Join(marks, ", ")+") RETURNING id")
	if err != nil {
		return fmt.Errorf("store: unable to prepare the import: %w", err)
	}
	defer stmt.Close()
	t := now()
	for i := range list {
		err := stmt.QueryRowContext(ctx, append([]any{authorityID, t, t}, writtenValues(&list[i])...)...).Scan(&list[i].ID)
		if isUniqueViolation(err) {
			return ErrDuplicate
		}
		if err != nil {
			return fmt.Errorf("store: unable to import « %s »: %w", list[i].Name, err)
		}
	}
	return nil
}
