package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/store"
)

// TestExportImportCommands moves the demo from one data folder to another with the two commands, and
// refuses what they cannot do with a French message that says nothing was imported.
func TestExportImportCommands(t *testing.T) {
	src := t.TempDir()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(src, "boussole.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Setenv("BOUSSOLE_DATABASE_URL", "")

	t.Setenv("BOUSSOLE_DATA_DIR", src)
	file := filepath.Join(t.TempDir(), "espace.zip")
	var stdout, stderr bytes.Buffer
	if err := exportCmd([]string{"--authority", demo.Slug, "-o", file}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if stdout.Len() != 0 || !strings.Contains(stderr.String(), "Grand Belval Agglomération") || !strings.Contains(stderr.String(), file) {
		t.Errorf("export: stdout %d octets, message %q", stdout.Len(), stderr.String())
	}
	stderr.Reset()
	if err := exportCmd([]string{"--authority", demo.Slug}, &stdout, &stderr); err != nil || !bytes.HasPrefix(stdout.Bytes(), []byte("PK")) {
		t.Errorf("export to standard output: %v, %d octets", err, stdout.Len())
	}
	for _, bad := range [][]string{{}, {"--authority", "inconnue"}} {
		if err := exportCmd(bad, &stdout, &stderr); err == nil || strings.Contains(err.Error(), "sql") {
			t.Errorf("export %q: %v", bad, err)
		}
	}

	dst := t.TempDir()
	t.Setenv("BOUSSOLE_DATA_DIR", dst)
	stderr.Reset()
	if err := importCmd([]string{file}, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "importé") || !strings.Contains(stderr.String(), "/ct/"+demo.Slug) {
		t.Errorf("import message %q", stderr.String())
	}
	if err := importCmd([]string{file}, &stderr); err == nil || !strings.Contains(err.Error(), "existe déjà") || !strings.Contains(err.Error(), "rien n'a été importé") {
		t.Errorf("second import: %v", err)
	}
	stderr.Reset()
	if err := importCmd([]string{file, "--remplacer"}, &stderr); err != nil || !strings.Contains(stderr.String(), "restauré") {
		t.Errorf("import --remplacer after the file: %v, %q", err, stderr.String())
	}
	broken := filepath.Join(t.TempDir(), "tronquee.zip")
	data, _ := os.ReadFile(file)
	if err := os.WriteFile(broken, data[:len(data)/3], 0o600); err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]string{{}, {broken}, {filepath.Join(dst, "absente.zip")}} {
		if err := importCmd(bad, &stderr); err == nil || strings.Contains(err.Error(), "zip: ") {
			t.Errorf("import %q: %v", bad, err)
		}
	}
}
