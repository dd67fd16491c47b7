package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

var exportRows = [][]string{
	{"Collectivité de Ségou", "collectivité partenaire", "Mali"},
	{"=HYPERLINK(\"http://x\")", "association", "-2"},
	{"Ligne; avec \"guillemets\"", "média", ""},
}

func TestWriteCSVRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, testSchema.Labels(), exportRows); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\uFEFFNom;Type;Territoire ou pays\r\n") {
		t.Errorf("header: %q", out[:40])
	}
	if strings.Contains(out, "\n=") || !strings.Contains(out, "'=HYPERLINK") {
		t.Errorf("formula not neutralised: %q", out)
	}
	tab, err := Read(b.Bytes(), "export.csv", testSchema, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	assertRows(t, tab, "UTF-8 (BOM)")
}

func TestWriteXLSXRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WriteXLSX(&b, "Acteurs", testSchema.Labels(), exportRows); err != nil {
		t.Fatal(err)
	}
	if sheet := zipEntry(t, b.Bytes(), "xl/worksheets/sheet1.xml"); strings.Contains(sheet, "<f>") {
		t.Errorf("a formula was written: %s", sheet)
	}
	tab, err := Read(b.Bytes(), "export.bin", testSchema, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	assertRows(t, tab, "")
	if tab.Format != "XLSX" {
		t.Errorf("format %q", tab.Format)
	}
}

func assertRows(t *testing.T, tab *Table, enc string) {
	t.Helper()
	if tab.Encoding != enc || len(tab.Rows) != len(exportRows) {
		t.Fatalf("encoding %q, %d rows", tab.Encoding, len(tab.Rows))
	}
	for i, want := range exportRows {
		r := tab.Rows[i]
		got := []string{r.Get("name"), r.Get("kind"), r.Get("country")}
		if fmt.Sprint(got) != fmt.Sprint(want) || r.Line != i+2 {
			t.Errorf("row %d (line %d) = %q, want %q", i, r.Line, got, want)
		}
	}
}

func zipEntry(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	t.Fatalf("%s not in archive", name)
	return ""
}

func TestReadXLSXBlankRowsKeepNumbers(t *testing.T) {
	var b bytes.Buffer
	rows := [][]string{{"A", "association", ""}, {"", "", ""}, {"B", "média", ""}}
	if err := WriteXLSX(&b, "Feuille", []string{"Nom", "Type", "Pays"}, rows); err != nil {
		t.Fatal(err)
	}
	tab, err := Read(b.Bytes(), "a.xlsx", testSchema, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 2 || tab.Rows[0].Line != 2 || tab.Rows[1].Line != 4 {
		t.Errorf("rows %+v", tab.Rows)
	}
}

func BenchmarkReadCSV10000(b *testing.B) {
	data := bigCSV(b, 10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(data, "a.csv", testSchema, DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWriteXLSXNeutralisesFormulas checks that a value a spreadsheet would run as a formula once edited or
// copied (= + - @, tab, carriage return) is written with the CSV's apostrophe, and read back as typed.
func TestWriteXLSXNeutralisesFormulas(t *testing.T) {
	rows := [][]string{{"=1+1", "+33 1 23", "-2"}, {"@SUM(A1)", "\tcachée", "\rretour"}, {"Texte sûr", "a=b", ""}}
	var b bytes.Buffer
	if err := WriteXLSX(&b, "Acteurs", testSchema.Labels(), rows); err != nil {
		t.Fatal(err)
	}
	sheet := zipEntry(t, b.Bytes(), "xl/worksheets/sheet1.xml")
	sheet = strings.ReplaceAll(sheet, "&#39;", "'")
	for _, want := range []string{"'=1+1", "'+33 1 23", "'-2", "'@SUM(A1)", "'\tcachée", "'\rretour", ">Texte sûr<", ">a=b<"} {
		if !strings.Contains(strings.ReplaceAll(strings.ReplaceAll(sheet, "&#x9;", "\t"), "&#xD;", "\r"), want) {
			t.Errorf("the sheet lacks %q:\n%s", want, sheet)
		}
	}
	tab, err := Read(b.Bytes(), "export.xlsx", testSchema, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Rows[0].Get("name"); got != "=1+1" {
		t.Errorf("read back %q, want the value as typed", got)
	}
}

// TestReadXLSXRefusesAZipBomb sends a workbook whose sheet declares it expands to a gigabyte: it is refused
// with a French message before the spreadsheet library opens it (internal/ziplimit also checks what the
// entries really hold).
func TestReadXLSXRefusesAZipBomb(t *testing.T) {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		if _, err := w.Create(name); err != nil {
			t.Fatal(err)
		}
	}
	payload := []byte("<worksheet/>")
	f, err := w.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store,
		CompressedSize64: uint64(len(payload)), UncompressedSize64: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(payload); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Read(b.Bytes(), "bombe.xlsx", testSchema, DefaultLimits)
	var te Error
	if !errors.As(err, &te) || !strings.Contains(te.Reason, "se décompresserait en plus de") {
		t.Errorf("got %v", err)
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("é", 200)
	if got := Excerpt(long); utf8.RuneCountInString(got) != MaxQuote+1 || !strings.HasSuffix(got, "…") {
		t.Errorf("Excerpt of 200 characters = %d characters %q", utf8.RuneCountInString(got), got)
	}
	if got := Excerpt("  court  "); got != "court" {
		t.Errorf("Excerpt(short) = %q", got)
	}
}
