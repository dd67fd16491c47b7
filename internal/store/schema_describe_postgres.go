package store

import (
	"context"
	"database/sql"
	"strings"
)

func (s *Store) describePostgres(ctx context.Context) (*Schema, error) {
	sc := &Schema{}
	names, err := s.stringColumn(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		sc.table(n)
	}
	for _, step := range []func(context.Context, *Schema) error{s.postgresColumns, s.postgresConstraints, s.postgresIndexes} {
		if err := step(ctx, sc); err != nil {
			return nil, err
		}
	}
	return sc, nil
}

func (s *Store) postgresColumns(ctx context.Context, sc *Schema) error {
	rows, err := s.db.QueryContext(ctx, `SELECT table_name, column_name, data_type, is_nullable, column_default
		FROM information_schema.columns WHERE table_schema = current_schema()`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var table, name, kind, nullable string
		var def sql.NullString
		if err := rows.Scan(&table, &name, &kind, &nullable, &def); err != nil {
			return err
		}
		if t, ok := sc.Tables[table]; ok {
			t.Columns[name] = ColumnSchema{Kind: columnKind(kind), NotNull: nullable == "NO", Default: normaliseDefault(def.String)}
		}
	}
	return rows.Err()
}

// postgresConstraints reads primary keys, unique constraints and foreign keys, with their columns in
// key order.
func (s *Store) postgresConstraints(ctx context.Context, sc *Schema) error {
	rows, err := s.db.QueryContext(ctx, `SELECT c.conrelid::regclass::text, c.contype,
			COALESCE(c.confrelid::regclass::text, ''), c.confdeltype,
			array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
				JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o), ','),
			array_to_string(ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
				JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o), ',')
		FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE n.nspname = current_schema() AND c.contype IN ('p', 'u', 'f')`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var table, kind, target, del, cols, targetCols string
		if err := rows.Scan(&table, &kind, &target, &del, &cols, &targetCols); err != nil {
			return err
		}
		t, ok := sc.Tables[table]
		if !ok {
			continue
		}
		switch kind {
		case "p":
			t.PrimaryKey = splitList(cols)
		case "u":
			t.addIndex("", splitList(cols), true, false)
		case "f":
			t.ForeignKeys = append(t.ForeignKeys, foreignKey(splitList(cols), target, splitList(targetCols), postgresAction(del)))
		}
	}
	return rows.Err()
}

// postgresIndexes reads the indexes that back no primary key or unique constraint.
func (s *Store) postgresIndexes(ctx context.Context, sc *Schema) error {
	rows, err := s.db.QueryContext(ctx, `SELECT t.relname, i.relname, ix.indisunique, ix.indpred IS NOT NULL,
			array_to_string(ARRAY(SELECT COALESCE(a.attname, '<expr>') FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(n, o)
				LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o), ',')
		FROM pg_index ix
		JOIN pg_class i ON i.oid = ix.indexrelid
		JOIN pg_class t ON t.oid = ix.indrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema()
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid AND c.contype IN ('p', 'u'))`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var table, name, cols string
		var unique, partial bool
		if err := rows.Scan(&table, &name, &unique, &partial, &cols); err != nil {
			return err
		}
		if t, ok := sc.Tables[table]; ok {
			t.addIndex(name, splitList(cols), unique, partial)
		}
	}
	return rows.Err()
}

func postgresAction(code string) string {
	switch code {
	case "c":
		return "CASCADE"
	case "n":
		return "SET NULL"
	case "d":
		return "SET DEFAULT"
	case "r":
		return "RESTRICT"
	}
	return "NO ACTION"
}

// splitList cuts a comma-separated list as built by array_to_string.
func splitList(v string) []string {
	if v == "" {
		return nil
	}
	return strings.Split(v, ",")
}
