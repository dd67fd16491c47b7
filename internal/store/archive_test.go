package store_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"boussole/internal/archive"
	"boussole/internal/demo"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// exportZip exports a workspace and reads it back from its zip, as the command line does.
func exportZip(t *testing.T, s *store.Store, authorityID int64) *archive.Archive {
	t.Helper()
	a, err := s.ExportAuthority(ctx, authorityID)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := archive.Write(&buf, a); err != nil {
		t.Fatal(err)
	}
	back, err := archive.Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), archive.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func canonical(t *testing.T, a *archive.Archive) map[string][]string {
	t.Helper()
	c, err := archive.Canonical(a)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sameWorkspace compares two archives table by table, whatever IDs the databases gave.
func sameWorkspace(t *testing.T, want, got *archive.Archive) {
	t.Helper()
	cw, cg := canonical(t, want), canonical(t, got)
	for _, tb := range want.Tables {
		if diff := cmp.Diff(cw[tb.Name], cg[tb.Name]); diff != "" {
			t.Errorf("%s differs after the round trip (-exported +re-exported):\n%s", tb.Name, diff)
		}
	}
	if len(want.Tables) != len(got.Tables) {
		t.Errorf("%d tables exported, %d re-exported", len(want.Tables), len(got.Tables))
	}
}

// seededDemo returns a SQLite store holding the demo (with its peers) and the demo's workspace.
func seededDemo(t *testing.T) (*store.Store, model.Authority) {
	t.Helper()
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	a, err := s.AuthorityBySlug(ctx, demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	return s, a
}

// TestArchiveRoundTrip exports the demo, imports it into a fresh SQLite, into PostgreSQL, and into the
// same database after deleting the workspace (where every ID is taken and must be renumbered), and checks
// that exporting again gives the same content, table by table.
func TestArchiveRoundTrip(t *testing.T) {
	src, gb := seededDemo(t)
	first := exportZip(t, src, gb.ID)
	checkExportedIsTheWorkspace(t, first, gb.ID)

	storetest.Each(t, func(t *testing.T, dst *store.Store) {
		restored, err := dst.ImportAuthority(ctx, first)
		if err != nil {
			t.Fatal(err)
		}
		if restored.Slug != demo.Slug || restored.Name != gb.Name {
			t.Errorf("restored %+v", restored)
		}
		sameWorkspace(t, first, exportZip(t, dst, restored.ID))
		if _, err := dst.ImportAuthority(ctx, first); !errors.Is(err, store.ErrArchive) || !strings.Contains(err.Error(), "existe déjà") {
			t.Errorf("a second import of the same workspace: %v", err)
		}
		// A restored account has no password and no platform role, whatever it had.
		u, err := dst.UserByEmail(ctx, "admin@demo.boussole.test")
		if err != nil || u.PasswordHash != "" || u.PlatformAdmin {
			t.Errorf("restored account %+v, %v", u, err)
		}
	})

	t.Run("same database after deletion", func(t *testing.T) {
		if err := src.DeleteAuthority(ctx, gb.ID); err != nil {
			t.Fatal(err)
		}
		restored, err := src.ImportAuthority(ctx, first)
		if err != nil {
			t.Fatal(err)
		}
		if restored.ID == gb.ID {
			t.Errorf("the workspace kept its ID %d: nothing was renumbered", gb.ID)
		}
		again := exportZip(t, src, restored.ID)
		sameWorkspace(t, first, again)
		// Replacing it in place renumbers it again and restores the same content.
		replaced, err := src.ReplaceAuthority(ctx, first)
		if err != nil || replaced.ID == restored.ID {
			t.Fatalf("replace: %+v, %v", replaced, err)
		}
		sameWorkspace(t, first, exportZip(t, src, replaced.ID))
		// The accounts were found by email: the demo's password still opens them.
		u, err := src.UserByEmail(ctx, "admin@demo.boussole.test")
		if err != nil || u.PasswordHash == "" {
			t.Errorf("existing account not reused: %+v, %v", u, err)
		}
	})
}

// checkExportedIsTheWorkspace checks the archive holds the demo's records and nobody else's, and no secret.
func checkExportedIsTheWorkspace(t *testing.T, a *archive.Archive, authorityID int64) {
	t.Helper()
	for _, tb := range a.Tables {
		for _, r := range tb.References {
			if r.Table != archive.Authorities {
				continue
			}
			for i, row := range a.Rows[tb.Name] {
				if id, ok := row[r.Column].(int64); ok && id != authorityID {
					t.Errorf("%s line %d: %s = %d, another authority's", tb.Name, i+1, r.Column, id)
				}
			}
		}
		for _, c := range tb.Columns {
			if c.Name == "password_hash" || (tb.Name != "contributions" && c.Name == "token_hash") {
				t.Errorf("%s.%s is exported", tb.Name, c.Name)
			}
		}
	}
	for _, secret := range []string{"sessions", "api_tokens", "calendar_tokens", "invitations", "password_resets"} {
		if a.Table(secret) != nil {
			t.Errorf("%s is exported", secret)
		}
	}
	for _, must := range []string{"strategies", "objectives", "indicators", "indicator_measurements", "comments", "attachment_contents", "strategy_adoptions", "memberships"} {
		if len(a.Rows[must]) == 0 {
			t.Errorf("%s: no row exported, the demo has some", must)
		}
	}
	// The peers' shares in the joint project the demo leads are theirs: left out, and the manifest says so.
	if !strings.Contains(strings.Join(a.Manifest.Notes, "\n"), "consortium_members : 2 ligne(s) d'autres collectivités") {
		t.Errorf("notes %q", a.Manifest.Notes)
	}
	if len(a.Rows[archive.Authorities]) != 1 {
		t.Errorf("%d authorities exported", len(a.Rows[archive.Authorities]))
	}
}

// TestArchiveImportIsAllOrNothing breaks a row near the end of the restoring order: the import fails with
// the file, line and table, and leaves neither the workspace nor the accounts it would have created.
func TestArchiveImportIsAllOrNothing(t *testing.T) {
	src, gb := seededDemo(t)
	a := exportZip(t, src, gb.ID)
	last := a.Tables[len(a.Tables)-1]
	for _, tb := range a.Tables {
		if tb.Name == "indicator_measurements" {
			last = tb
		}
	}
	rows := a.Rows[last.Name]
	rows[len(rows)-1]["indicator_id"] = int64(987654)
	// Replacing the workspace with a broken archive leaves the workspace as it was.
	if _, err := src.ReplaceAuthority(ctx, a); !errors.Is(err, store.ErrArchive) {
		t.Errorf("replacing with a broken archive: %v", err)
	}
	if still, err := src.AuthorityBySlug(ctx, demo.Slug); err != nil || still.ID != gb.ID {
		t.Errorf("the replaced workspace is gone: %+v, %v", still, err)
	}
	storetest.Each(t, func(t *testing.T, dst *store.Store) {
		_, err := dst.ImportAuthority(ctx, a)
		want := "tables/indicator_measurements.jsonl, ligne " // the line is the row's in the file
		if !errors.Is(err, store.ErrArchive) || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "indicator_id") {
			t.Fatalf("import of a broken archive: %v", err)
		}
		if _, err := dst.AuthorityBySlug(ctx, demo.Slug); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the workspace was half-imported: %v", err)
		}
		if _, err := dst.UserByEmail(ctx, "admin@demo.boussole.test"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("an account was created by a failed import: %v", err)
		}
	})
}
