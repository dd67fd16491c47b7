// Package doctest opens generated documents with the real tools their readers use: LibreOffice converts an
// ODT to PDF, poppler's pdftotext reads a PDF's text. Without the tools a test skips, except under CI=true,
// where a missing tool must fail rather than turn the document tests into silent no-ops (.ci/run installs
// Debian's libreoffice-writer-nogui and poppler-utils).
package doctest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// inCI reports whether the CI variable asks for mandatory tools.
func inCI() bool {
	v := strings.TrimSpace(os.Getenv("CI"))
	return v != "" && v != "0" && !strings.EqualFold(v, "false")
}

// tool returns the first executable found among names, or skips (fails in CI).
func tool(t testing.TB, pkg string, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if inCI() {
		t.Fatalf("%s introuvable (paquet Debian %s) : obligatoire avec CI=true", names[0], pkg)
	}
	t.Skipf("%s introuvable (paquet Debian %s) : test sauté", names[0], pkg)
	return ""
}

// ConvertToPDF has LibreOffice open the document (name gives its extension, such as "strategie.odt") and
// convert it to PDF, and returns the PDF. A document LibreOffice cannot open fails the test.
func ConvertToPDF(t testing.TB, name string, doc []byte) []byte {
	t.Helper()
	soffice := tool(t, "libreoffice-writer-nogui", "soffice", "libreoffice")
	dir := t.TempDir()
	in := filepath.Join(dir, name)
	if err := os.WriteFile(in, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A profile of its own, so the conversion neither waits for nor disturbs another LibreOffice.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, in)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("LibreOffice n'a pas converti %s : %v\n%s", name, err, stderr.String())
	}
	pdf, err := os.ReadFile(filepath.Join(out, strings.TrimSuffix(name, filepath.Ext(name))+".pdf"))
	if err != nil {
		t.Fatalf("LibreOffice n'a pas écrit de PDF pour %s (%v) :\n%s", name, err, stderr.String())
	}
	return pdf
}

// PDFText returns the text pdftotext extracts from a PDF, in reading order; pages are separated by form
// feeds.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	return pdftotext(t, pdf)
}

// PDFLayout is PDFText keeping the page's layout: the cells of a table row stay on one line.
func PDFLayout(t testing.TB, pdf []byte) string {
	t.Helper()
	return pdftotext(t, pdf, "-layout")
}

func pdftotext(t testing.TB, pdf []byte, opts ...string) string {
	t.Helper()
	bin := tool(t, "poppler-utils", "pdftotext")
	cmd := exec.Command(bin, append(append([]string{"-enc", "UTF-8"}, opts...), tempFile(t, pdf), "-")...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext a refusé le PDF : %v\n%s", err, stderr.String())
	}
	return out.String()
}

// PDFPages returns the number of pages pdfinfo counts, or fails the test.
func PDFPages(t testing.TB, pdf []byte) int {
	t.Helper()
	bin := tool(t, "poppler-utils", "pdfinfo")
	cmd := exec.Command(bin, tempFile(t, pdf))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdfinfo a refusé le PDF : %v", err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n := 0
			for _, c := range strings.TrimSpace(v) {
				n = n*10 + int(c-'0')
			}
			return n
		}
	}
	t.Fatalf("pdfinfo ne dit pas le nombre de pages :\n%s", out)
	return 0
}

// tempFile writes a PDF where poppler's tools can read it.
func tempFile(t testing.TB, pdf []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "document.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
