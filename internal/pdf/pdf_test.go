package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/doctest"
)

func sample() *Document {
	d := New(Meta{Title: "Stratégie d'action internationale 2026–2032", Author: "Grand Belval Agglomération", Created: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)})
	d.Cover(Cover{Authority: "Grand Belval Agglomération", Title: "Stratégie d'action internationale", Subtitle: "Document stratégique", Lines: []string{"Mandature 2026–2032"}})
	d.TableOfContents("Table des matières")
	for i := 1; i <= 30; i++ { // enough headings for the contents to take more than one page
		d.Heading(1, fmt.Sprintf("Chapitre %d : élaboration", i))
		d.Paragraph("Œuvrer ensemble à l'égalité : « déjà 1\u202f234,5\u00a0€ » — coopération décentralisée, façade, naïveté, Ÿ, ß, Łódź, Київ, Αθήνα.")
		d.Heading(2, fmt.Sprintf("Section %d.1", i))
		d.List([]string{"Premier élément", "Deuxième élément"}, i%2 == 0)
	}
	d.Labelled("Vision", "Un territoire ouvert")
	d.Styled(Note, "À compléter dans « Stratégie ».")
	rows := [][]string{}
	for i := range 120 {
		rows = append(rows, []string{strconv.Itoa(i + 1), "Indicateur de mobilité des jeunes numéro " + strconv.Itoa(i+1), "personnes"})
	}
	rows = append(rows, []string{"long", strings.Repeat("Une cellule très longue qui ne tient pas sur une page. ", 300), "fin"})
	d.Table(Table{Caption: "Indicateurs", Header: []string{"N°", "Indicateur", "Unité"}, Rows: rows, Widths: []float64{0.5, 4, 1}})
	d.Figure([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200" width="400" height="200"><g font-size="14" fill="#1a1a1a"><rect x="0" y="0" width="200" height="100" fill="#d9f0d3" stroke="#fff"/><text x="100" y="50" text-anchor="middle" font-weight="bold">Atouts <tspan font-weight="normal">(2)</tspan></text><text x="10" y="150" transform="rotate(-90 10 150)">Origine interne</text><path d="M10 10l20 0V40h-20z" fill="none" stroke="#555"/><circle cx="300" cy="50" r="5" fill="url(#p)"/></g></svg>`), "Matrice AFOM", "Deux atouts, une menace.", 0)
	d.Figure([]byte("pas du svg"), "Carte", "Trois pays en évidence.", 0)
	return d
}

func write(t *testing.T, d *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := d.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("%d octets annoncés, %d écrits, début %q", n, buf.Len(), buf.Bytes()[:min(8, buf.Len())])
	}
	return buf.Bytes()
}

func TestAccentsAndOtherScriptsSurviveExtraction(t *testing.T) {
	// Line breaks and the kinds of space are the layout's business: compare words.
	text := strings.Join(strings.Fields(doctest.PDFText(t, write(t, sample()))), " ")
	for _, w := range []string{"Stratégie d'action internationale", "Œuvrer ensemble à l'égalité", "« déjà 1 234,5 € »",
		"coopération décentralisée, façade, naïveté, Ÿ, ß, Łódź, Київ, Αθήνα", "Vision : Un territoire ouvert", "À compléter dans « Stratégie »",
		"Indicateur de mobilité des jeunes numéro 120", "Atouts (2)", "Origine interne", "Matrice AFOM", "Figure : Carte", "Trois pays en évidence."} {
		if !strings.Contains(text, w) {
			t.Errorf("texte extrait sans %q", w)
		}
	}
}

// TestContentsGivesTheRightPages reads each page's text and checks that the table of contents sends every
// chapter to the page it is on, though the contents themselves take two pages.
func TestContentsGivesTheRightPages(t *testing.T) {
	pages := strings.Split(doctest.PDFLayout(t, write(t, sample())), "\f")
	found := 0
	for i := 1; i <= 30; i++ {
		title := fmt.Sprintf("Chapitre %d : élaboration", i)
		tocPage := ""
		for _, p := range pages[1:3] {
			for _, l := range strings.Split(p, "\n") {
				if strings.HasPrefix(strings.TrimSpace(l), title) {
					f := strings.Fields(l)
					tocPage = f[len(f)-1]
				}
			}
		}
		actual := 0
		for n, p := range pages[3:] {
			if strings.Contains(p, title+"\n") && !strings.Contains(p, "Table des matières") {
				actual = n + 4
				break
			}
		}
		if tocPage == "" || tocPage != strconv.Itoa(actual) {
			t.Errorf("%s : page %q au sommaire, page %d en réalité", title, tocPage, actual)
			continue
		}
		found++
	}
	if found != 30 {
		t.Errorf("%d chapitres au bon numéro sur 30", found)
	}
	if !strings.Contains(pages[1], "Page 2 sur") || strings.Contains(pages[0], "Page 1 sur") {
		t.Error("pied de page : la couverture est numérotée ou la page 2 ne l'est pas")
	}
}

func TestLongRowsContinueOnTheNextPage(t *testing.T) {
	text := doctest.PDFLayout(t, write(t, sample()))
	// The row crosses pages, between which come a footer and the header again: count one word of it.
	if n := strings.Count(text, "cellule"); n != 300 {
		t.Errorf("%d répétitions de la cellule longue sur 300 : du texte s'est perdu", n)
	}
	headers := 0
	for _, p := range strings.Split(text, "\f") {
		if len(strings.Fields(p)) > 3 && strings.Join(strings.Fields(p)[:3], " ") == "N° Indicateur Unité" {
			headers++
		}
	}
	if headers < 3 {
		t.Errorf("l'en-tête du tableau paraît sur %d pages", headers)
	}
}

func TestSameDocumentSameBytes(t *testing.T) {
	if !bytes.Equal(write(t, sample()), write(t, sample())) {
		t.Error("deux écritures du même document diffèrent")
	}
}
