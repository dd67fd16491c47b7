package attachment

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestDirWritesReadsAndRemoves(t *testing.T) {
	d := NewDir(filepath.Join(t.TempDir(), "attachments"))
	data := SimplePDF("Convention", nil)
	key, err := d.Write(7, data)
	if err != nil {
		t.Fatal(err)
	}
	if !validKey(key) {
		t.Fatalf("key %q", key)
	}
	f, err := d.Open(7, key)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(f)
	f.Close()
	if !bytes.Equal(got, data) {
		t.Error("bytes read differ from bytes written")
	}
	if _, err := d.Open(8, key); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("another authority opened the file: %v", err)
	}
	files, err := d.Files()
	if err != nil || len(files) != 1 || files[0].Key != key || files[0].AuthorityID != 7 || files[0].Temp {
		t.Errorf("files %+v, %v", files, err)
	}
	if err := d.Remove(7, key); err != nil {
		t.Fatal(err)
	}
	if err := d.Remove(7, key); err != nil {
		t.Errorf("removing twice: %v", err)
	}
	if _, err := d.Open(7, key); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("file still there: %v", err)
	}
}

func TestDirRefusesKeysItDidNotMake(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(root, "secret")
	if err := os.WriteFile(secret, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := NewDir(filepath.Join(root, "attachments"))
	for _, key := range []string{"../secret", "../../secret", "", "ABCDEF0123456789abcdef0123456789", "/etc/passwd"} {
		if f, err := d.Open(1, key); err == nil {
			f.Close()
			t.Errorf("opened %q", key)
		}
		if err := d.Remove(1, key); err != nil {
			t.Errorf("remove %q: %v", key, err)
		}
	}
	if _, err := os.Stat(secret); err != nil {
		t.Errorf("a file outside was touched: %v", err)
	}
}

func TestFilesListsAbandonedTemporaryFiles(t *testing.T) {
	root := t.TempDir()
	d := NewDir(root)
	if err := os.MkdirAll(filepath.Join(root, "3"), 0o750); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{tempPrefix + "123", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(root, "3", name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	files, err := d.Files()
	if err != nil || len(files) != 1 || !files[0].Temp {
		t.Fatalf("files %+v, %v", files, err)
	}
	if err := d.RemoveTemp(3, files[0].Key); err != nil {
		t.Fatal(err)
	}
	if err := d.RemoveTemp(3, "notes.txt"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "3", "notes.txt")); err != nil {
		t.Error("a file that is not a temporary one was removed")
	}
}
