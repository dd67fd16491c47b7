package web

import (
	"archive/zip"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/doctest"
)

const docsPath = "/ct/" + demo.Slug + "/documents"

// settingsVersion reads the version the choice form carries.
func settingsVersion(t *testing.T, c *client) string {
	t.Helper()
	m := regexp.MustCompile(`name="version" value="([0-9]+)"`).FindStringSubmatch(c.get(docsPath).body)
	if m == nil {
		t.Fatal("formulaire des sections introuvable")
	}
	return m[1]
}

// signedIn returns a client signed in with one of the demo's accounts.
func signedIn(t *testing.T, app *testApp, role string) *client {
	t.Helper()
	c := app.client()
	if res := c.post("/connexion", url.Values{"email": {role + "@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
		t.Fatalf("connexion %s : %d", role, res.status)
	}
	return c
}

func getWith(c *client, path, header, value string) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.app.srv.URL+path, nil)
	req.Header.Set(header, value)
	return c.do(req)
}

// TestDocumentDownloadsOpenAndRevalidate downloads each generated document of the demo: the ODT is a zip
// with the media type first, the PDF's text holds the sections, and a second request with the ETag gets
// 304 until the strategy changes.
func TestDocumentDownloadsOpenAndRevalidate(t *testing.T) {
	app, c := demoApp(t)
	page := c.get(docsPath)
	if page.status != http.StatusOK || !strings.Contains(page.body, "Sections du document stratégique") {
		t.Fatalf("page Documents : %d", page.status)
	}
	for _, p := range []string{"/strategie.odt", "/deliberation.odt", "/une-page.odt"} {
		res := c.get(docsPath + p)
		if res.status != http.StatusOK || res.header.Get("Content-Type") != odtType {
			t.Fatalf("%s : %d %s", p, res.status, res.header.Get("Content-Type"))
		}
		z, err := zip.NewReader(strings.NewReader(res.body), int64(len(res.body)))
		if err != nil || z.File[0].Name != "mimetype" {
			t.Fatalf("%s n'est pas un ODT : %v", p, err)
		}
		if !strings.Contains(res.header.Get("Content-Disposition"), "attachment") {
			t.Errorf("%s : %q", p, res.header.Get("Content-Disposition"))
		}
	}
	for _, p := range []string{"/tableaux.xlsx", "/tableaux.ods"} {
		res := c.get(docsPath + p)
		if res.status != http.StatusOK {
			t.Fatalf("%s : %d", p, res.status)
		}
		if _, err := zip.NewReader(strings.NewReader(res.body), int64(len(res.body))); err != nil {
			t.Errorf("%s illisible : %v", p, err)
		}
	}
	res := c.get(docsPath + "/strategie.pdf")
	if res.status != http.StatusOK || res.header.Get("Content-Type") != pdfType {
		t.Fatalf("PDF : %d", res.status)
	}
	text := strings.Join(strings.Fields(doctest.PDFText(t, []byte(res.body))), " ")
	for _, w := range []string{"Grand Belval Agglomération", "Table des matières", "Contexte et enjeux", "Cadre logique", "Indicateurs"} {
		if !strings.Contains(text, w) {
			t.Errorf("PDF de la démonstration sans %q", w)
		}
	}
	etag := res.header.Get("ETag")
	if etag == "" {
		t.Fatal("pas d'ETag")
	}
	if again := getWith(c, docsPath+"/strategie.pdf", "If-None-Match", etag); again.status != http.StatusNotModified || again.body != "" {
		t.Errorf("même version : %d, %d octets", again.status, len(again.body))
	}
	// A change of the strategy makes a new version.
	save := c.post(docsPath+"/reglages", url.Values{"version": {settingsVersion(t, c)}, "garder": {"vision", "mission"}, "texte_vision": {"Texte libre de la vision"}})
	if save.status != http.StatusSeeOther {
		t.Fatalf("réglages : %d\n%s", save.status, summaryText(save.body))
	}
	if again := getWith(c, docsPath+"/strategie.pdf", "If-None-Match", etag); again.status != http.StatusOK {
		t.Errorf("après modification : %d", again.status)
	} else if text := strings.Join(strings.Fields(doctest.PDFText(t, []byte(again.body))), " "); !strings.Contains(text, "Texte libre de la vision") || strings.Contains(text, "Cadre logique") {
		t.Error("le PDF ne suit pas le choix des sections")
	}
	_ = app
}

