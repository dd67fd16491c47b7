// Package proconnect signs agents in through ProConnect, the State's OpenID Connect federation: the
// authorization code flow with state, nonce and PKCE, the ID token and the signed userinfo both verified
// against the provider's keys, and the end of the provider's session on sign-out. It knows OpenID Connect
// and nothing of Boussole's accounts or pages: the web layer decides what a verified identity opens.
package proconnect

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Config is what the operator registered with ProConnect.
type Config struct {
	Issuer       string // https://auth.agentconnect.gouv.fr/api/v2 in production
	ClientID     string
	ClientSecret string
	RedirectURL  string // <base URL>/connexion/proconnect/retour
	// HTTPClient, when set, is used for every call to the provider (tests, proxies).
	HTTPClient *http.Client
	// Now, when set, is the clock tokens' expiry is checked against.
	Now func() time.Time
}

// Scopes are those ProConnect documents for the claims Boussole reads.
var Scopes = []string{oidc.ScopeOpenID, "email", "given_name", "usual_name", "siret", "idp_id"}

// Client talks to one provider. Discovery happens on first use and is kept once it succeeds, so that
// Boussole starts even while the provider is unreachable.
type Client struct {
	cfg Config

	mu         sync.Mutex
	provider   *oidc.Provider
	endSession string
}

// New returns a client for cfg; it makes no request yet.
func New(cfg Config) *Client {
	cfg.Issuer = strings.TrimSuffix(cfg.Issuer, "/")
	return &Client{cfg: cfg}
}

// ctx carries the configured HTTP client to go-oidc and oauth2.
func (c *Client) ctx(ctx context.Context) context.Context {
	if c.cfg.HTTPClient != nil {
		return oidc.ClientContext(ctx, c.cfg.HTTPClient)
	}
	return ctx
}

// discover reads the provider's configuration once.
func (c *Client) discover(ctx context.Context) (*oidc.Provider, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.provider != nil {
		return c.provider, nil
	}
	p, err := oidc.NewProvider(c.ctx(ctx), c.cfg.Issuer)
	if err != nil {
		return nil, &Error{Reason: ReasonUnreachable, cause: err}
	}
	var meta struct {
		EndSession string `json:"end_session_endpoint"`
	}
	if err := p.Claims(&meta); err != nil {
		return nil, &Error{Reason: ReasonUnreachable, cause: err}
	}
	c.provider, c.endSession = p, meta.EndSession
	return p, nil
}

func (c *Client) oauth(p *oidc.Provider) *oauth2.Config {
	return &oauth2.Config{ClientID: c.cfg.ClientID, ClientSecret: c.cfg.ClientSecret, Endpoint: p.Endpoint(),
		RedirectURL: c.cfg.RedirectURL, Scopes: Scopes}
}

// Flow is one sign-in under way: what the callback must find again. The web layer keeps it in the
// database, found by the state, so any instance can finish what another began.
type Flow struct {
	State    string
	Nonce    string
	Verifier string // PKCE
}

// NewFlow draws a fresh state, nonce and PKCE verifier.
func NewFlow() Flow {
	return Flow{State: oauth2.GenerateVerifier(), Nonce: oauth2.GenerateVerifier(), Verifier: oauth2.GenerateVerifier()}
}

// AuthURL returns the provider's page where the person signs in for flow f.
func (c *Client) AuthURL(ctx context.Context, f Flow) (string, error) {
	p, err := c.discover(ctx)
	if err != nil {
		return "", err
	}
	// ProConnect asks for the acr_values it should satisfy; eidas1 is the level of an agent's account.
	return c.oauth(p).AuthCodeURL(f.State, oidc.Nonce(f.Nonce), oauth2.S256ChallengeOption(f.Verifier),
		oauth2.SetAuthURLParam("acr_values", "eidas1")), nil
}

// Finish exchanges the code of flow f for tokens, verifies the ID token and the signed userinfo, and
// returns who signed in with the raw ID token (kept for the end of the provider's session).
func (c *Client) Finish(ctx context.Context, code string, f Flow) (Identity, string, error) {
	p, err := c.discover(ctx)
	if err != nil {
		return Identity{}, "", err
	}
	tok, err := c.oauth(p).Exchange(c.ctx(ctx), code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		return Identity{}, "", &Error{Reason: ReasonExchange, cause: err}
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return Identity{}, "", &Error{Reason: ReasonInvalidToken, cause: errors.New("no id_token in the answer")}
	}
	idt, err := c.verifier(p, false).Verify(c.ctx(ctx), raw)
	if err != nil {
		return Identity{}, "", classify(err)
	}
	if idt.Nonce != f.Nonce {
		return Identity{}, "", &Error{Reason: ReasonNonce, cause: errors.New("nonce mismatch")}
	}
	id, err := c.userinfo(ctx, p, tok, idt.Subject)
	if err != nil {
		return Identity{}, "", err
	}
	return id, raw, nil
}

