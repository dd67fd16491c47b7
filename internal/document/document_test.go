package document

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"boussole/internal/doctest"
	"boussole/internal/frfmt"
	"boussole/internal/model"
)

func titles(d Doc) []string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, s.Title)
	}
	return out
}

// text returns every piece of text of a section, for searching.
func text(s Section) string {
	var b strings.Builder
	for _, bl := range s.Blocks {
		switch x := bl.(type) {
		case Heading:
			b.WriteString(x.Text)
		case Paragraph:
			b.WriteString(x.Text)
		case Note:
			b.WriteString(x.Text)
		case Field:
			b.WriteString(x.Label + " : " + x.Text)
		case List:
			b.WriteString(strings.Join(x.Items, "\n"))
		case Table:
			b.WriteString(x.Caption + "\n" + strings.Join(x.Header, "|"))
			for _, r := range x.Rows {
				b.WriteString("\n" + strings.Join(r, "|"))
			}
		case Figure:
			b.WriteString(x.Title)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func section(t *testing.T, d Doc, key SectionKey) Section {
	t.Helper()
	for _, s := range d.Sections {
		if s.Key == string(key) {
			return s
		}
	}
	t.Fatalf("section %s absente", key)
	return Section{}
}

func TestSectionsFollowTheGuide(t *testing.T) {
	d := Strategy(sampleSource(), Choice{})
	want := []string{"Contexte et enjeux", "Principes", "Diagnostic", "Valeurs", "Vision", "Mission", "Objectifs",
		"Priorités géographiques et thématiques", "Cadre logique", "Indicateurs", "Chronogramme", "Risques",
		"Ressources et financement", "Dispositif de suivi et d'évaluation", "Annexes"}
	if got := titles(d); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sections : %q", got)
	}
}

func TestSectionsShowTheStrategy(t *testing.T) {
	d := Strategy(sampleSource(), Choice{})
	for key, wants := range map[SectionKey][]string{
		SecContext:    {"Parcours des jeunes : 1 200 lycéens par an", "152 400 habitants"},
		SecPrinciples: {"Réciprocité et horizontalité|Partiellement pris en compte|À renforcer", "Capitalisation|non renseigné"},
		SecDiagnostic: {"Matrice AFOM", "Une université tournée vers l'Afrique", "Département de Kédougou|Sénégal|Coopération décentralisée|Active", "Recentrer"},
		SecObjectives: {"Objectif 1 : Développer la mobilité des jeunes", "Objectif 2 : Renforcer", "Coopération décentralisée (60 %)", "Mobilité des jeunes (poids non renseigné)", "1.1 Un dispositif"},
		SecLogframe:   {"Objectif 1|Développer la mobilité des jeunes|Jeunes partis en mobilité|Registre du guichet|", "Résultat 2.1|Trois forages sont en service|Forages en service||La situation sécuritaire", "Activité 2.1.1|Forer trois puits|Moyens : non renseigné|Coût : non renseigné"},
		SecIndicators: {"Objectif 1|Jeunes partis en mobilité|personnes|35 personnes (2025)|1\u202f200 personnes en 2032|annuelle|Registre du guichet", "Résultat 2.1|Forages en service|forages|non renseigné|non renseigné|non renseigné|non renseigné"},
		SecSchedule:   {"1.1.1|Créer un guichet mobilité|Direction jeunesse|janvier 2027|juin 2027", "12 mars 2027|Vote de la stratégie"},
		SecRisks:      {"R1|Départ de l'élu référent|interne|2 × 3 : modérée|Objectif 1"},
		SecResources:  {"2 Renforcer la coopération avec Kédougou|1|non renseigné|1", "Total|2|" + frfmt.Euros(1_500_000) + "|1", "Une activité n'a pas de coût estimé"},
		SecMonitoring: {"Jeunes partis en mobilité|Direction jeunesse|annuelle|Registre du guichet|oui", "Évaluation à mi-parcours"},
		SecAnnexes:    {"ODD 4 : ", "ODD 11 : ", "Lycée Jean-Moulin"},
		SecPriorities: {"Pays prioritaires", "Département de Kédougou|Sénégal|Coopération depuis 1998", "Balkans occidentaux|non renseigné|Diaspora", "Eau et assainissement|Régie des eaux"},
	} {
		got := text(section(t, d, key))
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("section %s : %q absent de\n%s", key, w, got)
			}
		}
	}
}

func TestEmptyStrategyStillGivesADocumentSayingWhereToFillIn(t *testing.T) {
	src := Source{Authority: model.Authority{Name: "Ville de Tours"}, Strategy: model.Strategy{TermStart: 2026, TermEnd: 2032}, Base: "/ct/tours"}
	d := Strategy(src, Choice{})
	if len(d.Sections) != len(Sections()) {
		t.Fatalf("%d sections sur %d", len(d.Sections), len(Sections()))
	}
	for _, s := range d.Sections {
		if !strings.Contains(text(s), "À compléter dans « ") || !strings.Contains(text(s), "(/ct/tours/") {
			t.Errorf("la section vide %s ne dit pas où la compléter :\n%s", s.Title, text(s))
		}
	}
	var buf bytes.Buffer
	if err := WriteODT(&buf, d, src.Authority.Name, time.Time{}); err != nil {
		t.Fatal(err)
	}
}

