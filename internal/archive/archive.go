// Package archive is the format of a workspace's full export: one zip holding a manifest, a description of
// the tables and their columns, each table's rows as JSON lines, and the bytes of binary columns (the
// attachments, the files of the adopted versions) as files of their own. It knows nothing of SQL: the store
// describes the tables, fills the archive and restores it; this package writes, reads and checks the zip,
// orders the tables so that parents come first, and rewrites the references when the IDs change.
package archive

import (
	"fmt"
	"regexp"
	"time"
)

// Format names the kind of archive in its manifest; Version is the version of the format this code writes
// and the newest it reads. A change that an older reader would misread raises Version.
const (
	Format  = "boussole-espace"
	Version = 1
)

// The files of an archive.
const (
	ManifestFile = "manifeste.json"
	SchemaFile   = "schema.json"
	RowsDir      = "tables/"
	FilesDir     = "fichiers/"
)

// The tables the format treats apart: the workspace itself (one row) and the accounts it names (email and
// name only, matched by email on import).
const (
	Authorities = "authorities"
	Users       = "users"
)

// Column kinds, in the engine-neutral terms of the store's schema description.
const (
	KindInteger   = "integer"
	KindText      = "text"
	KindTimestamp = "timestamp"
	KindDate      = "date"
	KindBoolean   = "boolean"
	KindReal      = "real"
	KindBlob      = "blob"
)

// Column describes one column of a table.
type Column struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	NotNull bool   `json:"not_null,omitempty"`
}

// Reference says that a column holds the ID of a row of another table: a foreign key (Table), or a
// reference whose table depends on the kind named in another column (KindColumn and Kinds, kind → table),
// possibly written as decimal text (Text). Zero, the empty text and NULL point at nothing.
type Reference struct {
	Column     string            `json:"column"`
	Table      string            `json:"table,omitempty"`
	KindColumn string            `json:"kind_column,omitempty"`
	Kinds      map[string]string `json:"kinds,omitempty"`
	Text       bool              `json:"text,omitempty"`
}

// Soft tells a reference by kind or by text, which the database does not check, from a foreign key.
func (r Reference) Soft() bool { return r.KindColumn != "" || r.Text }

// Target returns the table a reference points at in row, "" when its kind names none.
func (r Reference) Target(row Row) string {
	if r.KindColumn == "" {
		return r.Table
	}
	kind, _ := row[r.KindColumn].(string)
	return r.Kinds[kind]
}

// Table describes one table of the archive.
type Table struct {
	Name       string      `json:"name"`
	Columns    []Column    `json:"columns"`
	PrimaryKey []string    `json:"primary_key,omitempty"`
	References []Reference `json:"references,omitempty"`
	// GeneratedID is set when the primary key is a single "id" the database numbers: import gives each
	// row a new one and rewrites the references to it.
	GeneratedID bool `json:"generated_id,omitempty"`
}

// Column returns the named column.
func (t *Table) Column(name string) (Column, bool) {
	for _, c := range t.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}

// File is where the table's rows are in the archive.
func (t *Table) File() string { return RowsDir + t.Name + ".jsonl" }

// Row is one row: column → value, the value being nil, int64, float64, bool, string, time.Time or
// []byte as the column's kind says.
type Row map[string]any

// Manifest is the archive's first file: what it is, when it was made, of which workspace, what it holds
// and what it leaves out on purpose.
type Manifest struct {
	Format      string       `json:"format"`
	Version     int          `json:"version"`
	CreatedAt   time.Time    `json:"created_at"`
	Application string       `json:"application,omitempty"`
	Authority   Workspace    `json:"authority"`
	Tables      []TableEntry `json:"tables"`
	Excluded    []Exclusion  `json:"excluded"`
	Notes       []string     `json:"notes,omitempty"`
}

// Workspace names the exported workspace.
type Workspace struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// TableEntry lists one table's file and its number of rows, so a truncated archive shows.
type TableEntry struct {
	Name string `json:"name"`
	File string `json:"file"`
	Rows int    `json:"rows"`
}

// Exclusion is a table of the database the archive leaves out, and why.
type Exclusion struct {
	Table  string `json:"table"`
	Reason string `json:"reason"`
}

// Archive is a workspace's export in memory.
type Archive struct {
	Manifest Manifest
	Tables   []*Table // parents before children, the order of restoring
	Rows     map[string][]Row
}

// Table returns the named table's description.
func (a *Archive) Table(name string) *Table {
	for _, t := range a.Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// identifier is what a table or column name may be: the store builds SQL from the names of its own schema
// only, and an archive naming anything else is refused before.
var identifier = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// RowError places a problem at a line of a table's file.
type RowError struct {
	Table string
	Line  int // 1-based; 0 when the problem is the whole file
	Err   error
}

func (e *RowError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s%s.jsonl (table %s) : %v", RowsDir, e.Table, e.Table, e.Err)
	}
	return fmt.Sprintf("%s%s.jsonl, ligne %d (table %s) : %v", RowsDir, e.Table, e.Line, e.Table, e.Err)
}

func (e *RowError) Unwrap() error { return e.Err }
