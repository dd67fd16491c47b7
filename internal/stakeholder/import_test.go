package stakeholder

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"boussole/internal/tabular"

	"golang.org/x/text/encoding/charmap"
)

func win1252(t testing.TB, s string) *bytes.Reader {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b)
}

func TestImportWindows1252(t *testing.T) {
	file := "Nom;Type;Pays;Pouvoir coercitif;Bien public;Intérêt objet;Étapes;Niveau d'engagement;Colonne libre\r\n" +
		"Collectivité de Ségou;Collectivité partenaire;Mali;3;fort;2;Diagnostic, mise en œuvre;Co-décider;x\r\n" +
		"Université d'Été;université;France;1;1;3;;consulter;\r\n"
	res, err := Import(win1252(t, file), "export-excel.csv", nil, tabular.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Committable(); err != nil {
		t.Fatalf("not committable: %v %+v", err, res.Rejected)
	}
	if res.Encoding != "Windows-1252" || !reflect.DeepEqual(res.Ignored, []string{"Colonne libre"}) {
		t.Errorf("encoding %q ignored %q", res.Encoding, res.Ignored)
	}
	if len(res.Accepted) != 2 {
		t.Fatalf("accepted %d", len(res.Accepted))
	}
	s := res.Accepted[0].Stakeholder
	if s.Name != "Collectivité de Ségou" || s.Kind != KindPartnerAuthority || s.Territory != "Mali" ||
		s.Power.Coercive.Value != 3 || s.Legitimacy.PublicGood.Value != 3 || s.Interest.Object.Value != 2 ||
		s.Engagement.Level != LevelCodecide || !reflect.DeepEqual(s.Engagement.Steps, []Step{StepDiagnostic, StepImplementation}) {
		t.Errorf("first row = %+v", s)
	}
	if s.Salience().Class != ClassDefinitive {
		t.Errorf("class %s", s.Salience().Class)
	}
	u := res.Accepted[1]
	if u.Line != 3 || u.Stakeholder.Name != "Université d'Été" || u.Stakeholder.Kind != KindUniversity {
		t.Errorf("second row = %+v", u)
	}
}

func TestImportRejectsRowsWithLineAndReason(t *testing.T) {
	existing := []Stakeholder{{ID: 7, Name: "Radio Pays", Kind: KindMedia}}
	file := "Nom;Type d'acteur;Pouvoir utilitaire;Contexte : réseaux existants;Étapes\n" +
		"Bon;association;2;oui;évaluation\n" + // line 2: fine
		";association;;;\n" + // 3: no name
		"Martiens;extraterrestre;;;\n" + // 4: unknown kind
		"Trop;association;5;;\n" + // 5: out of range
		"Mot;association;beaucoup;peut-être;\n" + // 6: two bad values
		"bon;Association;1;;\n" + // 7: duplicate of line 2
		"RADIO PAYS;média;;;\n" + // 8: already on the map: merge
		"Étape;association;;;fin du monde\n" // 9: unknown step
	res, err := Import(strings.NewReader(file), "a.csv", existing, tabular.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]string{
		3: {"Le nom est obligatoire"},
		4: {"type d'acteur « extraterrestre » inconnu"},
		5: {"« Pouvoir utilitaire » vaut 5, hors de l'échelle de 0 à 3"},
		6: {"« beaucoup »", "attendu oui ou non"},
		7: {"même nom et même type d'acteur que la ligne 2"},
		9: {"étape « fin du monde » inconnue"},
	}
	if len(res.Rejected) != len(want) {
		t.Errorf("rejected %d rows, want %d: %+v", len(res.Rejected), len(want), res.Rejected)
	}
	for _, r := range res.Rejected {
		for _, w := range want[r.Line] {
			if !strings.Contains(strings.ToLower(r.Reason), strings.ToLower(w)) {
				t.Errorf("line %d reason %q lacks %q", r.Line, r.Reason, w)
			}
		}
		if want[r.Line] == nil {
			t.Errorf("line %d rejected unexpectedly: %s", r.Line, r.Reason)
		}
	}
	if len(res.Accepted) != 1 || res.Accepted[0].Line != 2 || !res.Accepted[0].Stakeholder.Context.ExistingNetworks.Present {
		t.Errorf("accepted %+v", res.Accepted)
	}
	if len(res.Merges) != 1 || res.Merges[0].Line != 8 || res.Merges[0].Existing != 0 {
		t.Errorf("merges %+v", res.Merges)
	}
	if err := res.Committable(); err == nil || !strings.Contains(err.Error(), "6 lignes sont rejetées") || !strings.Contains(err.Error(), "Rien n'a été enregistré") {
		t.Errorf("Committable = %v", err)
	}
	if got := res.Summary(); got != "8 ligne(s) lue(s) : 1 prête(s) à importer, 6 rejetée(s), 1 doublon(s) à fusionner." {
		t.Errorf("Summary = %q", got)
	}
}

func TestImportWrongColumns(t *testing.T) {
	_, err := Import(strings.NewReader("Prénom,Ville\nAnne,Lyon\n"), "a.csv", nil, tabular.DefaultLimits)
	if err == nil || !strings.Contains(err.Error(), "« Nom », « Type d'acteur »") || !strings.Contains(err.Error(), "« Prénom », « Ville »") {
		t.Errorf("got %v", err)
	}
}

func TestImportNothingToImport(t *testing.T) {
	res, err := Import(strings.NewReader("Nom;Type\n"), "a.csv", nil, tabular.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Committable(); err == nil || !strings.Contains(err.Error(), "aucun acteur") {
		t.Errorf("Committable = %v", err)
	}
}

func TestImport10000Rows(t *testing.T) {
	res, err := Import(win1252(t, bigFile(10000)), "gros.csv", nil, tabular.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Accepted) != 10000 || res.Committable() != nil {
		t.Fatalf("accepted %d, rejected %+v", len(res.Accepted), res.Rejected[:min(3, len(res.Rejected))])
	}
	last := res.Accepted[9999]
	if last.Line != 10001 || last.Stakeholder.Name != "Collectivité n°9999" {
		t.Errorf("last = %d %q", last.Line, last.Stakeholder.Name)
	}
}

func bigFile(n int) string {
	var b strings.Builder
	b.WriteString("Nom;Type;Pays;Pouvoir utilitaire;Pouvoir normatif;Bien public;Intérêt objet;Thèmes\r\n")
	for i := range n {
		fmt.Fprintf(&b, "Collectivité n°%d;%s;Sénégal;%d;%d;%d;%d;Eau, Santé\r\n", i, Kinds()[i%len(Kinds())].Label(), i%4, (i/4)%4, (i/16)%4, (i/64)%4)
	}
	return b.String()
}

func TestExportImportRoundTrip(t *testing.T) {
	list := []Stakeholder{
		{Name: "Conseil départemental", Kind: KindPeer, Contact: "Mme Durand", Territory: "Isère", Themes: []string{"Eau", "Jeunesse"},
			Power:      Power{Utilitarian: Score{3, "finance 40 % ; « clé »"}, Coercive: Score{1, ""}},
			Legitimacy: Legitimacy{Representation: Score{2, "=siège au comité"}},
			Interest:   Interest{Type: Score{3, "multi-ligne\nsuite"}},
			Context:    Context{ExistingChannels: Flag{true, "forum annuel"}},
			Engagement: Engagement{Level: LevelCollaborate, Steps: []Step{StepDefinition, StepRevision}, Promise: "Réunion trimestrielle"}},
		{Name: "Radio locale", Kind: KindMedia},
	}
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			var err error
			if format == "csv" {
				err = ExportCSV(&b, list)
			} else {
				err = ExportXLSX(&b, list)
			}
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(&b, "export."+format, nil, tabular.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if res.Committable() != nil || len(res.Accepted) != 2 {
				t.Fatalf("rejected %+v", res.Rejected)
			}
			for i, want := range list {
				if got := res.Accepted[i].Stakeholder; !reflect.DeepEqual(got, want) {
					t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
				}
			}
			if !reflect.DeepEqual(res.Ignored, computedHeaders) {
				t.Errorf("ignored %q", res.Ignored)
			}
		})
	}
}

