package store

import "context"

// TamperAdoption tries to change a recorded adoption behind the store's back, as a bug or a hand-written
// query would; the schema must refuse it (SQLite) or ignore it (PostgreSQL).
func (s *Store) TamperAdoption(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, "UPDATE strategy_adoptions SET snapshot = $1, content_hash = $2, result = $3 WHERE id = $4",
		[]byte(`{"format":1}`), "0000", "rejetée", id)
	return err
}
