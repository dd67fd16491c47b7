package store_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"boussole/internal/attachment"
	"boussole/internal/diagnostic"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// contentsIn counts the attachments' bytes kept in the database.
func contentsIn(t *testing.T, s *store.Store) int {
	t.Helper()
	n, err := s.AttachmentContents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func checkedPDF(t *testing.T, name, title string) *attachment.Checked {
	t.Helper()
	c, err := attachment.Check(name, attachment.SimplePDF(title, nil))
	if err != nil {
		t.Fatal(err)
	}
	return &c
}

func readAttachment(t *testing.T, s *store.Store, authorityID int64, ref string) (store.Attachment, string) {
	t.Helper()
	a, f, err := s.OpenAttachment(ctx, authorityID, attachmentID(ref))
	if err != nil {
		t.Fatalf("attachment %q: %v", ref, err)
	}
	b, _ := io.ReadAll(f)
	return a, string(b)
}

func TestPartnershipDocumentLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, u := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		by := store.Actor{UserID: u.ID, Label: "Agent"}
		p := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: samplePartnership()}
		first := checkedPDF(t, "convention.pdf", "Convention Podor")
		if err := s.CreatePartnershipWithDocument(ctx, by, &p, first); err != nil {
			t.Fatal(err)
		}
		ref := p.Partnership.Agreement.DocumentID
		if ref == "" {
			t.Fatal("no document recorded")
		}
		att, body := readAttachment(t, s, a.ID, ref)
		if att.FileName != "convention.pdf" || att.MediaType != "application/pdf" || att.Size != int64(len(first.Data)) ||
			len(att.SHA256) != 64 || att.UploadedBy != u.ID || body != string(first.Data) {
			t.Errorf("attachment %+v", att)
		}
		if _, _, err := s.OpenAttachment(ctx, b.ID, att.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority opened the document: %v", err)
		}

		// Saving the fields keeps the document even if the record says otherwise.
		p.Partnership.Agreement.DocumentID = ""
		p.Partnership.Partner = "Commune de Podor (Sénégal)"
		if err := s.UpdatePartnership(ctx, by, &p); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Partnership(ctx, a.ID, p.ID); got.Partnership.Agreement.DocumentID != ref {
			t.Errorf("document lost on update: %q", got.Partnership.Agreement.DocumentID)
		}

		// A stale replacement leaves neither its bytes nor its row, and keeps the old document.
		stale := p
		stale.Version = 1
		if err := s.UpdatePartnershipWithDocument(ctx, by, &stale, checkedPDF(t, "v2.pdf", "V2")); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale replacement: %v", err)
		}
		if n := contentsIn(t, s); n != 1 {
			t.Errorf("%d contents kept after a refused replacement, want 1", n)
		}

		// Replacing removes the old bytes with their row.
		second := checkedPDF(t, "avenant.pdf", "Avenant")
		if err := s.UpdatePartnershipWithDocument(ctx, by, &p, second); err != nil {
			t.Fatal(err)
		}
		if p.Partnership.Agreement.DocumentID == ref {
			t.Error("document not replaced")
		}
		if _, _, err := s.OpenAttachment(ctx, a.ID, att.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("old document still there: %v", err)
		}
		if _, body := readAttachment(t, s, a.ID, p.Partnership.Agreement.DocumentID); body != string(second.Data) {
			t.Error("new document's bytes differ")
		}
		if n := contentsIn(t, s); n != 1 {
			t.Errorf("%d contents kept after replacement, want 1", n)
		}

		// Removing needs the current version.
		if _, err := s.RemovePartnershipDocument(ctx, by, a.ID, p.ID, p.Version-1); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale removal: %v", err)
		}
		if _, err := s.RemovePartnershipDocument(ctx, by, b.ID, p.ID, p.Version); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("removal across authorities: %v", err)
		}
		got, err := s.RemovePartnershipDocument(ctx, by, a.ID, p.ID, p.Version)
		if err != nil {
			t.Fatal(err)
		}
		if got.Partnership.Agreement.DocumentID != "" || got.Version != p.Version+1 {
			t.Errorf("after removal: %+v", got)
		}
		if n := contentsIn(t, s); n != 0 {
			t.Errorf("%d contents kept after removal, want 0", n)
		}

		// Deleting the partnership deletes its document.
		q := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: samplePartnership()}
		if err := s.CreatePartnershipWithDocument(ctx, by, &q, checkedPDF(t, "charte.pdf", "Charte")); err != nil {
			t.Fatal(err)
		}
		if err := s.DeletePartnership(ctx, by, a.ID, q.ID, q.Version); err != nil {
			t.Fatal(err)
		}
		if n := contentsIn(t, s); n != 0 {
			t.Errorf("%d contents kept after deleting the partnership, want 0", n)
		}
		if _, err := s.Attachment(ctx, a.ID, attachmentID(q.Partnership.Agreement.DocumentID)); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("attachment row survived its partnership: %v", err)
		}
	})
}

