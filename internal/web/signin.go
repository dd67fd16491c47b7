package web

import (
	"errors"
	"net/http"

	"boussole/internal/auth"
	"boussole/internal/store"
)

// demoAccounts are listed on the sign-in page in demo mode only.
// demoAccount is one line of the list of demo accounts.
type demoAccount struct{ Email, Role string }

var demoAccounts = []demoAccount{
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
	v := view{Title: "Connexion", Form: f, Demo: s.demo}
	s.renderComponent(w, r, status, v, accountSigninContent(v, signinPage{DemoAccounts: demoAccounts, ProConnect: s.proconnect != nil}))
}

// signIn checks the password. A wrong email and a wrong password get the same message and take the same
// time; failures slow later attempts on the account and from the address (throttle.go), but a correct
// password is never refused.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	f := parseForm(w, r)
	f.Required("email", "password")
	if !f.OK() {
		f.Values.Del("password")
		s.renderSignIn(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	ctx := r.Context()
	email := store.NormaliseEmail(f.Get("email"))
	attempt, err := s.beginAttempt(r, email)
	if ctx.Err() != nil {
		return // the person gave up waiting
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	u, err := s.store.UserByEmail(ctx, email)
	if err == nil {
		err = auth.CheckPassword(u.PasswordHash, f.Raw("password"))
	} else if errors.Is(err, store.ErrNotFound) {
		err = auth.CheckNobody(f.Raw("password"))
	}
	f.Values.Del("password")
	if err != nil {
		f.Top = "Adresse électronique ou mot de passe incorrect."
		status := http.StatusUnauthorized
		if attempt.slowed {
			f.Top += " Après plusieurs essais manqués, chaque nouvel essai attend quelques secondes. Si vous avez oublié votre mot de passe, choisissez-en un nouveau."
			status = http.StatusTooManyRequests
		}
		s.renderSignIn(w, r, status, f)
		return
	}
	s.succeeded(ctx, attempt)
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

// signOut ends the session; one opened through ProConnect also ends the provider's session, by sending
// the browser to its end_session_endpoint with the ID token as hint.
func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	var idToken string
	if c, err := r.Cookie(sessionCookie); err == nil {
		idToken, _ = s.store.EndSession(r.Context(), auth.HashToken(c.Value))
	}
	s.setSessionCookie(w, "", -1)
	if to := s.endProviderSession(r, idToken); to != "" {
		http.Redirect(w, r, to, http.StatusSeeOther)
		return
	}
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