func BenchmarkImport10000(b *testing.B) {
	file := []byte(bigFile(10000))
	data, _ := charmap.Windows1252.NewEncoder().Bytes(file)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		res, err := Import(bytes.NewReader(data), "a.csv", nil, tabular.DefaultLimits)
		if err != nil || len(res.Accepted) != 10000 {
			b.Fatal(err)
		}
	}
}

// TestImportErrorsQuoteAtMost80Characters reads a file whose bad lines hold very long values, and one
// whose header is a whole paragraph: no message quotes more than the first 80 characters of them.
func TestImportErrorsQuoteAtMost80Characters(t *testing.T) {
	long := strings.Repeat("Très long nom d'association ", 40)
	file := "Nom;Type d'acteur;Pouvoir utilitaire;Contexte : réseaux existants\n" +
		long + ";" + long + ";;\n" +
		"Court;association;" + long + ";" + long + "\n"
	res, err := Import(strings.NewReader(file), "a.csv", nil, tabular.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rejected) != 2 {
		t.Fatalf("rejected %+v", res.Rejected)
	}
	for _, r := range res.Rejected {
		for _, text := range []string{r.Name, r.Reason} {
			if strings.Contains(text, long[:120]) {
				t.Errorf("line %d quotes more than 80 characters: %q", r.Line, text)
			}
		}
		if !strings.Contains(r.Reason, "…") {
			t.Errorf("line %d: the cut is not marked: %q", r.Line, r.Reason)
		}
	}
	if n := utf8.RuneCountInString(res.Rejected[0].Name); n > tabular.MaxQuote+1 {
		t.Errorf("the rejected name keeps %d characters", n)
	}
	_, err = Import(strings.NewReader(long+"\nx\n"), "a.csv", nil, tabular.DefaultLimits)
	if err == nil || strings.Contains(err.Error(), long[:120]) || !strings.Contains(err.Error(), "…") {
		t.Errorf("header error quotes too much: %v", err)
	}
}
