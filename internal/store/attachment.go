package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"time"

	"boussole/internal/attachment"
)

// Attachment is a file attached to one of an authority's records. The record refers to it by ID; the bytes
// live on disk (see attachment.Dir), written before the row and removed after it, so that a failure leaves
// at worst a file no row names, which SweepAttachments removes. On PostgreSQL with several instances, the
// data directory must be shared storage: keeping up to 20 Mo per file in the database would have avoided
// that, at the price of heavy dumps and of reading whole files into memory on every download.
type Attachment struct {
	ID          int64
	AuthorityID int64
	FileName    string
	MediaType   string
	Size        int64
	SHA256      string
	UploadedBy  int64 // 0 when the system attached it or the user was deleted
	CreatedAt   time.Time
	key         string
}

// SetAttachmentDir changes where attachments' bytes are kept (tests, and tools that open a store alone).
func (s *Store) SetAttachmentDir(dir string) { s.files = attachment.NewDir(dir) }

const attachmentColumns = "id, authority_id, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, created_at"

func scanAttachment(row interface{ Scan(...any) error }) (Attachment, error) {
	var a Attachment
	var by sql.NullInt64
	err := row.Scan(&a.ID, &a.AuthorityID, &a.FileName, &a.MediaType, &a.Size, &a.SHA256, &a.key, &by, &a.CreatedAt)
	a.UploadedBy, a.CreatedAt = by.Int64, a.CreatedAt.UTC()
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	return a, err
}

// Attachment returns an attachment's description.
func (s *Store) Attachment(ctx context.Context, authorityID, id int64) (Attachment, error) {
	return s.attachment(ctx, s.db, authorityID, id)
}

func (s *Store) attachment(ctx context.Context, q querier, authorityID, id int64) (Attachment, error) {
	return scanAttachment(q.QueryRowContext(ctx, "SELECT "+attachmentColumns+" FROM attachments WHERE authority_id = $1 AND id = $2", authorityID, id))
}

// OpenAttachment returns an attachment and its bytes; the caller closes the file. ErrNotFound when the
// row is another authority's or the file is missing.
func (s *Store) OpenAttachment(ctx context.Context, authorityID, id int64) (Attachment, *os.File, error) {
	a, err := s.Attachment(ctx, authorityID, id)
	if err != nil {
		return a, nil, err
	}
	f, err := s.files.Open(a.AuthorityID, a.key)
	if errors.Is(err, fs.ErrNotExist) {
		return a, nil, ErrNotFound
	}
	return a, f, err
}

// attachmentRef reads the ID a record keeps in a text column; 0 when there is none.
func attachmentRef(ref string) int64 {
	id, _ := strconv.ParseInt(ref, 10, 64)
	return id
}

// fileChange gathers what a write does on disk beside its transaction: the file it wrote first, removed if
// the transaction fails, and the files it replaced, removed once the transaction is committed.
type fileChange struct {
	added    *Attachment
	replaced []Attachment
}

// stage writes a checked upload's bytes before the transaction that records them.
func (s *Store) stage(authorityID int64, by Actor, doc *attachment.Checked) (*Attachment, error) {
	if doc == nil {
		return nil, nil
	}
	key, err := s.files.Write(authorityID, doc.Data)
	if err != nil {
		return nil, fmt.Errorf("store: unable to keep the file: %w", err)
	}
	sum := sha256.Sum256(doc.Data)
	return &Attachment{AuthorityID: authorityID, FileName: doc.Name, MediaType: doc.Kind.MediaType, Size: int64(len(doc.Data)),
		SHA256: hex.EncodeToString(sum[:]), UploadedBy: by.UserID, CreatedAt: now(), key: key}, nil
}

// insert records the staged file in tx.
func (fc *fileChange) insert(ctx context.Context, tx *sql.Tx, by Actor) error {
	a := fc.added
	var uploader any
	if a.UploadedBy != 0 {
		uploader = a.UploadedBy
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO attachments (authority_id, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, a.AuthorityID, a.FileName, a.MediaType, a.Size, a.SHA256, a.key, uploader, a.CreatedAt).Scan(&a.ID)
	if err != nil {
		return fmt.Errorf("store: unable to record the attachment: %w", err)
	}
	return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionCreate, entity: "pièce jointe", entityID: a.ID, summary: a.FileName, after: a})
}

// drop deletes the row of the attachment a record refers to, if any; its file goes after the commit.
func (fc *fileChange) drop(ctx context.Context, tx *sql.Tx, s *Store, by Actor, authorityID int64, ref string) error {
	id := attachmentRef(ref)
	if id == 0 {
		return nil
	}
	a, err := s.attachment(ctx, tx, authorityID, id)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM attachments WHERE authority_id = $1 AND id = $2", authorityID, id); err != nil {
		return fmt.Errorf("store: unable to delete the attachment: %w", err)
	}
	fc.replaced = append(fc.replaced, a)
	return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "pièce jointe", entityID: id, summary: a.FileName, before: a})
}

// finish removes the staged file when the transaction failed, or the replaced ones when it succeeded. A
// removal that fails leaves a file no row names, for the sweep.
func (s *Store) finish(fc *fileChange, err error) error {
	if err != nil {
		if fc.added != nil {
			_ = s.files.Remove(fc.added.AuthorityID, fc.added.key)
		}
		return err
	}
	for _, a := range fc.replaced {
		_ = s.files.Remove(a.AuthorityID, a.key)
	}
	return nil
}

// SweepAttachments removes the files on disk that no attachment row names and abandoned temporary files,
// once older than grace so that a write between its file and its row is never caught. It returns how many
// files it removed.
func (s *Store) SweepAttachments(ctx context.Context, grace time.Duration) (int, error) {
	files, err := s.files.Files()
	if err != nil {
		return 0, fmt.Errorf("store: unable to list the attachments on disk: %w", err)
	}
	known := map[int64]map[string]bool{}
	removed := 0
	for _, f := range files {
		if time.Since(f.ModTime) < grace {
			continue
		}
		if f.Temp {
			if s.files.RemoveTemp(f.AuthorityID, f.Key) == nil {
				removed++
			}
			continue
		}
		keys, ok := known[f.AuthorityID]
		if !ok {
			if keys, err = s.attachmentKeys(ctx, f.AuthorityID); err != nil {
				return removed, err
			}
			known[f.AuthorityID] = keys
		}
		if !keys[f.Key] && s.files.Remove(f.AuthorityID, f.Key) == nil {
			removed++
		}
	}
	return removed, nil
}

func (s *Store) attachmentKeys(ctx context.Context, authorityID int64) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT storage_key FROM attachments WHERE authority_id = $1", authorityID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the attachments: %w", err)
	}
	defer rows.Close()
	keys := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys[k] = true
	}
	return keys, rows.Err()
}
