package store

import (
	"context"
	"database/sql"
)

func (s *Store) describeSQLite(ctx context.Context) (*Schema, error) {
	names, err := s.stringColumn(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return nil, err
	}
	sc := &Schema{}
	for _, name := range names {
		t := sc.table(name)
		if err := s.sqliteColumns(ctx, name, t); err != nil {
			return nil, err
		}
		if err := s.sqliteIndexes(ctx, name, t); err != nil {
			return nil, err
		}
	}
	// Foreign keys last: a reference that names no column means the target's primary key.
	for _, name := range names {
		if err := s.sqliteForeignKeys(ctx, name, sc); err != nil {
			return nil, err
		}
	}
	return sc, nil
}

func (s *Store) sqliteColumns(ctx context.Context, table string, t *TableSchema) error {
	rows, err := s.db.QueryContext(ctx, `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`, table)
	if err != nil {
		return err
	}
	defer rows.Close()
	pk := map[int]string{}
	for rows.Next() {
		var name, kind string
		var notNull bool
		var def sql.NullString
		var pkSeq int
		if err := rows.Scan(&name, &kind, &notNull, &def, &pkSeq); err != nil {
			return err
		}
		if pkSeq > 0 {
			pk[pkSeq] = name
			notNull = true // SQLite reports an INTEGER PRIMARY KEY as nullable; it is not
		}
		t.Columns[name] = ColumnSchema{Kind: columnKind(kind), NotNull: notNull, Default: normaliseDefault(def.String)}
	}
	for i := 1; i <= len(pk); i++ {
		t.PrimaryKey = append(t.PrimaryKey, pk[i])
	}
	return rows.Err()
}

func (s *Store) sqliteIndexes(ctx context.Context, table string, t *TableSchema) error {
	type index struct {
		name, origin    string
		unique, partial bool
	}
	rows, err := s.db.QueryContext(ctx, `SELECT name, "unique", origin, partial FROM pragma_index_list(?)`, table)
	if err != nil {
		return err
	}
	var list []index
	for rows.Next() {
		var ix index
		if err := rows.Scan(&ix.name, &ix.unique, &ix.origin, &ix.partial); err != nil {
			rows.Close()
			return err
		}
		list = append(list, ix)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, ix := range list {
		if ix.origin == "pk" {
			continue
		}
		cols, err := s.stringColumn(ctx, `SELECT COALESCE(name, '<expr>') FROM pragma_index_info(?) ORDER BY seqno`, ix.name)
		if err != nil {
			return err
		}
		t.addIndex(ix.name, cols, ix.unique, ix.partial)
	}
	return nil
}

// addIndex files an index: unique ones by their columns alone, since their names are the engines' own
// when they come from a UNIQUE constraint; the others by name and columns.
func (t *TableSchema) addIndex(name string, cols []string, unique, partial bool) {
	desc := columnList(cols)
	if partial {
		desc += " partial"
	}
	if unique {
		t.Uniques = append(t.Uniques, desc)
		return
	}
	t.Indexes = append(t.Indexes, name+" "+desc)
}

func (s *Store) sqliteForeignKeys(ctx context.Context, table string, sc *Schema) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, table)
	if err != nil {
		return err
	}
	defer rows.Close()
	type fk struct {
		target, onDelete string
		from, to         []string
	}
	byID := map[int]*fk{}
	for rows.Next() {
		var id int
		var target, from, onDelete string
		var to sql.NullString
		if err := rows.Scan(&id, &target, &from, &to, &onDelete); err != nil {
			return err
		}
		f := byID[id]
		if f == nil {
			f = &fk{target: target, onDelete: onDelete}
			byID[id] = f
		}
		f.from = append(f.from, from)
		if to.Valid {
			f.to = append(f.to, to.String)
		}
	}
	t := sc.table(table)
	for _, f := range byID {
		to := f.to
		if len(to) == 0 {
			to = sc.table(f.target).PrimaryKey
		}
		t.ForeignKeys = append(t.ForeignKeys, foreignKey(f.from, f.target, to, f.onDelete))
	}
	return rows.Err()
}

// stringColumn runs a query whose rows hold one text column.
func (s *Store) stringColumn(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
