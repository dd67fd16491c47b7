// Package proconnecttest runs a real OpenID Connect provider in process, configured like ProConnect: code
// flow with PKCE, RS256 ID tokens, the ProConnect claims (idp_id, given_name, usual_name, siret) and the
// userinfo answered as a JWT signed with the provider's key. Tests of the proconnect client and of the
// sign-in pages use it; hooks let a test forge, misaddress or replay what the provider sends.
package proconnecttest

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/text/language"
)

// User is a person known to the provider, with the claims ProConnect gives.
type User struct {
	Subject   string
	IdpID     string
	Email     string
	GivenName string
	UsualName string
	SIRET     string
}

// Provider is the running provider.
type Provider struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	storage      *storage.Storage
	srv          *httptest.Server

	mu   sync.Mutex
	user User
	// TamperIDToken, when set, replaces the ID token of the token endpoint's answer.
	tamperIDToken func(raw string) string
	// replaceNonce, when set, is what the authorize endpoint receives as the nonce.
	replaceNonce string
	// unsignedUserinfo answers userinfo as plain JSON.
	unsignedUserinfo bool
	// EndedSessions counts the id_token_hint the end_session endpoint accepted.
	endedSessions []string
}

// OtherClientID is a second service registered at the same provider, whose tokens Boussole must refuse.
const OtherClientID = "autre-service"

// Start serves a provider on loopback that knows the client (id, secret, redirect URL, the URL it may send
// the browser back to after sign-out) and the other client; it stops with the test.
func Start(t testing.TB, clientID, secret, redirectURL, postLogoutURL string) *Provider {
	t.Helper()
	p := &Provider{ClientID: clientID, ClientSecret: secret}
	p.srv = httptest.NewUnstartedServer(nil)
	p.Issuer = "http://" + p.srv.Listener.Addr().String()
	clients := map[string]*storage.Client{
		clientID:      storage.WebClient(clientID, secret, redirectURL),
		OtherClientID: storage.WebClient(OtherClientID, "secret-de-l-autre-service", redirectURL),
	}
	p.storage = storage.NewStorageWithClients(users{p}, clients)
	provider, err := op.NewProvider(&op.Config{
		CryptoKey:                sha256.Sum256([]byte("proconnecttest")),
		DefaultLogoutRedirectURI: "/deconnecte",
		CodeMethodS256:           true,
		AuthMethodPost:           true,
		SupportedUILocales:       []language.Tag{language.French},
		SupportedClaims:          []string{"sub", "email", "given_name", "usual_name", "siret", "idp_id"},
	}, withLogout{Storage: p.storage, logout: []string{postLogoutURL}}, op.StaticIssuer(p.Issuer), op.WithAllowInsecure())
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	interceptor := op.NewIssuerInterceptor(provider.IssuerFromRequest)
	mux.Handle("/login/username", interceptor.HandlerFunc(p.login(op.AuthCallbackURL(provider))))
	mux.HandleFunc("/deconnecte", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("déconnecté")) })
	mux.Handle("/", p.proConnectLike(provider))
	p.srv.Config.Handler = mux
	p.srv.Start()
	t.Cleanup(p.srv.Close)
	return p
}

// SignInAs sets who signs in at the provider's login page from now on.
func (p *Provider) SignInAs(u User) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.user = u
}

// TamperIDToken makes the token endpoint hand out f(the real ID token) instead; nil stops.
func (p *Provider) TamperIDToken(f func(raw string) string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tamperIDToken = f
}

// ReplaceNonce makes the provider see nonce instead of the one the client sent ("" stops).
func (p *Provider) ReplaceNonce(nonce string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.replaceNonce = nonce
}

// UnsignedUserinfo makes userinfo answer plain JSON, as a provider unlike ProConnect would.
func (p *Provider) UnsignedUserinfo(on bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.unsignedUserinfo = on
}

// EndedSessions returns the ID tokens the end_session endpoint was given as hints.
func (p *Provider) EndedSessions() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.endedSessions...)
}

func (p *Provider) current() User {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.user
}

