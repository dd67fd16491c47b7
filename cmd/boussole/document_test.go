package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
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
	for format, magic := range map[string]string{"odt": "PK", "pdf": "%PDF", "deliberation": "PK", "une-page": "%PDF", "xlsx": "PK", "ods": "PK",
		"iati": "<?xml", "eapd": "\uFEFFAnnée;Projet"} {
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
	// The declaration of a chosen year and the IATI file of all strategies, to standard output.
	stdout.Reset()
	stderr.Reset()
	if err := documentCmd([]string{"--authority", demo.Slug, "--format", "eapd", "--annee", "2025"}, &stdout, &stderr); err != nil ||
		!strings.Contains(stdout.String(), "Code secteur CAD") || !strings.Contains(stderr.String(), "année 2025") {
		t.Errorf("eapd : %v, %q", err, stderr.String())
	}
	stdout.Reset()
	if err := documentCmd([]string{"--authority", demo.Slug, "--format", "iati"}, &stdout, &stderr); err != nil ||
		!strings.Contains(stdout.String(), "<iati-activities") || !strings.Contains(stdout.String(), `code="14030"`) {
		t.Errorf("iati : %v, %.300s", err, stdout.String())
	}
	// The demo's file is valid against the official schema (Debian libxml2-utils in CI).
	if xmllint, err := exec.LookPath("xmllint"); err == nil {
		f := filepath.Join(t.TempDir(), "iati.xml")
		if err := os.WriteFile(f, stdout.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		schema := "../../internal/declaration/testdata/iati-schema-2.03/iati-activities-schema.xsd"
		if out, err := exec.Command(xmllint, "--noout", "--schema", schema, f).CombinedOutput(); err != nil {
			t.Errorf("the demo's IATI file is invalid: %s", out)
		}
	}
	for _, bad := range [][]string{{"--authority", "inconnue"}, {"--format", "docx", "--authority", demo.Slug}, {}, {"--authority", demo.Slug, "--strategie", "999"},
		{"--authority", demo.Slug, "--format", "eapd", "--annee", "3000"}, {"--authority", demo.Slug, "--format", "iati", "--strategie", "999"}} {
		err := documentCmd(bad, &stdout, &stderr)
		if err == nil || strings.Contains(err.Error(), "error") || strings.Contains(err.Error(), "sql") {
			t.Errorf("%q : %v", bad, err)
		}
	}
}
