package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/store/storetest"
)

// TestBrowserFoundation signs up as a new authority in a real browser, creates the strategy, walks every page
// of the shell, signs out and in again, and checks each page with axe-core and the HTML checker; it also
// checks the layout holds on a phone-sized screen.
func TestBrowserFoundation(t *testing.T) {
	b := browsertest.New(t)
	app := newTestApp(t, storetest.SQLite(t))
	shots := os.Getenv("BOUSSOLE_SCREENSHOTS")
	visit := func(path, name string) {
		t.Helper()
		b.Navigate(app.srv.URL + path)
		if want := 200; b.Status() != want && name != "introuvable" {
			t.Errorf("%s: status %d", path, b.Status())
		}
		b.CheckPage(t)
		if shots != "" {
			b.Screenshot(filepath.Join(shots, name+".png"))
		}
	}

	visit("/", "accueil-public")
	visit("/accessibilite", "accessibilite")
	b.Navigate(app.srv.URL + "/inscription")
	b.CheckPage(t)
	b.Fill("Nom, code postal, code INSEE ou SIREN", "angoulême")
	b.Submit("Rechercher")
	b.CheckPage(t)
	b.Click("Angoulême")
	b.CheckPage(t)
	b.Fill("Prénom et nom", "Léa Martin")
	b.Fill("Adresse électronique professionnelle", "lea.martin@angouleme.fr")
	b.Fill("Mot de passe", "court")
	b.Submit("Ouvrir l'espace")
	if !strings.Contains(b.Text(), "au moins 10 caractères") {
		t.Fatalf("short password not refused at the field: %s", b.Text())
	}
	b.CheckPage(t)
	if got := b.Value("Prénom et nom"); got != "Léa Martin" {
		t.Errorf("typed name lost: %q", got)
	}
	b.Fill("Mot de passe", "une phrase assez longue")
	b.Submit("Ouvrir l'espace")
	if !strings.HasPrefix(b.Path(), "/ct/angouleme/") {
		t.Fatalf("after sign-up: %s", b.URL())
	}
	b.CheckPage(t)
	b.Click("Créer la stratégie de la mandature")
	b.CheckPage(t)
	b.Submit("Créer la stratégie")
	if !strings.Contains(b.Text(), "Suivi de la démarche") {
		t.Fatalf("tracker not shown: %s", b.Text())
	}
	b.CheckPage(t)
	if shots != "" {
		b.Screenshot(filepath.Join(shots, "suivi.png"))
	}
	trackerPath, _, _ := strings.Cut(b.Path(), "?")
	b.Click("Diagnostic")
	b.CheckPage(t)
	b.Navigate(app.srv.URL + trackerPath + "/etapes/diagnostic")
	b.CheckPage(t)
	b.Fill("Pilote", "Léa Martin")
	b.Submit("Enregistrer")
	if !strings.Contains(b.Text(), "Les modifications ont été enregistrées") {
		t.Errorf("step not saved: %s", b.Text())
	}
	for _, sec := range sections {
		visit("/ct/angouleme/"+sec.Slug, "section-"+sec.Slug)
	}
	for _, p := range []string{"/ct/angouleme/strategies", "/ct/angouleme/membres", "/ct/angouleme/accompagnement", "/ct/angouleme/journal", "/ct/angouleme/archive"} {
		visit(p, strings.ReplaceAll(strings.TrimPrefix(p, "/ct/angouleme/"), "/", "-"))
	}

	b.SetViewport(375, 812)
	visit("/ct/angouleme/", "telephone")
	if b.ScrollsHorizontally() {
		t.Error("the home page scrolls sideways on a phone")
	}
	b.SetViewport(1280, 900)

	b.Navigate(app.srv.URL + "/ct/angouleme/")
	b.Submit("Se déconnecter")
	if b.Path() != "/connexion" {
		t.Fatalf("after sign-out: %s", b.URL())
	}
	b.CheckPage(t)
	b.Fill("Adresse électronique", "lea.martin@angouleme.fr")
	b.Fill("Mot de passe", "une phrase assez longue")
	b.Submit("Se connecter")
	if !strings.HasPrefix(b.Path(), "/ct/angouleme/") {
		t.Errorf("after sign-in: %s", b.URL())
	}
	visit("/page-qui-n-existe-pas", "introuvable")
}
