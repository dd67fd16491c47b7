package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/store/storetest"
)

// TestBrowserFunding creates a project in a real browser, adds a FICOL line below the programme's minimum,
// reads the French finding beside the line, fixes the amount and sees the finding go; every funding page
// is checked with axe-core and the HTML checker on the way.
func TestBrowserFunding(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	app := newTestApp(t, st)
	a := app.workspace("Ville Alpha")
	planFixture(t, st, a, "Mission d'identification")
	shots := os.Getenv("BOUSSOLE_SCREENSHOTS")
	check := func(name string) {
		t.Helper()
		b.CheckPage(t)
		if shots != "" {
			b.Screenshot(filepath.Join(shots, "financements-"+name+".png"))
		}
	}
	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "agent@ville-alpha.test")
	b.Fill("Mot de passe", testPassword)
	b.Submit("Se connecter")
	base := app.srv.URL + "/ct/" + a.Slug + "/financements"
	b.Navigate(base)
	if !strings.Contains(b.Text(), "Aucun projet pour l'instant") {
		t.Fatalf("empty list: %s", b.Text())
	}
	check("vide")
	b.Click("Ajouter un projet")
	b.Fill("Intitulé", "Eau potable à Kindia")
	b.Fill("Pays", "Guinée")
	b.Fill("Début", "01/2027")
	b.Fill("Fin", "12/2026")
	b.Fill("Coût total (€)", "600 000")
	b.Submit("Enregistrer le projet")
	if !strings.Contains(b.Text(), "précède son début") || b.Value("Intitulé") != "Eau potable à Kindia" {
		t.Fatalf("an end before the start accepted, or the title lost: %s", b.Text())
	}
	check("projet-erreur")
	b.Fill("Fin", "12/2028")
	b.Submit("Enregistrer le projet")
	if !strings.Contains(b.Text(), "Le plan de financement est vide") {
		t.Fatalf("project not saved: %s", b.Text())
	}
	b.Fill("Source", "Programme du catalogue")
	b.Fill("Programme du catalogue", "ficol")
	b.Fill("Montant (€)", "150 000")
	b.Fill("Statut du financement", "Déposé")
	b.Fill("Année", "2027")
	b.Submit("Ajouter la ligne")
	text := b.Text()
	if !strings.Contains(text, "accorde au moins 200") || !strings.Contains(text, "Source : Guide") {
		t.Fatalf("no French finding on the FICOL line: %s", text)
	}
	check("plan")
	b.Click("AFD — FICOL (Facilité de financement des collectivités territoriales)")
	check("ligne")
	b.Fill("Montant (€)", "420 000")
	b.Submit("Enregistrer la ligne")
	if text := b.Text(); strings.Contains(text, "accorde au moins 200") || !strings.Contains(text, "420") {
		t.Fatalf("the finding stayed after the fix: %s", text)
	}
	// The own share is now missing (30 % at least from the authority and its partners): said, with its source.
	if !strings.Contains(b.Text(), "au moins 30 %") {
		t.Errorf("no own share finding: %s", b.Text())
	}
	b.Click("Trouver des financements pour ce projet")
	check("recherche")
	for _, page := range []string{"/portefeuille", "/annees", "/organisation", "/reseaux", "/catalogue", "/catalogue/ficol"} {
		b.Navigate(base + page)
		check(strings.ReplaceAll(strings.Trim(page, "/"), "/", "-"))
	}
}
