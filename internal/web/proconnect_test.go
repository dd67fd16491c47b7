package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"boussole/internal/mail/mailtest"
	"boussole/internal/model"
	"boussole/internal/proconnect"
	"boussole/internal/proconnect/proconnecttest"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// withProConnect starts a provider configured like ProConnect that knows the application, and points
// the application at it; now, when set, is the clock the application checks tokens against.
func withProConnect(t *testing.T, a *testApp, now func() time.Time) *proconnecttest.Provider {
	t.Helper()
	p := proconnecttest.Start(t, "boussole-test", "secret-du-service-boussole", a.srv.URL+proConnectCallback, a.srv.URL+"/connexion")
	a.app.cfg.OIDCIssuer, a.app.cfg.OIDCClientID, a.app.cfg.OIDCClientSecret = p.Issuer, p.ClientID, p.ClientSecret
	a.app.proconnect = proconnect.New(proconnect.Config{Issuer: p.Issuer, ClientID: p.ClientID, ClientSecret: p.ClientSecret,
		RedirectURL: a.srv.URL + proConnectCallback, Now: now})
	a.app.csp = policyFor(a.app.cfg)
	a.app.buildHandler()
	return p
}

// viaProConnect starts a sign-in from the sign-in page's button, goes through the provider and returns
// the application's answer to the provider's redirect.
func (c *client) viaProConnect(p *proconnecttest.Provider) response {
	c.t.Helper()
	start := c.get(proConnectStart)
	if start.status != http.StatusSeeOther || !strings.HasPrefix(start.location, p.Issuer) {
		c.t.Fatalf("start: %d %s\n%s", start.status, start.location, start.body)
	}
	back := p.Authorize(c.t, start.location)
	return c.get(back.RequestURI())
}

// signedInAs returns the email of the client's account, or "" when it has no session.
func (c *client) signedInAs() string {
	c.t.Helper()
	res := c.get("/compte")
	if res.status != http.StatusOK {
		return ""
	}
	if m := accountEmailPattern.FindStringSubmatch(res.body); m != nil {
		return html.UnescapeString(m[1])
	}
	return "?"
}

// accountEmailPattern finds the address on the account page, whatever the white space between its tags.
var accountEmailPattern = regexp.MustCompile(`<dt>Adresse électronique</dt>\s*<dd>([^<]*)</dd>`)

var camille = proconnecttest.User{Subject: "5f3c-camille", IdpID: "fia1v2", Email: "camille.martin@angouleme.fr",
	GivenName: "Camille", UsualName: "Martin", SIRET: "21160015000012"}

func TestProConnectFirstSignInCreatesAccountAndProposesTheWorkspace(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newTestApp(t, st)
		p := withProConnect(t, a, nil)
		p.SignInAs(camille)
		au := model.Authority{Kind: "commune", OfficialID: "commune:16015", Name: "Angoulême", Slug: "angouleme"}
		admin := model.User{Email: "admin@angouleme.test", Name: "Admin Angoulême", PasswordHash: testPasswordHash}
		if err := st.SignUp(ctx, &au, &admin); err != nil {
			t.Fatal(err)
		}

		c := a.client()
		c.get("/connexion").mustContain(t, "S’identifier avec ProConnect")
		res := c.viaProConnect(p)
		if res.status != http.StatusSeeOther || res.location != "/compte?ok=proconnect" {
			t.Fatalf("first sign-in: %d %s\n%s", res.status, res.location, res.body)
		}
		account := c.get("/compte")
		account.mustContain(t, "Camille Martin", camille.Email, "Votre organisation d'après ProConnect", "Angoulême", "Demander l'accès à son espace")
		if got := c.post("/compte/demande-acces", url.Values{"collectivite": {"commune:16015"}}); got.status != http.StatusSeeOther {
			t.Fatalf("access request: %d\n%s", got.status, got.body)
		}
		reqs, err := st.AccessRequests(ctx, au.ID)
		if err != nil || len(reqs) != 1 || reqs[0].Email != camille.Email {
			t.Fatalf("access requests: %+v, %v", reqs, err)
		}
		if got := c.post("/compte/demande-acces", url.Values{"collectivite": {"commune:69123"}}); got.status != http.StatusNotFound {
			t.Errorf("request for an authority ProConnect did not propose: %d", got.status)
		}

		// The second sign-in opens the same account, even when the provider now gives another email.
		again := a.client()
		p.SignInAs(proconnecttest.User{Subject: camille.Subject, IdpID: camille.IdpID, Email: "c.martin@angouleme.fr", GivenName: "Camille", UsualName: "Martin"})
		if res := again.viaProConnect(p); res.status != http.StatusSeeOther {
			t.Fatalf("second sign-in: %d\n%s", res.status, res.body)
		}
		if got := again.signedInAs(); got != camille.Email {
			t.Errorf("second sign-in opened %q", got)
		}
		// The same subject under another identity provider is another person.
		p.SignInAs(proconnecttest.User{Subject: camille.Subject, IdpID: "autre-fi", Email: "homonyme@ailleurs.fr"})
		other := a.client()
		other.viaProConnect(p)
		if got := other.signedInAs(); got != "homonyme@ailleurs.fr" {
			t.Errorf("other identity provider opened %q", got)
		}
	})
}

