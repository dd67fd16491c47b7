package web

import (
	"errors"
	"net"
	"net/http"
	"time"

	"boussole/internal/auth"
	"boussole/internal/store"
)

// Sign-in throttling: after this many failures in the window, for one email or one address, sign-in is
// refused until the window passes.
const (
	maxFailures   = 10
	failureWindow = 15 * time.Minute
)

// demoAccounts are listed on the sign-in page in demo mode only.
var demoAccounts = []struct{ Email, Role string }{
	{"admin@demo.boussole.test", "Administrateur·rice"},
	{"agent@demo.boussole.test", "Chargé·e de mission"},
	{"elu@demo.boussole.test", "Élu·e"},
	{"referent@demo.boussole.test", "Référent·e de service"},
	{"partenaire@demo.boussole.test", "Partenaire"},
	{"lecteur@demo.boussole.test", "Lecteur·rice"},
}

func (s *Server) showSignIn(w http.ResponseWriter, r *http.Request) {
	f := newForm(nil)
	f.Values.Set("suivant", r.URL.Query().Get("suivant"))
	s.renderSignIn(w, r, http.StatusOK, f)
}

func (s *Server) renderSignIn(w http.ResponseWriter, r *http.Request, status int, f *form) {
	s.render(w, r, status, "signin", view{Title: "Connexion", Form: f, Data: map[string]any{"DemoAccounts": demoAccounts}})
}

// signIn checks the password. A wrong email and a wrong password get the same message and take the same
// time, and failures are throttled per email and per address.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	f := parseForm(w, r)
	f.Required("email", "password")
	if !f.OK() {
		s.renderSignIn(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	ctx := r.Context()
	email := store.NormaliseEmail(f.Get("email"))
	keys := []string{"email:" + email, "ip:" + clientIP(r)}
	for _, k := range keys {
		n, err := s.store.LoginFailuresSince(ctx, k, time.Now().Add(-failureWindow))
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if n >= maxFailures {
			f.Top = "Trop de tentatives de connexion. Attendez un quart d'heure, ou réinitialisez votre mot de passe."
			s.renderSignIn(w, r, http.StatusTooManyRequests, f)
			return
		}
	}
	u, err := s.store.UserByEmail(ctx, email)
	if err == nil {
		err = auth.CheckPassword(u.PasswordHash, f.Raw("password"))
	} else if errors.Is(err, store.ErrNotFound) {
		err = auth.CheckNobody(f.Raw("password"))
	}
	if err != nil {
		for _, k := range keys {
			_ = s.store.RecordLoginFailure(ctx, k)
		}
		f.Top = "Adresse électronique ou mot de passe incorrect."
		f.Values.Del("password")
		s.renderSignIn(w, r, http.StatusUnauthorized, f)
		return
	}
	_ = s.store.ClearLoginFailures(ctx, keys[0])
	if err := s.startSession(w, r, u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, safeNext(f.Get("suivant")))
}

// startSession creates a session in the database and hands its token to the browser.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, userID int64) error {
	token, hash := auth.NewToken()
	if err := s.store.CreateSession(r.Context(), hash, userID, sessionTTL, r.UserAgent()); err != nil {
		return err
	}
	s.setSessionCookie(w, token, int(sessionTTL.Seconds()))
	return nil
}

func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		_ = s.store.DeleteSession(r.Context(), auth.HashToken(c.Value))
	}
	s.setSessionCookie(w, "", -1)
	redirect(w, r, "/connexion")
}

func (s *Server) signOutEverywhere(w http.ResponseWriter, r *http.Request) {
	if _, err := s.store.DeleteUserSessions(r.Context(), currentUser(r).ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.setSessionCookie(w, "", -1)
	redirect(w, r, "/connexion?ok=deconnecte")
}

// clientIP is the address a request came from, without the port. Behind a proxy every request shares
// the proxy's address, which only makes throttling stricter.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
