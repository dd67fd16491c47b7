package web

import (
	"context"
	"strings"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/demo"
	"boussole/internal/sharing"
	"boussole/internal/store/storetest"
)

// TestBrowserSharing shares the demo's adopted strategy in a real browser, refuses a share with nothing
// ticked, then reads the library, a peer's strategy, the copy form and the atlas as another authority,
// checking every page with axe-core and the HTML checker.
func TestBrowserSharing(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	app := newTestApp(t, st)
	signIn := func(email string) {
		b.Navigate(app.srv.URL + "/connexion")
		b.Fill("Adresse électronique", email)
		b.Fill("Mot de passe", demo.Password)
		b.Submit("Se connecter")
	}
	signIn("admin@demo.boussole.test")
	b.Navigate(app.srv.URL + "/ct/" + demo.Slug + "/partage")
	b.CheckPage(t)
	b.SetChecked(sharing.Structure.Label(), false)
	b.SetChecked("Les partenariats (partenaire, pays, nature, thèmes, dates)", false)
	b.Submit("Partager")
	if !strings.Contains(b.Text(), "Cochez au moins ce que vous partagez") {
		t.Fatalf("a share of nothing was not refused: %s", b.Text())
	}
	b.CheckPage(t)
	b.SetChecked("Les partenariats (partenaire, pays, nature, thèmes, dates)", true)
	b.Submit("Partager")
	if !strings.Contains(b.Text(), "Le partage est enregistré") {
		t.Fatalf("not shared: %s", b.Text())
	}
	b.CheckPage(t)

	signIn("pair1@demo.boussole.test")
	peer := app.srv.URL + "/ct/saint-aubin-sur-loire"
	b.Navigate(peer + "/bibliotheque")
	b.CheckPage(t)
	b.Fill("Pays partenaire (code ISO)", "SN")
	b.Submit("Filtrer")
	if !strings.Contains(b.Text(), "Grand Belval") {
		t.Fatalf("the demo's share is not found by country: %s", b.Text())
	}
	b.CheckPage(t)
	b.Click("Stratégie internationale 2021–2026") // a peer with its structure shared
	b.CheckPage(t)
	b.Navigate(peer + "/atlas?pays=SN")
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "Commune de Ziguinchor") {
		t.Fatalf("the atlas lacks the demo's partner in Senegal: %s", b.Text())
	}
}
