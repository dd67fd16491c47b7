package proconnect_test

import (
	"context"
	"errors"
	"net/url"
	"testing"
	"time"

	"boussole/internal/proconnect"
	"boussole/internal/proconnect/proconnecttest"
)

const redirect = "http://boussole.test/connexion/proconnect/retour"

var agent = proconnecttest.User{Subject: "sub-123", IdpID: "idp-mairie", Email: "Camille.Agent@belval.fr", GivenName: "Camille",
	UsualName: "Martin", SIRET: "21330063500017"}

func setup(t *testing.T, now func() time.Time) (*proconnecttest.Provider, *proconnect.Client) {
	p := proconnecttest.Start(t, "boussole", "secret-de-boussole", redirect, "http://boussole.test/connexion")
	p.SignInAs(agent)
	c := proconnect.New(proconnect.Config{Issuer: p.Issuer, ClientID: "boussole", ClientSecret: "secret-de-boussole", RedirectURL: redirect, Now: now})
	return p, c
}

// signIn runs a flow through the provider and finishes it with the flow the client began.
func signIn(t *testing.T, p *proconnecttest.Provider, c *proconnect.Client) (proconnect.Identity, string, error) {
	t.Helper()
	f := proconnect.NewFlow()
	auth, err := c.AuthURL(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	back := p.Authorize(t, auth)
	if back.Query().Get("state") != f.State {
		t.Fatalf("state came back as %q", back.Query().Get("state"))
	}
	return c.Finish(context.Background(), back.Query().Get("code"), f)
}

func TestSignInReadsProConnectClaims(t *testing.T) {
	p, c := setup(t, nil)
	id, raw, err := signIn(t, p, c)
	if err != nil {
		t.Fatal(err)
	}
	want := proconnect.Identity{Issuer: p.Issuer, Subject: "sub-123", IdpID: "idp-mairie", Email: "camille.agent@belval.fr",
		GivenName: "Camille", UsualName: "Martin", SIRET: "21330063500017"}
	if id != want {
		t.Errorf("identity:\n got %+v\nwant %+v", id, want)
	}
	if id.SIREN() != "213300635" || id.Name() != "Camille Martin" {
		t.Errorf("SIREN %q, name %q", id.SIREN(), id.Name())
	}
	if raw == "" {
		t.Error("no raw ID token")
	}
	end := c.EndSessionURL(context.Background(), raw, "http://boussole.test/connexion", "etat")
	u, err := url.Parse(end)
	if err != nil || u.Path != "/end_session" || u.Query().Get("id_token_hint") != raw || u.Query().Get("state") != "etat" {
		t.Errorf("end session URL %q", end)
	}
}

// TestRefusals runs each attack against the real provider and checks the reason given.
func TestRefusals(t *testing.T) {
	cases := []struct {
		name  string
		setup func(p *proconnecttest.Provider)
		now   func() time.Time
		want  proconnect.Reason
	}{
		{"forged signature", func(p *proconnecttest.Provider) {
			p.TamperIDToken(func(raw string) string { return p.Forge(proconnecttest.Claims(raw)) })
		}, nil, proconnect.ReasonInvalidToken},
		{"wrong audience", func(p *proconnecttest.Provider) {
			p.TamperIDToken(func(raw string) string {
				c := proconnecttest.Claims(raw)
				c["aud"] = []string{proconnecttest.OtherClientID}
				c["azp"] = proconnecttest.OtherClientID
				return p.Sign(c)
			})
		}, nil, proconnect.ReasonAudience},
		{"other issuer", func(p *proconnecttest.Provider) {
			p.TamperIDToken(func(raw string) string {
				c := proconnecttest.Claims(raw)
				c["iss"] = "https://faux-fournisseur.test"
				return p.Sign(c)
			})
		}, nil, proconnect.ReasonIssuer},
		{"expired", nil, func() time.Time { return time.Now().Add(3 * time.Hour) }, proconnect.ReasonExpired},
		{"replayed nonce", func(p *proconnecttest.Provider) { p.ReplaceNonce("nonce-d-une-connexion-precedente") }, nil, proconnect.ReasonNonce},
		{"unsigned userinfo", func(p *proconnecttest.Provider) { p.UnsignedUserinfo(true) }, nil, proconnect.ReasonUserinfo},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, c := setup(t, tc.now)
			if tc.setup != nil {
				tc.setup(p)
			}
			_, _, err := signIn(t, p, c)
			var e *proconnect.Error
			if !errors.As(err, &e) || e.Reason != tc.want {
				t.Fatalf("got %v, want reason %s", err, tc.want)
			}
			if e.Reason.French() == "" {
				t.Error("no French sentence")
			}
		})
	}
}

func TestSIRENNeedsFourteenDigits(t *testing.T) {
	for siret, want := range map[string]string{"21330063500017": "213300635", "213 300 635 00017": "213300635", "2133006350001": "", "2133006350001A": "", "": ""} {
		if got := (proconnect.Identity{SIRET: siret}).SIREN(); got != want {
			t.Errorf("SIREN(%q) = %q, want %q", siret, got, want)
		}
	}
}
