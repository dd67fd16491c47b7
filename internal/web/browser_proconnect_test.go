package web

import (
	"strings"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/proconnect/proconnecttest"
	"boussole/internal/store/storetest"
)

// TestBrowserProConnect signs in through a real OpenID provider configured like ProConnect in a real
// browser, lands on the account page, then signs out, which must take the browser to the provider's
// end_session_endpoint with the session's ID token (the pages' form-action policy lets it).
func TestBrowserProConnect(t *testing.T) {
	b := browsertest.New(t)
	app := newTestApp(t, storetest.SQLite(t))
	p := withProConnect(t, app, nil)
	p.SignInAs(camille)
	b.Navigate(app.srv.URL + "/connexion")
	b.CheckPage(t)
	b.Click("S’identifier avec ProConnect")
	if !strings.HasPrefix(b.URL(), p.Issuer) {
		t.Fatalf("not at the provider: %s", b.URL())
	}
	b.Submit("Continuer en tant que " + camille.Email)
	if !strings.HasPrefix(b.Path(), "/compte") || !strings.Contains(b.Text(), "Camille Martin") {
		t.Fatalf("after ProConnect: %s\n%s", b.URL(), b.Text())
	}
	b.CheckPage(t)
	b.Submit("Se déconnecter")
	if !strings.HasPrefix(b.URL(), app.srv.URL+"/connexion") {
		t.Errorf("after the provider's sign-out the browser is at %s", b.URL())
	}
	ended := p.EndedSessions()
	if len(ended) != 1 || proconnecttest.Claims(ended[0])["sub"] != camille.Subject {
		t.Fatalf("the provider's session was not ended (now at %s): %v", b.URL(), ended)
	}
	b.Navigate(app.srv.URL + "/compte")
	if !strings.HasPrefix(b.Path(), "/connexion") {
		t.Errorf("still signed in after sign-out: %s", b.URL())
	}
}