func TestProConnectNeverTiesAnExistingAccountSilently(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		smtp := mailtest.Start(t)
		a := newTestAppWith(t, st, testSetup{smtpURL: smtp.URL()})
		p := withProConnect(t, a, nil)
		a.workspace("Ville Delta")
		agent := proconnecttest.User{Subject: "sub-agent-delta", IdpID: "fi-delta", Email: "agent@ville-delta.test", GivenName: "Agent", UsualName: "Delta"}
		p.SignInAs(agent)

		c := a.client()
		res := c.viaProConnect(p)
		if res.status != http.StatusOK {
			t.Fatalf("link page: %d %s", res.status, res.location)
		}
		res.mustContain(t, "Relier votre compte ProConnect", "agent@ville-delta.test", "Recevoir un lien par courriel")
		if got := c.signedInAs(); got != "" {
			t.Fatalf("signed in as %q before proving the account", got)
		}
		token := hiddenValue(t, res.body, "lien")
		wrong := c.post("/connexion/proconnect/liaison", url.Values{"lien": {token}, "password": {"pas le bon mot de passe"}})
		if wrong.status != http.StatusUnauthorized || strings.Contains(wrong.body, "pas le bon mot de passe") {
			t.Fatalf("wrong password: %d", wrong.status)
		}
		wrong.mustContain(t, "Ce mot de passe n'est pas celui du compte")
		if got := c.signedInAs(); got != "" {
			t.Fatalf("signed in as %q after a wrong password", got)
		}
		ok := c.post("/connexion/proconnect/liaison", url.Values{"lien": {token}, "password": {testPassword}})
		if ok.status != http.StatusSeeOther || c.signedInAs() != agent.Email {
			t.Fatalf("right password: %d %s", ok.status, ok.location)
		}
		if again := c.post("/connexion/proconnect/liaison", url.Values{"lien": {token}, "password": {testPassword}}); again.status != http.StatusGone {
			t.Errorf("the link served twice: %d", again.status)
		}
		// From now on ProConnect alone opens the account.
		next := a.client()
		if res := next.viaProConnect(p); res.status != http.StatusSeeOther || next.signedInAs() != agent.Email {
			t.Errorf("after linking: %d %s", res.status, res.location)
		}

		// The other way: a link sent to the account's address.
		elu := proconnecttest.User{Subject: "sub-elu-delta", IdpID: "fi-delta", Email: "elu@ville-delta.test"}
		p.SignInAs(elu)
		m := a.client()
		page := m.viaProConnect(p)
		sent := m.post("/connexion/proconnect/liaison/courriel", url.Values{"lien": {hiddenValue(t, page.body, "lien")}})
		sent.mustContain(t, "Un lien vient d'être envoyé à elu@ville-delta.test")
		a.app.WaitForMail()
		msgs := smtp.Messages()
		if len(msgs) == 0 || msgs[len(msgs)-1].To[0] != elu.Email {
			t.Fatalf("messages: %+v", msgs)
		}
		found := regexp.MustCompile(`/connexion/proconnect/liaison/[A-Za-z0-9_-]+`).FindString(msgs[len(msgs)-1].Data)
		if found == "" {
			t.Fatalf("no link in %s", msgs[len(msgs)-1].Data)
		}
		path := found
		m.get(path).mustContain(t, "Relier et me connecter")
		if got := m.signedInAs(); got != "" {
			t.Fatalf("opening the emailed link signed in as %q without a click", got)
		}
		if res := m.post(path, nil); res.status != http.StatusSeeOther || m.signedInAs() != elu.Email {
			t.Fatalf("confirming the emailed link: %d", res.status)
		}
	})
}

// hiddenValue returns the value of the first hidden input named name.
func hiddenValue(t *testing.T, body, name string) string {
	t.Helper()
	marker := `name="` + name + `" value="`
	i := strings.Index(body, marker)
	if i < 0 {
		t.Fatalf("no hidden %s in\n%s", name, body)
	}
	rest := body[i+len(marker):]
	return rest[:strings.IndexByte(rest, '"')]
}

