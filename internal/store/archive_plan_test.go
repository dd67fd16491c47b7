package store

import (
	"context"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"boussole/internal/archive"
)

func migratedSQLite(t *testing.T) *Store {
	t.Helper()
	s, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestArchiveCoversEveryTable holds the archive to the schema: every table of the database is exported or
// excluded with a reason, never both, and the exclusions name tables that exist. A migration adding a
// table of authority data without authority_id or a foreign key to an exported table fails here (and
// export refuses to run) until the table is tied to the workspace or excluded with why.
func TestArchiveCoversEveryTable(t *testing.T) {
	s := migratedSQLite(t)
	sc, err := s.Describe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p, err := planArchive(sc)
	if err != nil {
		t.Fatal(err)
	}
	exported := map[string]bool{}
	for _, tb := range p.tables {
		exported[tb.Name] = true
	}
	for _, e := range archiveExcluded {
		if exported[e.Table] {
			t.Errorf("%s is both exported and excluded", e.Table)
		}
		if _, ok := sc.Tables[e.Table]; !ok && e.Table != "sqlite_sequence" {
			t.Errorf("archiveExcluded names %s, which the schema does not have", e.Table)
		}
		if e.Reason == "" {
			t.Errorf("%s is excluded without a reason", e.Table)
		}
	}
	var missing []string
	for name := range sc.Tables {
		if !exported[name] && !slices.ContainsFunc(archiveExcluded, func(e archive.Exclusion) bool { return e.Table == name }) {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("tables neither exported nor excluded: %v", missing)
	}
	// The tables that hold the workspace's core records are among the exported ones.
	for _, must := range []string{"authorities", "users", "memberships", "strategies", "objectives", "attachments", "attachment_contents",
		"strategy_adoptions", "comments", "funding_project_links", "meeting_attendees", "share_tags", "audit_log"} {
		if !exported[must] {
			t.Errorf("%s is not exported", must)
		}
	}

	// A table added later: one with authority_id is picked up, with its child; one tied to nothing is refused.
	for _, stmt := range []string{
		`CREATE TABLE probe_notes (id INTEGER PRIMARY KEY AUTOINCREMENT, authority_id INTEGER NOT NULL REFERENCES authorities(id), note TEXT NOT NULL)`,
		`CREATE TABLE probe_note_tags (note_id INTEGER NOT NULL REFERENCES probe_notes(id), tag TEXT NOT NULL, PRIMARY KEY (note_id, tag))`,
	} {
		if _, err := s.db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	sc, _ = s.Describe(context.Background())
	p, err = planArchive(sc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.where["probe_notes"], "authority_id = $1") || !strings.Contains(p.where["probe_note_tags"], "probe_notes") {
		t.Errorf("new tables not covered: %q, %q", p.where["probe_notes"], p.where["probe_note_tags"])
	}
	if _, err := s.db.Exec(`CREATE TABLE probe_loose (id INTEGER PRIMARY KEY, owner_label TEXT)`); err != nil {
		t.Fatal(err)
	}
	sc, _ = s.Describe(context.Background())
	if _, err := planArchive(sc); err == nil || !strings.Contains(err.Error(), "probe_loose") {
		t.Errorf("a table tied to nothing is not reported: %v", err)
	}
}

// TestArchiveKnowsEveryIDColumn makes sure import rewrites every column that holds a row's ID: each
// column named *_id of an exported table is a foreign key, a reference declared in archiveSoftRefs, or
// listed in archiveNotIDs as holding no ID import must rewrite.
func TestArchiveKnowsEveryIDColumn(t *testing.T) {
	s := migratedSQLite(t)
	sc, err := s.Describe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p, err := planArchive(sc)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range p.tables {
		refs := map[string]bool{}
		for _, r := range tb.References {
			refs[r.Column] = true
			if _, ok := tb.Column(r.Column); !ok {
				t.Errorf("%s: the reference names no column %s", tb.Name, r.Column)
			}
			for kind, target := range r.Kinds {
				if target == "" {
					t.Errorf("%s.%s: the kind %q names no table", tb.Name, r.Column, kind)
				}
			}
		}
		for _, c := range tb.Columns {
			if strings.HasSuffix(c.Name, "_id") && !refs[c.Name] && !archiveNotIDs[tb.Name+"."+c.Name] {
				t.Errorf("%s.%s looks like an ID but is neither a reference nor listed in archiveNotIDs", tb.Name, c.Name)
			}
		}
	}
}
