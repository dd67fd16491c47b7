package attachment

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"strconv"
	"strings"
	"testing"
)

// zipped builds an archive with the named entries, the first stored as the OpenDocument format wants.
func zipped(t *testing.T, entries ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, e := range entries {
		f, err := w.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(e[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func contentTypes(main string) string {
	return `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Override PartName="/word/document.xml" ContentType="` + main + `"/></Types>`
}

func TestCheckRecognisesDocumentsFromTheirContent(t *testing.T) {
	tests := []struct {
		name string
		file string
		data []byte
		want Kind
		err  error
	}{
		{"pdf", "convention.pdf", SimplePDF("Convention", []string{"Article 1"}), PDF, nil},
		{"pdf under another name", "convention.txt", []byte("%PDF-1.7\n..."), PDF, nil},
		{"png scan", "charte.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), PNG, nil},
		{"jpeg scan", "charte.jpeg", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}, JPEG, nil},
		{"odt", "charte.odt", zipped(t, [2]string{"mimetype", ODT.MediaType}, [2]string{"content.xml", "<x/>"}), ODT, nil},
		{"ods", "budget.ods", zipped(t, [2]string{"mimetype", ODS.MediaType}), ODS, nil},
		{"docx", "convention.docx", zipped(t, [2]string{"[Content_Types].xml", contentTypes(DOCX.MediaType + ".main+xml")}), DOCX, nil},
		{"xlsx", "budget.xlsx", zipped(t, [2]string{"[Content_Types].xml", contentTypes(XLSX.MediaType + ".main+xml")}), XLSX, nil},
		{"empty", "vide.pdf", nil, Kind{}, ErrEmpty},
		{"too large", "gros.pdf", append([]byte("%PDF-"), make([]byte, MaxSize)...), Kind{}, ErrTooLarge},
		{"text named pdf", "faux.pdf", []byte("Ceci n'est pas un PDF"), Kind{}, ErrNotDoc},
		{"html", "page.pdf", []byte("<html><script>alert(1)</script></html>"), Kind{}, ErrNotDoc},
		{"executable", "charte.pdf", []byte("MZ\x90\x00\x03"), Kind{}, ErrNotDoc},
		{"plain zip", "archive.docx", zipped(t, [2]string{"lisezmoi.txt", "bonjour"}), Kind{}, ErrNotDoc},
		{"macro document", "convention.docx", zipped(t, [2]string{"[Content_Types].xml", contentTypes("application/vnd.ms-word.document.macroEnabled.main+xml")}), Kind{}, ErrNotDoc},
		{"other opendocument", "dessin.odg", zipped(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.graphics"}), Kind{}, ErrNotDoc},
		{"broken zip", "casse.odt", []byte("PK\x03\x04 not really"), Kind{}, ErrNotDoc},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Check(tt.file, tt.data)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if got.Kind != tt.want {
				t.Errorf("kind %+v, want %+v", got.Kind, tt.want)
			}
			if err == nil && !strings.HasSuffix(got.Name, tt.want.Ext) && !strings.HasSuffix(got.Name, ".jpeg") {
				t.Errorf("name %q lacks the extension %s", got.Name, tt.want.Ext)
			}
		})
	}
}

func TestRefusalsAreFrenchSentences(t *testing.T) {
	_, err := Check("x.exe", []byte("MZ"))
	if !strings.Contains(err.Error(), "n'est pas un document accepté : PDF, ODT, DOCX ou image") {
		t.Errorf("message %q", err)
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Convention Dschang 2019.pdf", "Convention Dschang 2019.pdf"},
		{`C:\Users\agent\Documents\charte.PDF`, "charte.PDF"},
		{"../../etc/passwd", "passwd.pdf"},
		{"charte.exe", "charte.exe.pdf"},
		{"", "document.pdf"},
		{"..", "document.pdf"},
		{"nom\x00avec\ncontrôle\u202e.pdf", "nomaveccontrôle.pdf"},
		{strings.Repeat("é", 300) + ".pdf", strings.Repeat("é", maxNameRunes) + ".pdf"},
	}
	for _, tt := range tests {
		if got := CleanName(tt.in, PDF); got != tt.want {
			t.Errorf("CleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := CleanName("scan.jpeg", JPEG); got != "scan.jpeg" {
		t.Errorf("a .jpeg name became %q", got)
	}
}

func TestSimplePDFIsWellFormed(t *testing.T) {
	pdf := SimplePDF("Charte de jumelage (Belval–Tübingen)", []string{"Signée le 12 mai 1998 à l'hôtel de ville."})
	s := string(pdf)
	if !strings.HasPrefix(s, "%PDF-1.4") || !strings.HasSuffix(s, "%%EOF\n") {
		t.Fatalf("not framed as a PDF:\n%s", s)
	}
	// The cross-reference table must point at each object's first byte.
	xref := strings.Index(s, "\nxref\n") + 1
	lines := strings.Split(s[xref:], "\n")
	for i := 1; i <= 5; i++ {
		off, err := strconv.Atoi(strings.Fields(lines[2+i])[0])
		if err != nil {
			t.Fatal(err)
		}
		want := strconv.Itoa(i) + " 0 obj"
		if !strings.HasPrefix(s[off:], want) {
			t.Errorf("xref entry %d points at %q", i, s[off:off+10])
		}
	}
	if !strings.Contains(s, "startxref\n"+strconv.Itoa(xref)+"\n") {
		t.Error("startxref does not point at the table")
	}
	if !strings.Contains(s, "T\xfcbingen") || !strings.Contains(s, `\(Belval?T`) {
		t.Errorf("text not encoded in Latin-1 with escapes:\n%s", s)
	}
}

// TestCheckRefusesAZipBomb joins a Word document whose body declares it expands to a gigabyte, and one
// whose entry holds far more than it declares: both are refused with the French message.
func TestCheckRefusesAZipBomb(t *testing.T) {
	build := func(declared uint64, method uint16, body []byte) []byte {
		var b bytes.Buffer
		w := zip.NewWriter(&b)
		f, err := w.Create("[Content_Types].xml")
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(contentTypes(DOCX.MediaType + ".main+xml")))
		raw, err := w.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: method, CompressedSize64: uint64(len(body)), UncompressedSize64: declared})
		if err != nil {
			t.Fatal(err)
		}
		raw.Write(body)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	// The second bomb's body: 200 MB of one letter, deflated to a few hundred kilobytes.
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestSpeed)
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	for range MaxUnzipped/len(chunk) + 1 {
		fw.Write(chunk)
	}
	fw.Close()
	if _, err := Check("ok.docx", build(6, zip.Store, []byte("<w:d/>"))); err != nil {
		t.Fatalf("a plain document is refused: %v", err)
	}
	for name, data := range map[string][]byte{
		"declares a gigabyte":         build(1<<30, zip.Store, []byte("<w:d/>")),
		"holds more than it declares": build(10, zip.Deflate, deflated.Bytes()),
	} {
		if _, err := Check("bombe.docx", data); !errors.Is(err, ErrBomb) {
			t.Errorf("%s: got %v, want the zip bomb refusal", name, err)
		}
	}
	if !strings.Contains(ErrBomb.Message, "200 Mo") || MaxUnzipped != 200<<20 {
		t.Errorf("the message does not say the bound: %q", ErrBomb.Message)
	}
}
