package odt

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"boussole/internal/doctest"
)

// figure is a small SVG such as the figure packages draw.
const figure = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200" width="400" height="200" role="img"><title>AFOM</title><rect x="0" y="0" width="200" height="100" fill="#2e7d32"/><text x="10" y="50" fill="#fff">Atouts</text></svg>`

// hostile is text a user may type or paste: markup, entities, a NUL, a vertical tab from Word, an open
// bidi override, several spaces and a line break.
const hostile = "<b>gras</b> & « guillemets » \x00\v\u202e fin   trois espaces\nligne deux"

// sample builds a document using every block.
func sample(t *testing.T) *Document {
	t.Helper()
	d := New(Meta{Title: "Stratégie d'action internationale 2026–2032", Subject: "Stratégie", Author: "Grand Belval & Cie",
		Created: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)})
	d.Cover(Cover{Authority: "Grand Belval Agglomération", Title: "Stratégie d'action internationale", Subtitle: "2026–2032",
		Lines: []string{"Projet soumis au conseil communautaire", "Version du 3 décembre 2026"}})
	d.TableOfContents("Table des matières")
	d.Heading(1, "Contexte et enjeux")
	d.Paragraph(hostile)
	d.Heading(2, "Atouts du territoire")
	d.List([]string{"Un aéroport régional", "Une université <internationale>"})
	d.NumberedList([]string{"Premier", "Second"})
	d.Heading(1, "Diagnostic")
	if err := d.Figure(Figure{SVG: []byte(figure), Title: "Matrice AFOM", Desc: "Deux atouts, une faiblesse."}); err != nil {
		t.Fatal(err)
	}
	d.Heading(3, "Revue des partenariats")
	d.Table(Table{Caption: "Indicateurs", Header: []string{"Indicateur", "Unité", "Cible"},
		Rows: [][]string{{"Jeunes en mobilité", "personnes", "120"}, {"Trop court"}, {"a", "b", "c", "coupé"}}, Widths: []float64{3, 1, 1}})
	d.Labelled("Vision", "Un territoire ouvert")
	d.Runs(Note, Span{Text: "Section à compléter : "}, Span{Text: "Éléments clés", Bold: true}, Span{Text: " (italique)", Italic: true})
	d.PageBreak()
	d.Heading(1, "Annexes")
	return d
}

func write(t *testing.T, d *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := d.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo dit %d octets, %d écrits", n, buf.Len())
	}
	return buf.Bytes()
}

// parts opens the archive and returns its entries in order, checking each XML part parses.
func parts(t *testing.T, data []byte) (*zip.Reader, map[string][]byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".svg") {
			if err := wellFormed(b); err != nil {
				t.Errorf("%s n'est pas du XML bien formé : %v", f.Name, err)
			}
		}
	}
	return z, out
}