// login is the provider's sign-in page: a button that signs in as the chosen user, enough for a browser
// test and for an HTTP test (which posts it).
func (p *Provider) login(callback func(context.Context, string) string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := r.FormValue("authRequestID")
		if r.Method == http.MethodGet {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!doctype html><html lang="fr"><head><title>ProConnect (test)</title></head><body><main><h1>ProConnect de test</h1>
<form method="post"><input type="hidden" name="authRequestID" value="%s"><button type="submit" id="proconnect-ok">Continuer en tant que %s</button></form></main></body></html>`,
				html.EscapeString(id), html.EscapeString(p.current().Email))
			return
		}
		if err := p.storage.CheckUsernamePassword(p.current().Email, "proconnect", id); err != nil {
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		http.Redirect(w, r, callback(r.Context(), id), http.StatusFound)
	}
}

// Sign signs claims with the provider's own key, as it signs its tokens.
func (p *Provider) Sign(claims map[string]any) string {
	key, err := p.storage.SigningKey(context.Background())
	if err != nil {
		panic(err)
	}
	return sign(claims, key.Key(), key.ID())
}

// Forge signs claims with a key of its own under the provider's key id: a token whose signature does not
// verify.
func (p *Provider) Forge(claims map[string]any) string {
	key, _ := p.storage.SigningKey(context.Background())
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return sign(claims, other, key.ID())
}

func sign(claims map[string]any, key any, kid string) string {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: key}, (&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", kid))
	if err != nil {
		panic(err)
	}
	payload, _ := json.Marshal(claims)
	obj, err := signer.Sign(payload)
	if err != nil {
		panic(err)
	}
	s, _ := obj.CompactSerialize()
	return s
}

// Claims reads a JWT's claims without checking anything, for tests that rewrite a token.
func Claims(raw string) map[string]any {
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return nil
	}
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return m
}

// proConnectLike wraps the provider's endpoints where ProConnect differs from a plain provider: the
// userinfo is a signed JWT with ProConnect's claims; and it applies the tests' hooks.
func (p *Provider) proConnectLike(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		nonce, tamper, plain := p.replaceNonce, p.tamperIDToken, p.unsignedUserinfo
		p.mu.Unlock()
		switch r.URL.Path {
		case "/authorize":
			if nonce != "" {
				q := r.URL.Query()
				q.Set("nonce", nonce)
				r.URL.RawQuery = q.Encode()
			}
		case "/oauth/token":
			if tamper != nil {
				p.rewriteToken(w, r, next, tamper)
				return
			}
		case "/userinfo":
			p.signedUserinfo(w, r, next, plain)
			return
		case "/end_session":
			if hint := r.FormValue("id_token_hint"); hint != "" {
				p.mu.Lock()
				p.endedSessions = append(p.endedSessions, hint)
				p.mu.Unlock()
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (p *Provider) rewriteToken(w http.ResponseWriter, r *http.Request, next http.Handler, tamper func(string) string) {
	rec := httptest.NewRecorder()
	next.ServeHTTP(rec, r)
	var body map[string]any
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &body) != nil {
		copyResponse(w, rec)
		return
	}
	if raw, ok := body["id_token"].(string); ok {
		body["id_token"] = tamper(raw)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(body)
}

// signedUserinfo answers userinfo as ProConnect does: the claims of the account, signed by the provider.
func (p *Provider) signedUserinfo(w http.ResponseWriter, r *http.Request, next http.Handler, plain bool) {
	rec := httptest.NewRecorder()
	next.ServeHTTP(rec, r)
	var claims map[string]any
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &claims) != nil {
		copyResponse(w, rec)
		return
	}
	u := p.current()
	if sub, _ := claims["sub"].(string); sub != u.Subject {
		http.Error(w, "unknown subject", http.StatusUnauthorized)
		return
	}
	claims["email"], claims["given_name"], claims["usual_name"] = u.Email, u.GivenName, u.UsualName
	claims["siret"], claims["idp_id"] = u.SIRET, u.IdpID
	claims["iss"], claims["aud"] = p.Issuer, p.ClientID
	claims["iat"], claims["exp"] = time.Now().Unix(), time.Now().Add(time.Minute).Unix()
	if plain {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(claims)
		return
	}
	w.Header().Set("Content-Type", "application/jwt")
	_, _ = w.Write([]byte(p.Sign(claims)))
}

func copyResponse(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// withLogout registers the clients' post-logout redirect URL, which the example storage cannot.
type withLogout struct {
	*storage.Storage
	logout []string
}

func (s withLogout) GetClientByClientID(ctx context.Context, id string) (op.Client, error) {
	c, err := s.Storage.GetClientByClientID(ctx, id)
	if err != nil {
		return nil, err
	}
	return clientWithLogout{Client: c, logout: s.logout}, nil
}

type clientWithLogout struct {
	op.Client
	logout []string
}

func (c clientWithLogout) PostLogoutRedirectURIs() []string { return c.logout }

// users is the provider's account store: whoever SignInAs chose.
type users struct{ p *Provider }

func (u users) GetUserByID(id string) *storage.User {
	if c := u.p.current(); c.Subject == id {
		return u.account(c)
	}
	return nil
}

func (u users) GetUserByUsername(name string) *storage.User {
	if c := u.p.current(); c.Email == name {
		return u.account(c)
	}
	return nil
}

func (u users) ExampleClientID() string { return "service" }

func (u users) account(c User) *storage.User {
	return &storage.User{ID: c.Subject, Username: c.Email, Password: "proconnect", FirstName: c.GivenName, LastName: c.UsualName,
		Email: c.Email, EmailVerified: true, PreferredLanguage: language.French}
}

// Authorize walks a browser through the provider from authURL: the authorize endpoint, the login page,
// its button, back to the client's redirect URL, which it returns without fetching it.
func (p *Provider) Authorize(t testing.TB, authURL string) *url.URL {
	t.Helper()
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	next := authURL
	for range 10 {
		u, err := url.Parse(next)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(next, p.Issuer) {
			return u
		}
		var res *http.Response
		if u.Path == "/login/username" {
			res, err = hc.PostForm(next, url.Values{"authRequestID": {u.Query().Get("authRequestID")}})
		} else {
			res, err = hc.Get(next)
		}
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		loc, err := res.Location()
		if err != nil {
			t.Fatalf("provider stopped at %s with status %d", u.Path, res.StatusCode)
		}
		next = loc.String()
	}
	t.Fatal("too many redirects at the provider")
	return nil
}
