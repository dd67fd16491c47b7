package web

import (
	"context"
	"strings"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/demo"
	"boussole/internal/store/storetest"
)

// TestBrowserDemoOnAPhone opens the main pages of the demo as an elected official on a 375-pixel-wide
// screen: none may scroll sideways (wide tables scroll inside their own frame), and each page's own
// content starts on the first screen, the menu folded into one « Menu » line above it.
func TestBrowserDemoOnAPhone(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	app := newTestApp(t, st)
	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "elu@demo.boussole.test")
	b.Fill("Mot de passe", demo.Password)
	b.Submit("Se connecter")
	const width, height = 375, 812
	b.SetViewport(width, height)
	for _, p := range []string{"/", "/sensibilisation", "/diagnostic", "/diagnostic/afom", "/diagnostic/partenariats",
		"/diagnostic/partenariats/carte", "/acteurs", "/acteurs/grille", "/strategie", "/strategie/odd", "/cadre-logique",
		"/cadre-logique/verification", "/cadre-logique/risques", "/cadre-logique/indicateurs", "/planification",
		"/planification/feuille-de-route", "/membres", "/suivi-evaluation/synthese", "/suivi-evaluation/tableaux"} {
		b.Navigate(app.srv.URL + "/ct/" + demo.Slug + p)
		if b.Status() != 200 {
			t.Errorf("%s: status %d", p, b.Status())
		}
		if b.ScrollsHorizontally() {
			t.Errorf("%s scrolls sideways on a phone", p)
		}
		// The page's heading, and a few lines below it, fit on the first screen (the strategy's name and
		// selector stand above it on the strategy's pages).
		if top := b.Top("main h1"); top < 0 || top > height-240 {
			t.Errorf("%s: the page's heading starts %.0f px down a %d px screen", p, top, height)
		}
		if menu := b.Top("nav.method-phone summary"); menu < 0 || menu > b.Top("main") {
			t.Errorf("%s: the « Menu » line is at %.0f px, not above the content", p, menu)
		}
	}
	// The summary of progress for élus, the dashboards by axis and the preparation of the next strategy pass axe.
	for _, p := range []string{"/suivi-evaluation/synthese", "/suivi-evaluation/tableaux", "/suivi-evaluation/strategie-suivante"} {
		b.Navigate(app.srv.URL + "/ct/" + demo.Slug + p)
		b.CheckAccessibility(t)
	}
	// The folded menu opens with the keyboard and passes axe, closed and open.
	b.Navigate(app.srv.URL + "/ct/" + demo.Slug + "/")
	b.CheckAccessibility(t)
	b.Toggle("nav.method-phone summary")
	if b.Top("nav.method-phone a[href$='/diagnostic']") <= b.Top("nav.method-phone summary") {
		t.Error("the opened menu does not show its links below « Menu »")
	}
	b.CheckAccessibility(t)
}

// TestBrowserPartnershipRegisterOnAPhone opens the demo's register as the officer, who also sees the
// actions column, on a 375-pixel-wide screen: neither the page nor the table's own frame scrolls sideways,
// and every row still says what each value is.
func TestBrowserPartnershipRegisterOnAPhone(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	app := newTestApp(t, st)
	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "agent@demo.boussole.test")
	b.Fill("Mot de passe", demo.Password)
	b.Submit("Se connecter")
	b.SetViewport(375, 812)
	b.Navigate(app.srv.URL + "/ct/" + demo.Slug + "/diagnostic/partenariats")
	if b.Status() != 200 {
		t.Fatalf("status %d", b.Status())
	}
	b.CheckPage(t)
	if b.ScrollsHorizontally() {
		t.Error("the register scrolls sideways on a phone")
	}
	if b.FramesScrollHorizontally(".table-wrap") {
		t.Error("the register's table scrolls sideways inside its frame on a phone")
	}
	for _, want := range []string{"Eurodistrict Belval–Talheim–Bâle", "France, Allemagne, Suisse", "Cités Unies France", "sans pays", "Modifier"} {
		if !strings.Contains(b.Text(), want) {
			t.Errorf("the register on a phone lacks %q", want)
		}
	}
	// The priority form opened from a register row, then the partnership form with its country selects.
	b.Click("Priorité géographique")
	if !strings.HasPrefix(b.Path(), "/ct/"+demo.Slug+"/strategie") || b.Value("partenariat") == "" {
		t.Errorf("the register's link opened %s with partner %q", b.Path(), b.Value("partenariat"))
	}
	b.CheckPage(t)
	b.Navigate(app.srv.URL + "/ct/" + demo.Slug + "/diagnostic/partenariats/nouveau")
	b.CheckPage(t)
	if b.ScrollsHorizontally() {
		t.Error("the partnership form scrolls sideways on a phone")
	}
}
