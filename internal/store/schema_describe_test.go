package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDescribeSeesWhatDiffers checks the schema comparison is not blind: a table's column kinds,
// defaults, keys, foreign key action, unique constraint and index all show, in the engines' shared terms.
func TestDescribeSeesWhatDiffers(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "describe.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, stmt := range []string{
		`CREATE TABLE probe_parent (id INTEGER PRIMARY KEY AUTOINCREMENT)`,
		`CREATE TABLE probe_child (id INTEGER PRIMARY KEY AUTOINCREMENT,
			parent_id INTEGER NOT NULL REFERENCES probe_parent(id) ON DELETE CASCADE,
			label TEXT NOT NULL DEFAULT '', seen BOOLEAN NOT NULL DEFAULT FALSE, noted DATETIME,
			UNIQUE (parent_id, label))`,
		`CREATE INDEX probe_child_seen ON probe_child(seen)`,
	} {
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	sc, err := s.Describe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := &TableSchema{
		Columns: map[string]ColumnSchema{
			"id":        {Kind: "integer", NotNull: true},
			"parent_id": {Kind: "integer", NotNull: true},
			"label":     {Kind: "text", NotNull: true, Default: "''"},
			"seen":      {Kind: "boolean", NotNull: true, Default: "0"},
			"noted":     {Kind: "timestamp"},
		},
		PrimaryKey:  []string{"id"},
		ForeignKeys: []string{"(parent_id) → probe_parent(id) on delete CASCADE"},
		Uniques:     []string{"(parent_id, label)"},
		Indexes:     []string{"probe_child_seen (seen)"},
	}
	if diff := cmp.Diff(want, sc.Tables["probe_child"]); diff != "" {
		t.Errorf("probe_child (-want +got):\n%s", diff)
	}
}

func TestNormaliseDefault(t *testing.T) {
	for in, want := range map[string]string{
		"''::text": "''", "''": "''", "'jours'::text": "'jours'", "FALSE": "0", "false": "0", "TRUE": "1",
		"0": "0", "now()": "now", "CURRENT_TIMESTAMP": "now", "": "",
	} {
		if got := normaliseDefault(in); got != want {
			t.Errorf("normaliseDefault(%q) = %q, want %q", in, got, want)
		}
	}
}
