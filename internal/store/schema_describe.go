package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Schema is a database's structure in terms both engines share, so a test can hold the SQLite and
// PostgreSQL migrations to the same schema: column kinds, nullability, defaults, keys and indexes.
type Schema struct {
	Tables map[string]*TableSchema
}

// TableSchema describes one table.
type TableSchema struct {
	Columns     map[string]ColumnSchema
	PrimaryKey  []string
	ForeignKeys []string // "(cols) → table(cols) on delete ACTION", sorted
	Uniques     []string // "(cols)" of unique constraints and unique indexes, sorted
	Indexes     []string // "name (cols)" of the other indexes, sorted
}

// ColumnSchema describes one column: Kind is the engine-neutral type (integer, text, timestamp, date,
// boolean, real, blob); Default is normalised so that PostgreSQL's casts and boolean words compare equal to SQLite's spelling.
type ColumnSchema struct {
	Kind    string
	NotNull bool
	Default string
}

// Describe reads the schema of the database.
func (s *Store) Describe(ctx context.Context) (*Schema, error) {
	var sc *Schema
	var err error
	if s.dialect == Postgres {
		sc, err = s.describePostgres(ctx)
	} else {
		sc, err = s.describeSQLite(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to describe the schema: %w", err)
	}
	for _, t := range sc.Tables {
		sort.Strings(t.ForeignKeys)
		sort.Strings(t.Uniques)
		sort.Strings(t.Indexes)
	}
	return sc, nil
}

func (sc *Schema) table(name string) *TableSchema {
	if sc.Tables == nil {
		sc.Tables = map[string]*TableSchema{}
	}
	t := sc.Tables[name]
	if t == nil {
		t = &TableSchema{Columns: map[string]ColumnSchema{}}
		sc.Tables[name] = t
	}
	return t
}

// columnKind maps a declared type of either engine to its neutral kind.
func columnKind(declared string) string {
	d := strings.ToLower(strings.TrimSpace(declared))
	switch {
	case strings.Contains(d, "int"):
		return "integer"
	case d == "text" || strings.HasPrefix(d, "character") || strings.HasPrefix(d, "varchar"):
		return "text"
	case strings.HasPrefix(d, "timestamp") || d == "datetime":
		return "timestamp"
	case d == "date":
		return "date"
	case strings.HasPrefix(d, "bool"):
		return "boolean"
	case d == "real" || strings.HasPrefix(d, "double") || d == "float":
		return "real"
	case d == "blob" || d == "bytea":
		return "blob"
	case strings.HasPrefix(d, "numeric") || strings.HasPrefix(d, "decimal"):
		return "numeric"
	}
	return d
}

// normaliseDefault makes the two engines' spellings of one default compare equal.
func normaliseDefault(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.Index(v, "::"); i >= 0 && strings.HasPrefix(v, "'") {
		v = v[:i] // PostgreSQL's '' ::text cast
	}
	switch strings.ToLower(v) {
	case "false":
		return "0"
	case "true":
		return "1"
	case "now()", "current_timestamp":
		return "now"
	}
	return strings.Trim(v, "()")
}

func columnList(cols []string) string { return "(" + strings.Join(cols, ", ") + ")" }

func foreignKey(from []string, table string, to []string, onDelete string) string {
	onDelete = strings.ToUpper(onDelete)
	if onDelete == "" {
		onDelete = "NO ACTION"
	}
	return columnList(from) + " → " + table + columnList(to) + " on delete " + onDelete
}