// TestAdoptionFreezesTheVersion records a vote, changes the strategy afterwards, and downloads the adopted
// version: the same bytes as at the vote, with its hash, while the current document moves on.
func TestAdoptionFreezesTheVersion(t *testing.T) {
	app, c := demoApp(t)
	res := c.post(docsPath+"/adoptions", url.Values{"adopted_on": {"03/2024"}, "body": {"conseil communautaire"}, "number": {"2024-03-015"}, "result": {"adoptée à l'unanimité"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("adoption : %d\n%s", res.status, summaryText(res.body))
	}
	page := c.get(docsPath)
	i := strings.Index(page.body, docsPath+"/adoptions/")
	if i < 0 {
		t.Fatal("aucune version adoptée listée")
	}
	link := page.body[i : i+strings.Index(page.body[i:], `"`)]
	frozen := c.get(link)
	if frozen.status != http.StatusOK {
		t.Fatalf("%s : %d", link, frozen.status)
	}
	if !strings.Contains(page.body, "2024-03-015") || !strings.Contains(page.body, "mars 2024") {
		t.Error("le vote n'est pas montré")
	}
	pdfLink := strings.Replace(link, ".odt", ".pdf", 1)
	pdf := c.get(pdfLink)
	text := strings.Join(strings.Fields(doctest.PDFText(t, []byte(pdf.body))), " ")
	if !strings.Contains(text, "Adoptée par le conseil communautaire en mars 2024 (délibération n° 2024-03-015)") {
		t.Errorf("la version adoptée ne dit pas son vote :\n%.400s", text)
	}
	// Later edits: the frozen files do not move, the page says what changed.
	if save := c.post(docsPath+"/reglages", url.Values{"version": {settingsVersion(t, c)}, "garder": {"vision"}, "texte_vision": {"Après le vote"}}); save.status != http.StatusSeeOther {
		t.Fatalf("réglages : %d", save.status)
	}
	if again := c.get(link); again.body != frozen.body {
		t.Error("la version adoptée a changé après une modification")
	}
	if page := c.get(docsPath); !strings.Contains(page.body, "Ce qui a changé depuis la dernière version adoptée") || !strings.Contains(page.body, "retirée") {
		t.Error("la comparaison avec la version adoptée manque")
	}
	// A refused vote keeps what was typed, with the message at its field.
	bad := c.post(docsPath+"/adoptions", url.Values{"adopted_on": {"03/2099"}, "body": {"sénat"}, "number": {"N° 7"}, "result": {""}})
	if bad.status != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "ne peut pas être à venir") || !strings.Contains(bad.body, `value="N° 7"`) {
		t.Errorf("vote refusé : %d\n%s", bad.status, summaryText(bad.body))
	}
	_ = app
}

func TestDocumentsByRole(t *testing.T) {
	app, _ := demoApp(t)
	partner := signedIn(t, app, "partenaire")
	if res := partner.get(docsPath); res.status != http.StatusOK || strings.Contains(res.body, "strategie.odt") || !strings.Contains(res.body, "/une-page") {
		t.Errorf("partenaire sur Documents : %d", res.status)
	}
	if res := partner.get(docsPath + "/strategie.odt"); res.status != http.StatusForbidden {
		t.Errorf("partenaire, document : %d", res.status)
	}
	if res := partner.get(docsPath + "/une-page"); res.status != http.StatusOK || !strings.Contains(res.body, "La stratégie en une page") {
		t.Errorf("partenaire, une page : %d", res.status)
	}
	elu := signedIn(t, app, "elu")
	page := elu.get(docsPath)
	if page.status != http.StatusOK || strings.Contains(page.body, `action="`+docsPath+`/reglages`) || strings.Contains(page.body, `action="`+docsPath+`/adoptions`) {
		t.Errorf("élu : %d, formulaires montrés", page.status)
	}
	if res := elu.post(docsPath+"/adoptions", url.Values{"adopted_on": {"03/2024"}, "body": {"conseil communautaire"}, "result": {"adoptée"}}); res.status != http.StatusForbidden {
		t.Errorf("élu enregistrant un vote : %d", res.status)
	}
}
