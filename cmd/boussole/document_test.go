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

// TestDocumentCommand writes each deliverable of the demo from the command line, to a file and to standard
// output, and refuses what it cannot do with a French message.
func TestDocumentCommand(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("BOUSSOLE_DATA_DIR", dir)
	t.Setenv("BOUSSOLE_DATABASE_URL", "")
	st, err := store.OpenSQLite(context.Background(), filepath.Join(dir, "boussole.db"))
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
	for format, magic := range map[string]string{"odt": "PK", "pdf": "%PDF", "deliberation": "PK", "une-page": "%PDF", "xlsx": "PK", "ods": "PK"} {
		out := filepath.Join(t.TempDir(), "doc."+format)
		var stdout, stderr bytes.Buffer
		if err := documentCmd([]string{"--authority", demo.Slug, "--format", format, "-o", out}, &stdout, &stderr); err != nil {
			t.Fatalf("%s : %v", format, err)
		}
		data, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(data, []byte(magic)) || stdout.Len() != 0 {
			t.Errorf("%s : %d octets, sortie standard %d octets", format, len(data), stdout.Len())
		}
		if !strings.Contains(stderr.String(), "Grand Belval Agglomération") || !strings.Contains(stderr.String(), out) {
			t.Errorf("%s : message %q", format, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if err := documentCmd([]string{"--authority", demo.Slug}, &stdout, &stderr); err != nil || !bytes.HasPrefix(stdout.Bytes(), []byte("PK")) {
		t.Errorf("sortie standard : %v, %d octets", err, stdout.Len())
	}
	for _, bad := range [][]string{{"--authority", "inconnue"}, {"--format", "docx", "--authority", demo.Slug}, {}, {"--authority", demo.Slug, "--strategie", "999"}} {
		err := documentCmd(bad, &stdout, &stderr)
		if err == nil || strings.Contains(err.Error(), "error") || strings.Contains(err.Error(), "sql") {
			t.Errorf("%q : %v", bad, err)
		}
	}
}
