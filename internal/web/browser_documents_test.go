package web

import (
	"context"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/demo"
	"boussole/internal/store/storetest"
)

// TestBrowserDocumentsOnAPhone opens the documents page as the officer and « la stratégie en une page » as
// the élu on a 375-pixel-wide screen: neither scrolls sideways, and both pass axe.
func TestBrowserDocumentsOnAPhone(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	app := newTestApp(t, st)
	for _, c := range []struct{ who, page string }{{"agent", "/documents"}, {"elu", "/documents/une-page"}, {"partenaire", "/documents"}} {
		b.Navigate(app.srv.URL + "/connexion")
		b.Fill("Adresse électronique", c.who+"@demo.boussole.test")
		b.Fill("Mot de passe", demo.Password)
		b.Submit("Se connecter")
		b.SetViewport(375, 812)
		b.Navigate(app.srv.URL + "/ct/" + demo.Slug + c.page)
		if b.Status() != 200 {
			t.Errorf("%s %s : %d", c.who, c.page, b.Status())
		}
		if b.ScrollsHorizontally() {
			t.Errorf("%s %s défile de côté sur un téléphone", c.who, c.page)
		}
		b.CheckAccessibility(t)
		b.Navigate(app.srv.URL + "/ct/" + demo.Slug + "/")
		b.Submit("Se déconnecter")
	}
}
