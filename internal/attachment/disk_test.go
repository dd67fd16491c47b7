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

func TestDirReadsAndRemoves(t *testing.T) {
	root := filepath.Join(t.TempDir(), "attachments")
	d := NewDir(root)
	const key = "0123456789abcdef0123456789abcdef"
	data := SimplePDF("Convention", nil)
	if err := os.MkdirAll(filepath.Join(root, "7"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "7", key), data, 0o600); err != nil {
		t.Fatal(err)
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
