package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"boussole/internal/browsertest"
	"boussole/internal/store/storetest"
)

// TestBrowserStakeholders creates stakeholders in a real browser, refuses a score out of range at its
// field, sees them on the grid and the other figures, relates two of them, imports a CSV saved by Excel in
// Windows-1252, and checks every page with axe-core and the HTML checker.
func TestBrowserStakeholders(t *testing.T) {
	b := browsertest.New(t)
	app := newTestApp(t, storetest.SQLite(t))
	a := app.workspace("Ville Alpha")
	p := app.srv.URL + "/ct/" + a.Slug + "/acteurs"

	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "agent@ville-alpha.test")
	b.Fill("Mot de passe", testPassword)
	b.Submit("Se connecter")

	b.Navigate(p)
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "Aucun acteur pour l'instant") {
		t.Errorf("empty state missing: %s", b.Text())
	}
	b.Click("Ajouter un acteur")
	b.CheckPage(t)
	b.Fill("Nom", "Conseil régional")
	b.Fill("Type d'acteur", "Service de l'État")
	b.Fill("Pouvoir coercitif", "5")
	b.Fill("Intérêt : objet de l'action", "3")
	b.Submit("Enregistrer")
	if !strings.Contains(b.Text(), "hors de l'échelle : 5") {
		t.Fatalf("score out of range not refused: %s", b.Text())
	}
	b.CheckPage(t)
	if got := b.Value("Nom"); got != "Conseil régional" {
		t.Errorf("typed name lost: %q", got)
	}
	b.Fill("Pouvoir coercitif", "3")
	b.Fill("Légitimité : bien public", "2")
	b.Fill("Niveau d'engagement", "Co-décider")
	b.SetChecked("Diagnostic", true)
	b.Submit("Enregistrer")
	if !strings.Contains(b.Text(), "Saillance : définitive") || !strings.Contains(b.Text(), "Quadrant : Gérer de près") {
		t.Fatalf("stakeholder page: %s", b.Text())
	}
	b.CheckPage(t)

	b.Navigate(p + "/nouveau")
	b.Fill("Nom", "Radio Belval FM")
	b.Fill("Type d'acteur", "Média")
	b.Fill("Intérêt : type d'action", "2")
	b.Submit("Enregistrer")
	b.CheckPage(t)
	b.Fill("Autre acteur", "Conseil régional (Service de l'État)")
	b.Fill("Relation", "influence")
	b.Submit("Ajouter la relation")
	if !strings.Contains(b.Text(), "Radio Belval FM influence Conseil régional") {
		t.Errorf("relation not shown: %s", b.Text())
	}
	b.CheckPage(t)

	b.Navigate(p + "/grille")
	b.CheckPage(t)
	for _, want := range []string{"Conseil régional", "Radio Belval FM", "Gérer de près", "Informer"} {
		if !strings.Contains(b.Text(), want) {
			t.Errorf("grid lacks %q", want)
		}
	}
	for _, view := range []string{"/saillance", "/reseau", "/engagement", "?type=media", ""} {
		b.Navigate(p + view)
		b.CheckPage(t)
	}

	file := filepath.Join(t.TempDir(), "acteurs-excel.csv")
	if err := os.WriteFile(file, win1252(t, "Nom;Type;Pays;Pouvoir utilitaire;Bien public;Intérêt objet\r\n"+
		"Collectivité de Ségou;collectivité partenaire;Mali;1;3;3\r\nUniversité d'Été;université;France;2;2;1\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	b.Navigate(p + "/import")
	b.CheckPage(t)
	ctx, cancel := context.WithTimeout(b.Context(), 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("f-file"), []string{file})); err != nil {
		t.Fatal(err)
	}
	b.Submit("Voir l'aperçu")
	if text := b.Text(); !strings.Contains(text, "Windows-1252") || !strings.Contains(text, "Collectivité de Ségou") {
		t.Fatalf("preview: %s", text)
	}
	b.CheckPage(t)
	b.Submit("Confirmer l'import")
	if text := b.Text(); !strings.Contains(text, "L'import est enregistré") || !strings.Contains(text, "Université d'Été") {
		t.Fatalf("after import: %s", text)
	}
	b.CheckPage(t)

	b.Navigate(p + "/grille")
	if !strings.Contains(b.Text(), "Collectivité de Ségou") {
		t.Error("imported stakeholder not on the grid")
	}
	b.Click("Conseil régional")
	b.Click("Supprimer")
	if !strings.Contains(b.Text(), "1 relation(s) disparaîtront") {
		t.Errorf("deletion page: %s", b.Text())
	}
	b.CheckPage(t)
}
