package document

import (
	"bytes"
	"strings"
	"testing"

	"boussole/internal/doctest"
)

func allText(d Doc) string {
	var b strings.Builder
	b.WriteString(d.Cover.Title + "\n" + d.Cover.Subtitle + "\n" + strings.Join(d.Cover.Lines, "\n") + "\n")
	for _, s := range d.Sections {
		b.WriteString(s.Title + "\n" + text(s))
	}
	return b.String()
}

func TestDeliberationHasVisasConsiderantsAndArticles(t *testing.T) {
	d := Deliberation(sampleSource())
	got := allText(d)
	for _, w := range []string{
		"Conseil communautaire — séance du [date de la séance]",
		"Vu le code général des collectivités territoriales, et notamment ses articles L.1115-1 et suivants",
		"Considérant que Grand Belval Agglomération entretient 1 partenariat international, dont 1 actif(s), le plus ancien depuis 1998",
		"Considérant que la stratégie poursuit l'objectif général « Faire de l'ouverture internationale un levier de développement », décliné en 2 objectifs spécifiques",
		"Considérant les priorités géographiques retenues : Département de Kédougou, Balkans occidentaux",
		"estimé à au moins 15",
		"Article 1 : Approuve la stratégie d'action internationale 2026–2032 pour la période 2026–2032",
		"Article 2 : Autorise le Président à signer les conventions",
		"Article 3 : Autorise le Président à solliciter les cofinancements",
		"Article 4 : Dit que les dépenses correspondantes seront imputées au budget [chapitre et article]",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("délibération sans %q :\n%s", w, got)
		}
	}
	src := sampleSource()
	src.Authority.Kind = "commune"
	if got := allText(Deliberation(src)); !strings.Contains(got, "Conseil municipal") || !strings.Contains(got, "Autorise le Maire") {
		t.Errorf("délibération d'une commune :\n%s", got)
	}
}

func TestOnePageHoldsTheEssentials(t *testing.T) {
	got := allText(OnePage(sampleSource()))
	for _, w := range []string{"Un territoire ouvert sur le monde", "1 Développer la mobilité des jeunes — Un dispositif d'accompagnement des départs existe",
		"Priorités : Département de Kédougou, Balkans occidentaux, Eau et assainissement", "Partenariats actifs|1", "Budget estimé des activités|au moins 15",
		"12 mars 2027 : Vote de la stratégie", "Projet soumis à la délibération"} {
		if !strings.Contains(got, w) {
			t.Errorf("une page sans %q :\n%s", w, got)
		}
	}
	if strings.Contains(got, "Évaluation à mi-parcours") && strings.Index(got, "Évaluation") < strings.Index(got, "12 mars 2027") {
		t.Error("échéances dans le désordre")
	}
}

// TestDeliverablesOpenInLibreOffice converts the deliberation and the one-page summary; the summary of an
// ordinary strategy fits on one A4 page.
func TestDeliverablesOpenInLibreOffice(t *testing.T) {
	src := sampleSource()
	for name, d := range map[string]Doc{"deliberation.odt": Deliberation(src), "une-page.odt": OnePage(src)} {
		var buf bytes.Buffer
		if err := WriteODT(&buf, d, src.Authority.Name, src.Generated); err != nil {
			t.Fatal(err)
		}
		pdf := doctest.ConvertToPDF(t, name, buf.Bytes())
		text := doctest.PDFText(t, pdf)
		for _, w := range []string{d.Cover.Title, "Grand Belval Agglomération"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s : %q absent du PDF", name, w)
			}
		}
		if name == "une-page.odt" {
			if n := doctest.PDFPages(t, pdf); n != 1 {
				t.Errorf("la stratégie en une page tient sur %d pages", n)
			}
		}
		if name == "deliberation.odt" && !strings.Contains(text, "L.1115-1") {
			t.Error("la délibération convertie perd ses visas")
		}
	}
}

func TestWorkbookHasTheOfficersTables(t *testing.T) {
	sheets := Workbook(sampleSource())
	var names []string
	byName := map[string][][]string{}
	for _, s := range sheets {
		names = append(names, s.Name)
		byName[s.Name] = append([][]string{s.Header}, s.Rows...)
	}
	if strings.Join(names, "|") != "Cadre logique|Indicateurs|Risques|Parties prenantes|Partenariats|Chronogramme" {
		t.Fatalf("feuilles : %q", names)
	}
	flat := func(name string) string {
		var b strings.Builder
		for _, r := range byName[name] {
			b.WriteString(strings.Join(r, "|") + "\n")
		}
		return b.String()
	}
	for name, w := range map[string]string{
		"Indicateurs":       "Objectif 1|Jeunes partis en mobilité||unité|personnes|à la baisse|35 personnes (2025)|1\u202f200 personnes en 2032|annuelle|Registre du guichet|Direction jeunesse||oui|",
		"Risques":           "R1|Départ de l'élu référent|interne|2 × 3 : modérée|Objectif 1|Associer deux élus|non renseigné",
		"Parties prenantes": "Lycée Jean-Moulin|",
		"Cadre logique":     "Activité 1.1.1|Créer un guichet mobilité|",
		"Chronogramme":      "1.1.1|Créer un guichet mobilité|Direction jeunesse|janvier 2027|juin 2027",
	} {
		if !strings.Contains(flat(name), w) {
			t.Errorf("feuille %s sans %q :\n%s", name, w, flat(name))
		}
	}
	empty := Workbook(Source{Base: "/ct/x"})
	if got := empty[2].Rows[0][0]; !strings.Contains(got, "Le registre des risques est vide") {
		t.Errorf("feuille vide : %q", got)
	}
}