// TestProConnectRefusals runs each attack through the real provider: each is refused with a French
// page and opens no session.
func TestProConnectRefusals(t *testing.T) {
	st := storetest.SQLite(t)
	cases := []struct {
		name   string
		now    func() time.Time
		tamper func(p *proconnecttest.Provider)
		status int
		says   string
	}{
		{"forged token", nil, func(p *proconnecttest.Provider) {
			p.TamperIDToken(func(raw string) string { return p.Forge(proconnecttest.Claims(raw)) })
		}, http.StatusUnauthorized, "signature invalide"},
		{"wrong audience", nil, func(p *proconnecttest.Provider) {
			p.TamperIDToken(func(raw string) string {
				c := proconnecttest.Claims(raw)
				c["aud"], c["azp"] = []string{proconnecttest.OtherClientID}, proconnecttest.OtherClientID
				return p.Sign(c)
			})
		}, http.StatusUnauthorized, "destinée à un autre service"},
		{"expired token", func() time.Time { return time.Now().Add(3 * time.Hour) }, nil, http.StatusUnauthorized, "a expiré"},
		{"replayed nonce", nil, func(p *proconnecttest.Provider) { p.ReplaceNonce("nonce-d-une-autre-connexion") }, http.StatusUnauthorized, "ne correspond pas à cette demande"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestApp(t, st)
			p := withProConnect(t, a, tc.now)
			p.SignInAs(camille)
			if tc.tamper != nil {
				tc.tamper(p)
			}
			c := a.client()
			res := c.viaProConnect(p)
			if res.status != tc.status {
				t.Fatalf("status %d, want %d\n%s", res.status, tc.status, res.body)
			}
			res.mustContain(t, tc.says)
			if got := c.signedInAs(); got != "" {
				t.Errorf("signed in as %q", got)
			}
		})
	}

	t.Run("replayed state", func(t *testing.T) {
		a := newTestApp(t, st)
		p := withProConnect(t, a, nil)
		p.SignInAs(camille)
		c := a.client()
		start := c.get(proConnectStart)
		back := p.Authorize(t, start.location)
		if res := c.get(back.RequestURI()); res.status != http.StatusSeeOther {
			t.Fatalf("first use: %d", res.status)
		}
		// The same answer again, from a browser that still holds the state's cookie.
		replay := a.client()
		u, _ := url.Parse(a.srv.URL)
		replay.hc.Jar.SetCookies(u, []*http.Cookie{{Name: proConnectCookie, Value: back.Query().Get("state"), Path: proConnectStart}})
		res := replay.get(back.RequestURI())
		if res.status != http.StatusBadRequest {
			t.Fatalf("replayed state: %d", res.status)
		}
		res.mustContain(t, "a déjà servi")
		if got := replay.signedInAs(); got != "" {
			t.Errorf("replay signed in as %q", got)
		}
	})

	t.Run("wrong state", func(t *testing.T) {
		a := newTestApp(t, st)
		p := withProConnect(t, a, nil)
		p.SignInAs(camille)
		victim, attacker := a.client(), a.client()
		start := attacker.get(proConnectStart)
		back := p.Authorize(t, start.location)
		victim.get(proConnectStart) // the victim has a sign-in of their own under way
		res := victim.get(back.RequestURI())
		if res.status != http.StatusBadRequest {
			t.Fatalf("another browser's answer: %d", res.status)
		}
		res.mustContain(t, "ne correspond à aucune connexion commencée dans ce navigateur")
		if got := victim.signedInAs(); got != "" {
			t.Errorf("signed in as %q", got)
		}
	})
}

func TestProConnectSignOutEndsTheProviderSession(t *testing.T) {
	st := storetest.SQLite(t)
	a := newTestApp(t, st)
	p := withProConnect(t, a, nil)
	p.SignInAs(camille)
	c := a.client()
	c.viaProConnect(p)
	res := c.post("/deconnexion", nil)
	u, err := url.Parse(res.location)
	if res.status != http.StatusSeeOther || err != nil || !strings.HasPrefix(res.location, p.Issuer+"/end_session") {
		t.Fatalf("sign-out: %d %s", res.status, res.location)
	}
	hint := u.Query().Get("id_token_hint")
	if claims := proconnecttest.Claims(hint); claims["sub"] != camille.Subject || u.Query().Get("post_logout_redirect_uri") != a.srv.URL+"/connexion" {
		t.Errorf("end session hint %v, redirect %q", claims, u.Query().Get("post_logout_redirect_uri"))
	}
	if got := c.signedInAs(); got != "" {
		t.Errorf("still signed in as %q", got)
	}
	// A password session signs out locally only.
	a.workspace("Ville Epsilon")
	pw := a.signIn("agent@ville-epsilon.test")
	if res := pw.post("/deconnexion", nil); res.location != "/connexion" {
		t.Errorf("password sign-out went to %s", res.location)
	}
}

func TestProConnectOffUnlessConfigured(t *testing.T) {
	a := newTestApp(t, storetest.SQLite(t))
	c := a.client()
	if res := c.get(proConnectStart); res.status != http.StatusNotFound {
		t.Errorf("start without configuration: %d", res.status)
	}
	if res := c.get(proConnectCallback + "?state=x&code=y"); res.status != http.StatusNotFound {
		t.Errorf("callback without configuration: %d", res.status)
	}
	if strings.Contains(c.get("/connexion").body, "ProConnect") {
		t.Error("the sign-in page offers ProConnect while it is not configured")
	}
}
