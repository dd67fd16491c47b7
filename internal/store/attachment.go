package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"boussole/internal/attachment"
)

// Attachment is a file attached to one of an authority's records. The record refers to it by ID; the bytes
// live in attachment_contents, written in the same transaction as the row and the record, so that several
// instances on one PostgreSQL need no shared disk and one backup holds everything. Files up to 20 Mo make
// the dumps heavier and a download reads the whole file into memory: both are bounded, and worth one home.
type Attachment struct {
	ID          int64
	AuthorityID int64
	FileName    string
	MediaType   string
	Size        int64
	SHA256      string
	UploadedBy  int64 // 0 when the system attached it or the user was deleted
	CreatedAt   time.Time
	key         string // random; named the file on disk before the bytes moved into the database
	data        []byte // set only between stage and insert
}

// SetAttachmentDir changes where the files of an older version are looked for when Migrate moves them into
// the database (tests, and tools that open a store alone).
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

// OpenAttachment returns an attachment and its bytes. ErrNotFound when the row is another authority's or
// its bytes are missing (a file of an older version that was gone when Migrate moved the others in).
func (s *Store) OpenAttachment(ctx context.Context, authorityID, id int64) (Attachment, *bytes.Reader, error) {
	a, err := s.Attachment(ctx, authorityID, id)
	if err != nil {
		return a, nil, err
	}
	var data []byte
	err = s.db.QueryRowContext(ctx, "SELECT data FROM attachment_contents WHERE authority_id = $1 AND attachment_id = $2", authorityID, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return a, nil, ErrNotFound
	}
	if err != nil {
		return a, nil, fmt.Errorf("store: unable to read the attachment: %w", err)
	}
	return a, bytes.NewReader(data), nil
}

// attachmentRef reads the ID a record keeps in a text column; 0 when there is none.
func attachmentRef(ref string) int64 {
	id, _ := strconv.ParseInt(ref, 10, 64)
	return id
}

// fileChange holds the attachment a write adds in its transaction.
type fileChange struct {
	added *Attachment
}

// stage describes a checked upload before the transaction that records it.
func (s *Store) stage(authorityID int64, by Actor, doc *attachment.Checked) (*Attachment, error) {
	if doc == nil {
		return nil, nil
	}
	key, err := randomKey()
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(doc.Data)
	return &Attachment{AuthorityID: authorityID, FileName: doc.Name, MediaType: doc.Kind.MediaType, Size: int64(len(doc.Data)),
		SHA256: hex.EncodeToString(sum[:]), UploadedBy: by.UserID, CreatedAt: now(), key: key, data: doc.Data}, nil
}

func randomKey() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("store: no randomness: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// insert records the staged attachment and its bytes in tx.
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
	if _, err := tx.ExecContext(ctx, "INSERT INTO attachment_contents (attachment_id, authority_id, data) VALUES ($1, $2, $3)", a.ID, a.AuthorityID, a.data); err != nil {
		return fmt.Errorf("store: unable to keep the attachment's bytes: %w", err)
	}
	a.data = nil
	return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionCreate, entity: "pièce jointe", entityID: a.ID, summary: a.FileName, after: a})
}

// drop deletes the attachment a record refers to, if any, with its bytes.
func (*fileChange) drop(ctx context.Context, tx *sql.Tx, s *Store, by Actor, authorityID int64, ref string) error {
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
	if _, err := tx.ExecContext(ctx, "DELETE FROM attachment_contents WHERE authority_id = $1 AND attachment_id = $2", authorityID, id); err != nil {
		return fmt.Errorf("store: unable to delete the attachment: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM attachments WHERE authority_id = $1 AND id = $2", authorityID, id); err != nil {
		return fmt.Errorf("store: unable to delete the attachment: %w", err)
	}
	return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "pièce jointe", entityID: id, summary: a.FileName, before: a})
}

// finish returns the transaction's outcome: the bytes went or stayed with their rows.
func (s *Store) finish(_ *fileChange, err error) error { return err }