func wellFormed(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestMimetypeFirstStoredWithoutExtraField(t *testing.T) {
	data := write(t, sample(t))
	z, p := parts(t, data)
	first := z.File[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 {
		t.Fatalf("première entrée %q, méthode %d, extra %d octets ; attendu mimetype stockée sans extra", first.Name, first.Method, len(first.Extra))
	}
	if string(p["mimetype"]) != MediaType {
		t.Errorf("mimetype = %q", p["mimetype"])
	}
	// Tools that sniff the format read the media type at byte 38 of the file.
	if got := string(data[30:38]) + "|" + string(data[38:38+len(MediaType)]); got != "mimetype|"+MediaType {
		t.Errorf("octets 30 à 38+ : %q", got)
	}
	for _, f := range z.File[1:] {
		if f.Method != zip.Deflate {
			t.Errorf("%s non compressé", f.Name)
		}
	}
}

func TestManifestListsEveryPart(t *testing.T) {
	z, p := parts(t, write(t, sample(t)))
	var m struct {
		Entries []struct {
			Path string `xml:"full-path,attr"`
			Type string `xml:"media-type,attr"`
		} `xml:"file-entry"`
	}
	if err := xml.Unmarshal(p["META-INF/manifest.xml"], &m); err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, e := range m.Entries {
		listed[e.Path] = e.Type
	}
	if listed["/"] != MediaType {
		t.Errorf("racine du manifeste : %q", listed["/"])
	}
	for _, f := range z.File {
		if f.Name == "mimetype" || f.Name == "META-INF/manifest.xml" {
			continue
		}
		if _, ok := listed[f.Name]; !ok {
			t.Errorf("%s absent du manifeste", f.Name)
		}
	}
	if listed["Pictures/figure1.svg"] != "image/svg+xml" {
		t.Errorf("figure : %q", listed["Pictures/figure1.svg"])
	}
	for path := range listed {
		if path != "/" && p[path] == nil {
			t.Errorf("le manifeste cite %s, absent de l'archive", path)
		}
	}
}

// element is an XML element with its children and text in document order, for checking the body's structure.
type element struct {
	XMLName  xml.Name
	Attrs    []xml.Attr
	Children []element
	nodes    []any // string or *element, in order
}

// parseTree reads a whole XML part into a tree.
func parseTree(data []byte) (element, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := &element{}
	stack := []*element{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return element{}, err
		}
		top := stack[len(stack)-1]
		switch tk := tok.(type) {
		case xml.StartElement:
			top.nodes = append(top.nodes, &element{XMLName: tk.Name, Attrs: tk.Attr})
			stack = append(stack, top.nodes[len(top.nodes)-1].(*element))
		case xml.EndElement:
			done := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			parent := stack[len(stack)-1]
			parent.Children = append(parent.Children, *done)
		case xml.CharData:
			top.nodes = append(top.nodes, string(tk))
		}
	}
	return root.Children[0], nil
}

func (e element) attr(local string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// walk calls f on e and every descendant.
func (e element) walk(f func(element)) {
	f(e)
	for _, c := range e.Children {
		c.walk(f)
	}
}

// text returns the text of e and its descendants as a reader sees it: line breaks as "\n", text:s as spaces.
func (e element) text() string {
	var b strings.Builder
	var rec func(x *element)
	rec = func(x *element) {
		switch x.XMLName.Local {
		case "line-break":
			b.WriteString("\n")
		case "s":
			b.WriteString(strings.Repeat(" ", max(1, atoi(x.attr("c")))))
		case "tab":
			b.WriteString("\t")
		}
		for _, n := range x.nodes {
			switch v := n.(type) {
			case string:
				b.WriteString(v)
			case *element:
				rec(v)
			}
		}
	}
	rec(&e)
	return b.String()
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func content(t *testing.T, d *Document) element {
	t.Helper()
	_, p := parts(t, write(t, d))
	root, err := parseTree(p["content.xml"])
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestHeadingsCarryOutlineLevelsAndFeedTheTableOfContents(t *testing.T) {
	root := content(t, sample(t))
	var heads, toc, bookmarks, refs []string
	root.walk(func(e element) {
		switch e.XMLName.Local {
		case "h":
			heads = append(heads, e.attr("outline-level")+" "+e.text())
			e.walk(func(c element) {
				if c.XMLName.Local == "bookmark" {
					bookmarks = append(bookmarks, c.attr("name"))
				}
			})
		case "index-body":
			for _, c := range e.Children {
				if c.XMLName.Local == "p" {
					toc = append(toc, c.attr("style-name")+" "+c.text())
					c.walk(func(r element) {
						if r.XMLName.Local == "bookmark-ref" && r.attr("reference-format") == "page" {
							refs = append(refs, r.attr("ref-name"))
						}
					})
				}
			}
		}
	})
	// Each entry ends with a tab and a reference to the page of its heading's bookmark, which the reader fills in.
	if len(bookmarks) != len(heads) || strings.Join(refs, "|") != strings.Join(bookmarks, "|") {
		t.Errorf("renvois de page %q, signets des titres %q", refs, bookmarks)
	}
	want := []string{"1 Contexte et enjeux", "2 Atouts du territoire", "1 Diagnostic", "3 Revue des partenariats", "1 Annexes"}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Errorf("titres : %q", heads)
	}
	wantTOC := []string{"Contents_20_1 Contexte et enjeux\t?", "Contents_20_2 Atouts du territoire\t?", "Contents_20_1 Diagnostic\t?",
		"Contents_20_3 Revue des partenariats\t?", "Contents_20_1 Annexes\t?"}
	if strings.Join(toc, "|") != strings.Join(wantTOC, "|") {
		t.Errorf("table des matières : %q", toc)
	}
}

func TestUserTextIsCleanedAndEscaped(t *testing.T) {
	root := content(t, sample(t))
	var found bool
	root.walk(func(e element) {
		if e.XMLName.Local == "p" && strings.Contains(e.text(), "guillemets") {
			found = true
			got := e.text()
			want := "<b>gras</b> & « guillemets » \n\u202e fin   trois espaces\u202c\nligne deux" // the vertical tab was a line break
			if got != want {
				t.Errorf("texte lu %q, attendu %q", got, want)
			}
		}
		if e.XMLName.Space == "" && e.XMLName.Local == "b" {
			t.Error("le texte saisi est devenu un élément XML")
		}
	})
	if !found {
		t.Fatal("paragraphe saisi introuvable")
	}
}

func TestTablesHaveHeaderRowsAndFullRows(t *testing.T) {
	root := content(t, sample(t))
	var tables int
	root.walk(func(e element) {
		if e.XMLName.Local != "table" || e.XMLName.Space != "urn:oasis:names:tc:opendocument:xmlns:table:1.0" {
			return
		}
		tables++
		var cols, header int
		var rows [][]string
		for _, c := range e.Children {
			switch c.XMLName.Local {
			case "table-column":
				cols++
			case "table-header-rows":
				header += len(c.Children)
			case "table-row":
				var cells []string
				for _, cell := range c.Children {
					cells = append(cells, cell.text())
				}
				rows = append(rows, cells)
			}
		}
		if cols != 3 || header != 1 || len(rows) != 3 {
			t.Fatalf("tableau : %d colonnes, %d lignes d'en-tête, %d lignes", cols, header, len(rows))
		}
		if strings.Join(rows[1], "|") != "Trop court||" || strings.Join(rows[2], "|") != "a|b|c" {
			t.Errorf("lignes : %q", rows)
		}
	})
	if tables != 1 {
		t.Errorf("%d tableaux", tables)
	}
}

func TestFooterNumbersPagesAndCoverHasItsOwnPage(t *testing.T) {
	_, p := parts(t, write(t, sample(t)))
	styles := string(p["styles.xml"])
	for _, want := range []string{`<text:page-number text:select-page="current">`, `<text:page-count>`,
		`style:master-page style:name="Cover"`, `style:next-style-name="Standard"`, `style:default-outline-level="1"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml sans %s", want)
		}
	}
	if !strings.Contains(string(p["content.xml"]), `style:master-page-name="Cover"`) {
		t.Error("la couverture n'a pas sa page")
	}
	meta := string(p["meta.xml"])
	if !strings.Contains(meta, "<dc:creator>Grand Belval &amp; Cie</dc:creator>") || !strings.Contains(meta, "2026-12-03T10:00:00Z") {
		t.Errorf("meta.xml : %s", meta)
	}
}

func TestSameDocumentSameBytes(t *testing.T) {
	if !bytes.Equal(write(t, sample(t)), write(t, sample(t))) {
		t.Error("deux écritures du même document diffèrent")
	}
}

func TestFigureRefusesWhatIsNotSVG(t *testing.T) {
	d := New(Meta{})
	for _, bad := range []string{"", "<html/>", "<svg xmlns='http://www.w3.org/2000/svg'/>", "pas du xml"} {
		if err := d.Figure(Figure{SVG: []byte(bad)}); err == nil {
			t.Errorf("figure %q acceptée", bad)
		}
	}
	if err := d.Figure(Figure{SVG: []byte(`<svg viewBox="0 0 100 400"/>`), WidthCM: 17}); err != nil {
		t.Fatal(err)
	}
	// A tall figure is scaled down to fit the page.
	if !strings.Contains(d.body.String(), `svg:width="5.50cm" svg:height="22.00cm"`) {
		t.Errorf("cadre : %s", d.body.String())
	}
}

// TestContentsShowThePagesLibreOfficeLaysOut converts the sample with LibreOffice: each entry of the table
// of contents carries the page number of its heading, which LibreOffice fills in from the bookmark on it.
func TestContentsShowThePagesLibreOfficeLaysOut(t *testing.T) {
	layout := doctest.PDFLayout(t, doctest.ConvertToPDF(t, "exemple.odt", write(t, sample(t))))
	toc := doctest.ContentsPages(layout)
	want := map[string]int{"Contexte et enjeux": 3, "Atouts du territoire": 3, "Diagnostic": 4, "Revue des partenariats": 4, "Annexes": 5}
	for title, page := range want {
		if toc[title] != page {
			t.Errorf("la table des matières donne la page %d à « %s », attendu %d (lu : %v)", toc[title], title, page, toc)
		}
		if at := doctest.PageOf(layout, title, 2); at != page {
			t.Errorf("« %s » est page %d du PDF, attendu %d", title, at, page)
		}
	}
}

// TestLibreOfficeOpensTheDocument converts the sample with LibreOffice and reads the PDF's text back: the
// headings, the table's cells, the accents and the page numbers of the footer must be there.
func TestLibreOfficeOpensTheDocument(t *testing.T) {
	pdf := doctest.ConvertToPDF(t, "exemple.odt", write(t, sample(t)))
	text := doctest.PDFText(t, pdf)
	for _, want := range []string{"Stratégie d'action internationale", "Table des matières", "Contexte et enjeux", "Atouts du territoire",
		"Revue des partenariats", "Jeunes en mobilité", "<b>gras</b>", "guillemets", "Une université <internationale>", "Matrice AFOM", "Page 2 sur"} {
		if !strings.Contains(text, want) {
			t.Errorf("le PDF de LibreOffice ne contient pas %q", want)
		}
	}
	if strings.Contains(text, "Page 1 sur") {
		t.Error("la couverture porte un numéro de page")
	}
	if n := doctest.PDFPages(t, pdf); n < 5 {
		t.Errorf("%d pages ; attendu couverture, sommaire et une page par titre de niveau 1", n)
	}
}