func attachmentID(ref string) int64 {
	id, _ := strconv.ParseInt(ref, 10, 64)
	return id
}

func TestFailedCreateLeavesNoBytes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		// No such authority: the row cannot be written, so its bytes must not stay either.
		p := diagnostic.PartnershipRecord{AuthorityID: 999_999, Partnership: samplePartnership()}
		if err := s.CreatePartnershipWithDocument(ctx, store.Actor{}, &p, checkedPDF(t, "x.pdf", "X")); err == nil {
			t.Fatal("created a partnership for an authority that does not exist")
		}
		if n := contentsIn(t, s); n != 0 {
			t.Errorf("%d contents left behind", n)
		}
	})
}

// TestMigrateMovesFilesIntoTheDatabase starts from an attachment as an older version kept it, its bytes
// in a file under the data directory: Migrate moves them in and removes the file, and a second Migrate
// (another instance starting) changes nothing.
func TestMigrateMovesFilesIntoTheDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dir := t.TempDir()
		s.SetAttachmentDir(dir)
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		p := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: samplePartnership()}
		doc := checkedPDF(t, "c.pdf", "Convention")
		if err := s.CreatePartnershipWithDocument(ctx, store.Actor{}, &p, doc); err != nil {
			t.Fatal(err)
		}
		id := attachmentID(p.Partnership.Agreement.DocumentID)
		key, err := s.ForgetAttachmentBytes(ctx, a.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, itoa(a.ID), key)
		if err := os.MkdirAll(filepath.Dir(file), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, doc.Data, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.OpenAttachment(ctx, a.ID, id); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("bytes readable before the move: %v", err)
		}
		for range 2 {
			if _, err := s.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if _, body := readAttachment(t, s, a.ID, p.Partnership.Agreement.DocumentID); body != string(doc.Data) {
			t.Error("moved bytes differ from the file's")
		}
		if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("file still on disk after the move: %v", err)
		}
		if n := contentsIn(t, s); n != 1 {
			t.Errorf("%d contents, want 1", n)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestTwoInstancesShareAttachments opens two stores on one PostgreSQL database, each with its own data
// directory, as two instances behind a load balancer: a document attached through one downloads through
// the other, with no shared disk.
func TestTwoInstancesShareAttachments(t *testing.T) {
	url := os.Getenv("BOUSSOLE_TEST_POSTGRES_URL")
	if url == "" {
		t.Skip("set BOUSSOLE_TEST_POSTGRES_URL to run two instances on one PostgreSQL")
	}
	own, err := storetest.OwnDatabase(url)
	if err != nil {
		t.Fatal(err)
	}
	one := storetest.Postgres(t, own)
	two, err := store.Open(ctx, own, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer two.Close()
	a, _ := signUp(t, one, "Ville A", "a@a.fr")
	p := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: samplePartnership()}
	doc := checkedPDF(t, "convention.pdf", "Convention")
	if err := one.CreatePartnershipWithDocument(ctx, store.Actor{}, &p, doc); err != nil {
		t.Fatal(err)
	}
	if _, body := readAttachment(t, two, a.ID, p.Partnership.Agreement.DocumentID); body != string(doc.Data) {
		t.Error("the second instance read other bytes")
	}
}
