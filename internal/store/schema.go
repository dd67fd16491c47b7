package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Columns returns every table of the schema with its column names, sorted, so a test can check that the
// SQLite and PostgreSQL migrations build the same schema.
func (s *Store) Columns(ctx context.Context) (map[string][]string, error) {
	query := `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`
	if s.dialect == SQLite {
		query = `SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`
	}
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the schema: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			return nil, err
		}
		out[table] = append(out[table], column)
	}
	for _, cols := range out {
		sort.Strings(cols)
	}
	return out, rows.Err()
}

// TruncateAll empties every table but the migration record; for tests on a shared PostgreSQL database.
func (s *Store) TruncateAll(ctx context.Context) error {
	cols, err := s.Columns(ctx)
	if err != nil {
		return err
	}
	var tables []string
	for t := range cols {
		if t != "schema_migrations" {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		return nil
	}
	if s.dialect == Postgres {
		_, err = s.db.ExecContext(ctx, "TRUNCATE "+strings.Join(tables, ", ")+" RESTART IDENTITY CASCADE")
		return err
	}
	for _, t := range tables {
		if _, err := s.db.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return err
		}
	}
	return nil
}