func TestChoiceLeavesOutSectionsAndAddsFreeText(t *testing.T) {
	d := Strategy(sampleSource(), Choice{Omit: map[SectionKey]bool{SecPrinciples: true, SecAnnexes: true},
		Text: map[SectionKey]string{SecVision: "Premier paragraphe.\n\nSecond paragraphe."}})
	for _, s := range d.Sections {
		if s.Key == string(SecPrinciples) || s.Key == string(SecAnnexes) {
			t.Errorf("section %s gardée", s.Key)
		}
	}
	v := section(t, d, SecVision)
	if p, ok := v.Blocks[0].(Paragraph); !ok || p.Text != "Premier paragraphe." {
		t.Errorf("le texte libre n'ouvre pas la section : %#v", v.Blocks[0])
	}
	if p, ok := v.Blocks[1].(Paragraph); !ok || p.Text != "Second paragraphe." {
		t.Errorf("second paragraphe : %#v", v.Blocks[1])
	}
}

func TestCoverSaysWhereTheStrategyStands(t *testing.T) {
	src := sampleSource()
	if c := Strategy(src, Choice{}).Cover; !strings.Contains(strings.Join(c.Lines, "\n"), "Projet soumis à la délibération") {
		t.Errorf("couverture d'un projet : %q", c.Lines)
	}
	src.Adoption = &Adoption{Date: "le 12 mars 2027", Body: "conseil communautaire", Number: "2027-015", Hash: "abc123"}
	lines := strings.Join(Strategy(src, Choice{}).Cover.Lines, "\n")
	for _, w := range []string{"Adoptée par le conseil communautaire le 12 mars 2027 (délibération n° 2027-015)", "abc123"} {
		if !strings.Contains(lines, w) {
			t.Errorf("couverture adoptée sans %q : %s", w, lines)
		}
	}
}

// TestStrategyODTOpensInLibreOffice writes the whole document, figures included, and has LibreOffice read
// it: every section's heading and the accents must come back in the PDF's text.
func TestStrategyODTOpensInLibreOffice(t *testing.T) {
	src := sampleSource()
	d := Strategy(src, Choice{Text: map[SectionKey]string{SecContext: "Texte libre : « Œuvrer ensemble », déjà 25 ans."}})
	var buf bytes.Buffer
	if err := WriteODT(&buf, d, src.Authority.Name, src.Generated); err != nil {
		t.Fatal(err)
	}
	pdf := doctest.ConvertToPDF(t, "strategie.odt", buf.Bytes())
	pdfText := doctest.PDFText(t, pdf)
	for _, w := range append(titles(d), "Grand Belval Agglomération", "Œuvrer ensemble", "Jeunes partis en mobilité", "Département de Kédougou") {
		if !strings.Contains(pdfText, w) {
			t.Errorf("le PDF de LibreOffice ne contient pas %q", w)
		}
	}
	// The table of contents gives each section the page LibreOffice laid it out on: every section starts a
	// page, so the numbers grow, and each is the page the heading is on.
	layout := doctest.PDFLayout(t, pdf)
	toc, checked, last := doctest.ContentsPages(layout), 0, 0
	for _, title := range titles(d) {
		page, ok := toc[title]
		if !ok {
			continue // a title too long for one line of the table is checked by the others
		}
		if page <= last {
			t.Errorf("« %s » page %d, après une section page %d", title, page, last)
		}
		if at := doctest.PageOf(layout, title, 2); at != page {
			t.Errorf("la table des matières donne la page %d à « %s », qui est page %d", page, title, at)
		}
		checked, last = checked+1, page
	}
	t.Logf("%d sections sur %d : pages %v", checked, len(titles(d)), toc)
	if checked < len(titles(d))/2 {
		t.Errorf("%d sections sur %d trouvées dans la table des matières : %v", checked, len(titles(d)), toc)
	}
}

// TestStrategyPDFHoldsEverySection writes the PDF and reads its text back with pdftotext: the sections, the
// accents and a table's content must be there.
func TestStrategyPDFHoldsEverySection(t *testing.T) {
	src := sampleSource()
	d := Strategy(src, Choice{Text: map[SectionKey]string{SecVision: "Œuvrer ensemble, à égalité."}})
	var buf bytes.Buffer
	if err := WritePDF(&buf, d, src.Authority.Name, src.Generated); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(doctest.PDFText(t, buf.Bytes())), " ")
	for _, w := range append(titles(d), "Table des matières", "Œuvrer ensemble, à égalité.", "Département de Kédougou", "Jeunes partis en mobilité",
		"Matrice AFOM", "Forces (1)", "Projet soumis à la délibération") {
		if !strings.Contains(text, w) {
			t.Errorf("le PDF ne contient pas %q", w)
		}
	}
}
