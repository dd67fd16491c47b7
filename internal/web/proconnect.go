package web

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"time"
	"unicode/utf8"

	"boussole/internal/auth"
	"boussole/internal/cleantext"
	"boussole/internal/model"
	"boussole/internal/proconnect"
	"boussole/internal/store"
)

// ProConnect sign-in, beside passwords, when --oidc-issuer is set. The flow's state, nonce and PKCE
// verifier wait in the database (any instance finishes what another began); the state also waits in a
// cookie, so that a response from the provider is accepted only by the browser that asked for it.

const (
	proConnectStart    = "/connexion/proconnect"
	proConnectCallback = "/connexion/proconnect/retour"
	proConnectCookie   = "boussole_proconnect"
	// flowTTL is how long a person may take at the provider.
	flowTTL = 10 * time.Minute
	// linkTTL is how long a verified identity waits for the person to prove an existing account is theirs.
	linkTTL = time.Hour
)

// beginProConnect sends the browser to the provider with a fresh state, nonce and PKCE challenge.
func (s *Server) beginProConnect(w http.ResponseWriter, r *http.Request) {
	if s.proconnect == nil {
		s.notFound(w, r)
		return
	}
	f := proconnect.NewFlow()
	to, err := s.proconnect.AuthURL(r.Context(), f)
	if err != nil {
		s.proConnectRefused(w, r, err)
		return
	}
	if err := s.store.CreateOIDCFlow(r.Context(), auth.HashToken(f.State), f, safeNext(r.URL.Query().Get("suivant")), flowTTL); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.setProConnectCookie(w, f.State, int(flowTTL.Seconds()))
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// setProConnectCookie holds the state for the callback only; SameSite=Lax lets the provider's redirect,
// a top-level navigation, carry it.
func (s *Server) setProConnectCookie(w http.ResponseWriter, state string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: proConnectCookie, Value: state, Path: proConnectStart, MaxAge: maxAge,
		HttpOnly: true, Secure: s.cfg.HTTPS(), SameSite: http.SameSiteLaxMode})
}

// finishProConnect is where the provider sends the browser back: the state must be this browser's and
// unused, then the code is exchanged and both tokens verified (internal/proconnect).
func (s *Server) finishProConnect(w http.ResponseWriter, r *http.Request) {
	if s.proconnect == nil {
		s.notFound(w, r)
		return
	}
	q := r.URL.Query()
	s.setProConnectCookie(w, "", -1)
	if q.Get("error") != "" {
		s.errorPage(w, r, http.StatusUnauthorized, "La connexion avec ProConnect a été interrompue ou refusée. Recommencez depuis la page de connexion, ou connectez-vous avec votre mot de passe.")
		return
	}
	state := q.Get("state")
	c, err := r.Cookie(proConnectCookie)
	if state == "" || err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(state)) != 1 {
		s.errorPage(w, r, http.StatusBadRequest, "Cette réponse de ProConnect ne correspond à aucune connexion commencée dans ce navigateur : elle est refusée. Recommencez depuis la page de connexion.")
		return
	}
	f, next, err := s.store.TakeOIDCFlow(r.Context(), auth.HashToken(state))
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrExpired) {
		s.errorPage(w, r, http.StatusBadRequest, "Cette connexion ProConnect a déjà servi ou a expiré : elle est refusée. Recommencez depuis la page de connexion.")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f.State = state
	id, idToken, err := s.proconnect.Finish(r.Context(), q.Get("code"), f)
	if err != nil {
		s.proConnectRefused(w, r, err)
		return
	}
	s.signInIdentity(w, r, id, idToken, next)
}

// proConnectRefused says in French why a sign-in was refused; the cause goes to the log, never the page.
func (s *Server) proConnectRefused(w http.ResponseWriter, r *http.Request, err error) {
	var e *proconnect.Error
	if !errors.As(err, &e) {
		s.serverError(w, r, err)
		return
	}
	s.log.Warn("connexion ProConnect refusée", "raison", string(e.Reason), "err", err)
	status := http.StatusUnauthorized
	if e.Reason == proconnect.ReasonUnreachable {
		status = http.StatusBadGateway
	}
	s.errorPage(w, r, status, e.Reason.French())
}

// signInIdentity opens the session of a verified identity. An identity seen before opens its account.
// A new one whose email is an existing account's is never tied to it silently: the person proves the
// account is theirs first (proconnect_link.go). Otherwise a new account without password is created.
func (s *Server) signInIdentity(w http.ResponseWriter, r *http.Request, id proconnect.Identity, idToken, next string) {
	ctx := r.Context()
	u, err := s.store.UserByIdentity(ctx, id)
	if err == nil {
		s.openProConnectSession(w, r, u.ID, idToken, next)
		return
	}
	if !errors.Is(err, store.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	existing, err := s.store.UserByEmail(ctx, id.Email)
	switch {
	case err == nil:
		s.askToLink(w, r, existing, id, idToken)
		return
	case !errors.Is(err, store.ErrNotFound):
		s.serverError(w, r, err)
		return
	}
	nu := model.User{Email: id.Email, Name: accountName(id)}
	if err := s.store.SignUpWithIdentity(ctx, &nu, id); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.openProConnectSession(w, r, nu.ID, idToken, "/compte?ok=proconnect")
}

// accountName is the name ProConnect gives, cleaned as any typed text and cut to the accounts' limit.
func accountName(id proconnect.Identity) string {
	name := cleantext.Line(id.Name())
	if utf8.RuneCountInString(name) > 120 {
		name = string([]rune(name)[:120])
	}
	return name
}

func (s *Server) openProConnectSession(w http.ResponseWriter, r *http.Request, userID int64, idToken, next string) {
	token, hash := auth.NewToken()
	if err := s.store.CreateSessionWithIDToken(r.Context(), hash, userID, sessionTTL, r.UserAgent(), idToken); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.setSessionCookie(w, token, int(sessionTTL.Seconds()))
	redirect(w, r, safeNext(next))
}

// endProviderSession returns where to send the browser after a sign-out so that ProConnect's session
// ends too, or "" for a session opened with a password.
func (s *Server) endProviderSession(r *http.Request, idToken string) string {
	if s.proconnect == nil || idToken == "" {
		return ""
	}
	state, _ := auth.NewToken()
	return s.proconnect.EndSessionURL(r.Context(), idToken, s.cfg.BaseURL+"/connexion", state)
}
