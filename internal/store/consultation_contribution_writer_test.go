package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"testing"
)

// A batch's rows share one transaction: a refusal leaves the others to commit together, a row failing
// otherwise sends each back alone, so that only the failing one is lost and nothing of it is written.
func TestContributionBatchIsolatesItsRows(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "batch.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.ExecContext(ctx, "CREATE TABLE scratch (v TEXT NOT NULL UNIQUE)"); err != nil {
		t.Fatal(err)
	}
	insert := func(v string) func(context.Context, *sql.Tx) error {
		return func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "INSERT INTO scratch (v) VALUES ($1)", v)
			return err
		}
	}
	broken := errors.New("broken row")
	run := func(adds ...func(context.Context, *sql.Tx) error) []error {
		batch := make([]*contributionWrite, len(adds))
		for i, add := range adds {
			batch[i] = &contributionWrite{add: add, done: make(chan error, 1)}
		}
		s.writeBatch(batch)
		out := make([]error, len(batch))
		for i, req := range batch {
			out[i] = <-req.done
		}
		return out
	}
	stored := func() (list []string) {
		rows, err := s.db.QueryContext(ctx, "SELECT v FROM scratch ORDER BY v")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var v string
			_ = rows.Scan(&v)
			list = append(list, v)
		}
		return list
	}

	refused := func(context.Context, *sql.Tx) error { return ErrDuplicate }
	if got := run(insert("a"), refused, insert("b")); got[0] != nil || !errors.Is(got[1], ErrDuplicate) || got[2] != nil {
		t.Errorf("with a refusal: %v", got)
	}
	half := func(ctx context.Context, tx *sql.Tx) error {
		if err := insert("half")(ctx, tx); err != nil {
			return err
		}
		return broken
	}
	if got := run(insert("c"), half, insert("d")); got[0] != nil || !errors.Is(got[1], broken) || got[2] != nil {
		t.Errorf("with a broken row: %v", got)
	}
	if got := run(insert("e"), insert("a")); got[0] != nil || got[1] == nil {
		t.Errorf("with a row the database refuses: %v", got)
	}
	if got, want := stored(), []string{"a", "b", "c", "d", "e"}; !slices.Equal(got, want) {
		t.Errorf("stored %v, want %v (nothing of the broken row)", got, want)
	}
}
