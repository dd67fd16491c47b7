package tabular

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

var testSchema = Schema{
	{Key: "name", Label: "Nom", Aliases: []string{"Nom de l'acteur", "Raison sociale"}, Required: true},
	{Key: "kind", Label: "Type", Aliases: []string{"Catégorie"}, Required: true},
	{Key: "country", Label: "Territoire ou pays", Aliases: []string{"Pays"}},
}

func win1252(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadCSVEncodingsAndDelimiters(t *testing.T) {
	const text = "Nom;Catégorie;Pays\r\nCollectivité de Ségou;collectivité partenaire;Mali\r\nUniversité d'Été;université;France\r\n"
	cases := []struct {
		name     string
		data     []byte
		encoding string
		delim    rune
	}{
		{"windows-1252", win1252(t, text), "Windows-1252", ';'},
		{"utf-8", []byte(text), "UTF-8", ';'},
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), text...), "UTF-8 (BOM)", ';'},
		{"comma", []byte(strings.ReplaceAll(strings.ReplaceAll(text, ",", " "), ";", ",")), "UTF-8", ','},
		{"tab", []byte(strings.ReplaceAll(text, ";", "\t")), "UTF-8", '\t'},
		{"utf-16 tab", utf16le(strings.ReplaceAll(text, ";", "\t")), "UTF-16", '\t'},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab, err := Read(c.data, "acteurs.csv", testSchema, DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if tab.Encoding != c.encoding || tab.Delimiter != c.delim {
				t.Errorf("encoding %q delim %q, want %q %q", tab.Encoding, tab.Delimiter, c.encoding, c.delim)
			}
			if len(tab.Rows) != 2 {
				t.Fatalf("%d rows", len(tab.Rows))
			}
			r := tab.Rows[0]
			if r.Line != 2 || r.Get("name") != "Collectivité de Ségou" || r.Get("kind") != "collectivité partenaire" || r.Get("country") != "Mali" {
				t.Errorf("row 0 = %+v", r)
			}
			if got := tab.Rows[1].Get("name"); got != "Université d'Été" {
				t.Errorf("row 1 name = %q", got)
			}
		})
	}
}

func utf16le(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s { // test text is all in the basic plane
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestReadLineNumbersSkipBlankAndMultiline(t *testing.T) {
	data := "Nom;Type\n\nA;association\n\"Sur\ndeux lignes\";média\n;\nC;réseau;en trop\nD;pair;;\n"
	tab, err := Read([]byte(data), "x.csv", testSchema, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range tab.Rows {
		got = append(got, fmt.Sprintf("%d:%s", r.Line, r.Get("name")))
	}
	if want := "3:A 4:Sur\ndeux lignes 8:D"; strings.Join(got, " ") != want {
		t.Errorf("rows = %q, want %q", strings.Join(got, " "), want)
	}
	if len(tab.Problems) != 1 || tab.Problems[0].Line != 7 || !strings.Contains(tab.Problems[0].Error(), "Ligne 7 : 3 valeurs pour 2 colonnes") {
		t.Errorf("problems = %v", tab.Problems)
	}
}

func TestReadWholeFileErrors(t *testing.T) {
	cases := []struct {
		name, file, data string
		lim              Limits
		want             string
	}{
		{"wrong columns", "a.csv", "Prénom;Ville\nA;B\n", DefaultLimits, "Colonnes obligatoires absentes : « Nom », « Type ». Colonnes trouvées : « Prénom », « Ville »"},
		{"one missing", "a.csv", "Nom;Pays\nA;B\n", DefaultLimits, "absentes : « Type »."},
		{"twice", "a.csv", "Nom;Type;Raison sociale\n", DefaultLimits, "« Nom » apparaît deux fois"},
		{"empty", "a.csv", " \n", DefaultLimits, "vide"},
		{"too big", "a.csv", "Nom;Type\n" + strings.Repeat("x;y\n", 10), Limits{MaxRows: 100, MaxBytes: 20}, "taille maximale"},
		{"too many rows", "a.csv", "Nom;Type\n" + strings.Repeat("x;y\n", 4), Limits{MaxRows: 3, MaxBytes: 1 << 20}, "Ligne 5 : le fichier dépasse 3 lignes"},
		{"xls", "a.xls", "\xD0\xCF\x11\xE0", DefaultLimits, "XLSX ou en CSV"},
		{"broken xlsx", "a.xlsx", "PK\x03\x04garbage", DefaultLimits, "ne peut pas être ouvert"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read([]byte(c.data), c.file, testSchema, c.lim)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}

func TestReadUnclosedQuote(t *testing.T) {
	tab, err := Read([]byte("Nom;Type\nA;association\n\"B;média\nC;réseau\nD;pair\n"), "a.csv", testSchema, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 1 || len(tab.Problems) != 1 || !strings.Contains(tab.Problems[0].Error(), "Ligne 3 : guillemet non fermé") {
		t.Errorf("rows %v problems %v", tab.Rows, tab.Problems)
	}
}

func TestReadFromLimit(t *testing.T) {
	_, err := ReadFrom(strings.NewReader("Nom;Type\n"+strings.Repeat("a;b\n", 100)), "a.csv", testSchema, Limits{MaxRows: 1000, MaxBytes: 50})
	if err == nil || !strings.Contains(err.Error(), "taille maximale") {
		t.Errorf("got %v", err)
	}
}

func TestRead10000Rows(t *testing.T) {
	data := bigCSV(t, 10000)
	tab, err := Read(data, "gros.csv", testSchema, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 10000 || tab.Rows[9999].Line != 10001 || tab.Rows[9999].Get("name") != "Association n°9999 d'Évry" {
		t.Errorf("rows %d, last %+v", len(tab.Rows), tab.Rows[len(tab.Rows)-1])
	}
}

func bigCSV(t testing.TB, n int) []byte {
	var b bytes.Buffer
	b.WriteString("Nom;Type;Pays\r\n")
	for i := range n {
		fmt.Fprintf(&b, "Association n°%d d'Évry;association;France\r\n", i)
	}
	return win1252(t, b.String())
}

func TestDetectDelimiter(t *testing.T) {
	cases := map[string]rune{
		"a;b;c":             ';',
		"a,b,c":             ',',
		"a\tb":              '\t',
		"\"x;y\",b,c":       ',',
		"\n\nNom,Type;Pays": ';', // tie goes to French Excel's separator
		"Nom":               ';',
	}
	for in, want := range cases {
		if got := detectDelimiter(in); got != want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadCleansControlCharacters(t *testing.T) {
	data := []byte("Nom;Catégorie;Pays\nAssociation\v des\x00 agricultrices 👩🏽‍🌾;association;Mali\x01\n")
	tb, err := Read(data, "acteurs.csv", testSchema, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != 1 {
		t.Fatalf("rows = %+v, problems = %+v", tb.Rows, tb.Problems)
	}
	if got := tb.Rows[0].Get("name"); got != "Association\n des agricultrices 👩🏽‍🌾" {
		t.Errorf("name = %q", got)
	}
	if got := tb.Rows[0].Get("country"); got != "Mali" {
		t.Errorf("country = %q", got)
	}
}
