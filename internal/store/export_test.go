package store

import "context"

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
