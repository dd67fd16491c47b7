package store_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"boussole/internal/attachment"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// filesIn lists the attachment files on disk under dir.
func filesIn(t *testing.T, dir string) []attachment.Stored {
	t.Helper()
	files, err := attachment.NewDir(dir).Files()
	if err != nil {
		t.Fatal(err)
	}
	return files
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
	defer f.Close()
	b, _ := io.ReadAll(f)
	return a, string(b)
}

func TestPartnershipDocumentLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dir := t.TempDir()
		s.SetAttachmentDir(dir)
		a, u := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		by := store.Actor{UserID: u.ID, Label: "Agent"}
		p := store.Partnership{AuthorityID: a.ID, Partnership: samplePartnership()}
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

		// A stale replacement leaves neither its file nor its row, and keeps the old document.
		stale := p
		stale.Version = 1
		if err := s.UpdatePartnershipWithDocument(ctx, by, &stale, checkedPDF(t, "v2.pdf", "V2")); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale replacement: %v", err)
		}
		if n := len(filesIn(t, dir)); n != 1 {
			t.Errorf("%d files on disk after a refused replacement, want 1", n)
		}

		// Replacing removes the old file once committed.
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
		if n := len(filesIn(t, dir)); n != 1 {
			t.Errorf("%d files on disk after replacement, want 1", n)
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
		if n := len(filesIn(t, dir)); n != 0 {
			t.Errorf("%d files on disk after removal, want 0", n)
		}

		// Deleting the partnership deletes its document.
		q := store.Partnership{AuthorityID: a.ID, Partnership: samplePartnership()}
		if err := s.CreatePartnershipWithDocument(ctx, by, &q, checkedPDF(t, "charte.pdf", "Charte")); err != nil {
			t.Fatal(err)
		}
		if err := s.DeletePartnership(ctx, by, a.ID, q.ID, q.Version); err != nil {
			t.Fatal(err)
		}
		if n := len(filesIn(t, dir)); n != 0 {
			t.Errorf("%d files on disk after deleting the partnership, want 0", n)
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

func TestFailedCreateLeavesNoFile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dir := t.TempDir()
		s.SetAttachmentDir(dir)
		// No such authority: the row cannot be written, so the file written first must go.
		p := store.Partnership{AuthorityID: 999_999, Partnership: samplePartnership()}
		if err := s.CreatePartnershipWithDocument(ctx, store.Actor{}, &p, checkedPDF(t, "x.pdf", "X")); err == nil {
			t.Fatal("created a partnership for an authority that does not exist")
		}
		if files := filesIn(t, dir); len(files) != 0 {
			t.Errorf("files left behind: %+v", files)
		}
	})
}

func TestSweepRemovesOnlyOldOrphans(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dir := t.TempDir()
		s.SetAttachmentDir(dir)
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		p := store.Partnership{AuthorityID: a.ID, Partnership: samplePartnership()}
		if err := s.CreatePartnershipWithDocument(ctx, store.Actor{}, &p, checkedPDF(t, "c.pdf", "C")); err != nil {
			t.Fatal(err)
		}
		d := attachment.NewDir(dir)
		orphan, err := d.Write(a.ID, []byte("%PDF-orphan"))
		if err != nil {
			t.Fatal(err)
		}
		recent, err := d.Write(a.ID, []byte("%PDF-recent"))
		if err != nil {
			t.Fatal(err)
		}
		tmp := filepath.Join(dir, itoa(a.ID), ".tmp-crash")
		if err := os.WriteFile(tmp, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-2 * time.Hour)
		for _, f := range filesIn(t, dir) {
			if f.Key != recent {
				if err := os.Chtimes(filepath.Join(dir, itoa(f.AuthorityID), f.Key), old, old); err != nil {
					t.Fatal(err)
				}
			}
		}
		n, err := s.SweepAttachments(ctx, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("removed %d files, want 2 (the old orphan and the temporary file)", n)
		}
		left := map[string]bool{}
		for _, f := range filesIn(t, dir) {
			left[f.Key] = true
		}
		if left[orphan] || !left[recent] || len(left) != 2 {
			t.Errorf("left on disk: %v", left)
		}
		readAttachment(t, s, a.ID, p.Partnership.Agreement.DocumentID)
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
