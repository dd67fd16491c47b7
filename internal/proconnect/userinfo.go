package proconnect

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Identity is who signed in, as ProConnect's userinfo says. Subject with IdpID is the stable key: a
// subject is only unique within the identity provider (a ministry, a collectivité…) that ProConnect
// federates.
type Identity struct {
	Issuer    string
	Subject   string `json:"sub"`
	IdpID     string `json:"idp_id"`
	Email     string `json:"email"`
	GivenName string `json:"given_name"`
	UsualName string `json:"usual_name"`
	SIRET     string `json:"siret"`
}

// Name returns « Prénom Nom », or the email when the provider gave no name.
func (id Identity) Name() string {
	n := strings.TrimSpace(strings.TrimSpace(id.GivenName) + " " + strings.TrimSpace(id.UsualName))
	if n == "" {
		return id.Email
	}
	return n
}

// SIREN returns the first nine digits of the SIRET, the organisation without its establishment, or ""
// when the claim is not a SIRET.
func (id Identity) SIREN() string {
	s := strings.ReplaceAll(id.SIRET, " ", "")
	if len(s) != 14 {
		return ""
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return s[:9]
}

// maxUserinfo bounds what is read from the userinfo endpoint.
const maxUserinfo = 64 << 10

// userinfo reads the signed userinfo and verifies it like the ID token (signature, issuer, audience),
// then checks it speaks of the same subject.
func (c *Client) userinfo(ctx context.Context, p *oidc.Provider, tok *oauth2.Token, subject string) (Identity, error) {
	fail := func(err error) (Identity, error) { return Identity{}, &Error{Reason: ReasonUserinfo, cause: err} }
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.UserInfoEndpoint(), nil)
	if err != nil {
		return fail(err)
	}
	tok.SetAuthHeader(req)
	hc := c.cfg.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	res, err := hc.Do(req)
	if err != nil {
		return fail(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, maxUserinfo))
	if err != nil {
		return fail(err)
	}
	if res.StatusCode != http.StatusOK {
		return fail(fmt.Errorf("status %d", res.StatusCode))
	}
	if mt, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type")); mt != "application/jwt" {
		return fail(fmt.Errorf("userinfo is %q, not a signed JWT", mt))
	}
	signed, err := c.verifier(p, true).Verify(c.ctx(ctx), strings.TrimSpace(string(body)))
	if err != nil {
		return Identity{}, classify(err)
	}
	var id Identity
	if err := signed.Claims(&id); err != nil {
		return fail(err)
	}
	if id.Subject != subject {
		return fail(errors.New("userinfo speaks of another subject"))
	}
	id.Issuer = signed.Issuer
	id.Email = strings.ToLower(strings.TrimSpace(id.Email))
	if id.Subject == "" || id.Email == "" {
		return Identity{}, &Error{Reason: ReasonClaims, cause: errors.New("no sub or email")}
	}
	return id, nil
}