// verifier checks signature, issuer, audience and, unless told otherwise, expiry. ProConnect's signed
// userinfo need not carry an expiry: it comes straight from the provider in answer to our access token.
func (c *Client) verifier(p *oidc.Provider, skipExpiry bool) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: c.cfg.ClientID, Now: c.cfg.Now, SkipExpiryCheck: skipExpiry})
}

// classify turns a verification failure into its reason.
func classify(err error) error {
	var expired *oidc.TokenExpiredError
	switch {
	case errors.As(err, &expired):
		return &Error{Reason: ReasonExpired, cause: err}
	case strings.Contains(err.Error(), "expected audience"):
		return &Error{Reason: ReasonAudience, cause: err}
	case strings.Contains(err.Error(), "id token issued by a different provider"):
		return &Error{Reason: ReasonIssuer, cause: err}
	default:
		return &Error{Reason: ReasonInvalidToken, cause: err}
	}
}

// EndSessionURL returns where to send the browser to end the provider's session, or "" when the
// provider has no end_session_endpoint or cannot be reached.
func (c *Client) EndSessionURL(ctx context.Context, idToken, postLogout, state string) string {
	if _, err := c.discover(ctx); err != nil || c.endSession == "" || idToken == "" {
		return ""
	}
	u, err := url.Parse(c.endSession)
	if err != nil {
		return ""
	}
	q := u.Query()
	q.Set("id_token_hint", idToken)
	q.Set("post_logout_redirect_uri", postLogout)
	q.Set("state", state)
	u.RawQuery = q.Encode()
	return u.String()
}

// Error is a refused sign-in, with its reason; the web layer says it in French.
type Error struct {
	Reason Reason
	cause  error
}

func (e *Error) Error() string { return fmt.Sprintf("proconnect: %s: %v", e.Reason, e.cause) }
func (e *Error) Unwrap() error { return e.cause }

// Reason says why a sign-in was refused.
type Reason string

// The reasons a sign-in is refused.
const (
	ReasonUnreachable  Reason = "unreachable"
	ReasonExchange     Reason = "exchange"
	ReasonInvalidToken Reason = "invalid-token"
	ReasonAudience     Reason = "audience"
	ReasonIssuer       Reason = "issuer"
	ReasonExpired      Reason = "expired"
	ReasonNonce        Reason = "nonce"
	ReasonUserinfo     Reason = "userinfo"
	ReasonClaims       Reason = "claims"
)

// French returns the sentence a person reads for the reason.
func (r Reason) French() string {
	switch r {
	case ReasonUnreachable:
		return "ProConnect ne répond pas pour le moment. Réessayez dans quelques minutes, ou connectez-vous avec votre mot de passe."
	case ReasonExchange:
		return "ProConnect n'a pas confirmé la connexion (code refusé ou déjà utilisé). Recommencez depuis la page de connexion."
	case ReasonExpired:
		return "La preuve d'identité envoyée par ProConnect a expiré. Recommencez depuis la page de connexion."
	case ReasonNonce:
		return "La réponse de ProConnect ne correspond pas à cette demande de connexion (elle a peut-être déjà servi). Recommencez depuis la page de connexion."
	case ReasonAudience:
		return "La preuve d'identité reçue était destinée à un autre service que Boussole : elle est refusée."
	case ReasonIssuer:
		return "La preuve d'identité reçue ne vient pas du fournisseur configuré : elle est refusée."
	case ReasonUserinfo:
		return "Les informations de votre compte n'ont pas pu être vérifiées auprès de ProConnect. Recommencez depuis la page de connexion."
	case ReasonClaims:
		return "ProConnect n'a pas transmis votre adresse électronique ou votre identifiant : la connexion ne peut pas aboutir."
	default:
		return "La preuve d'identité reçue n'a pas pu être vérifiée (signature invalide) : elle est refusée."
	}
}
