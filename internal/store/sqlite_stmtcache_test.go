package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// TestStatementCacheReadsStayCorrect runs reads the cache must answer like uncached ones: the same text
// again with other arguments, the same text nested inside its own open result (one statement cannot step
// two results), and more distinct texts than the cache holds.
func TestStatementCacheReadsStayCorrect(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.ExecContext(ctx, "CREATE TABLE n (v INTEGER)"); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 5; i++ {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO n (v) VALUES ($1)", i); err != nil {
			t.Fatal(err)
		}
	}
	const above = "SELECT v FROM n WHERE v > $1 ORDER BY v"

	tests := []struct {
		name string
		run  func(q querier) (int, error)
		want int
	}{
		{"same text, other arguments", func(q querier) (int, error) {
			a, err := countRows(ctx, q, above, 1)
			if err != nil {
				return 0, err
			}
			b, err := countRows(ctx, q, above, 3)
			return a*10 + b, err
		}, 42},
		{"same text nested in its open result", func(q querier) (int, error) {
			rows, err := q.QueryContext(ctx, above, 0)
			if err != nil {
				return 0, err
			}
			defer rows.Close()
			total := 0
			for rows.Next() {
				var v int
				if err := rows.Scan(&v); err != nil {
					return 0, err
				}
				n, err := countRows(ctx, q, above, v)
				if err != nil {
					return 0, err
				}
				total += n
			}
			return total, rows.Err()
		}, 4 + 3 + 2 + 1},
		{"more texts than the cache holds", func(q querier) (int, error) {
			total := 0
			for i := range stmtCacheSize + 20 {
				n, err := countRows(ctx, q, fmt.Sprintf("SELECT v FROM n WHERE v > $1 AND %d = %d", i, i), 4)
				if err != nil {
					return 0, err
				}
				total += n
			}
			return total, nil
		}, stmtCacheSize + 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.run(s.db)
			if err != nil || got != tt.want {
				t.Errorf("outside a transaction: %d, %v; want %d", got, err, tt.want)
			}
			err = s.inTx(ctx, func(tx *sql.Tx) error {
				got, err = tt.run(tx)
				return err
			})
			if err != nil || got != tt.want {
				t.Errorf("in a transaction: %d, %v; want %d", got, err, tt.want)
			}
		})
	}
}

func countRows(ctx context.Context, q querier, query string, args ...any) (int, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}
