package web

import (
	"errors"
	"net/http"

	"boussole/internal/auth"
	"boussole/internal/model"
	"boussole/internal/proconnect"
	"boussole/internal/store"
)

// proConnectLinkPage is the page that asks a person signed in through ProConnect to prove an existing
// account with the same email is theirs.
type proConnectLinkPage struct {
	Email string
	// Token names the pending link; it is the page's secret, sent back by its two forms.
	Token          string
	HasPassword    bool
	MailConfigured bool
}

// askToLink keeps the verified identity aside and shows the two ways of proving the account.
func (s *Server) askToLink(w http.ResponseWriter, r *http.Request, u model.User, id proconnect.Identity, idToken string) {
	token, hash := auth.NewToken()
	if err := s.store.CreateIdentityLink(r.Context(), hash, u.ID, id, idToken, linkTTL); err != nil {
		s.serverError(w, r, err)
		return
	}
	f := newForm(nil)
	f.Values.Set("lien", token)
	s.renderLink(w, r, http.StatusOK, f, u)
}

func (s *Server) renderLink(w http.ResponseWriter, r *http.Request, status int, f *form, u model.User) {
	v := view{Title: "Relier votre compte ProConnect", Form: f}
	s.renderComponent(w, r, status, v, accountProConnectLinkContent(v, proConnectLinkPage{
		Email: u.Email, Token: f.Get("lien"), HasPassword: u.PasswordHash != "", MailConfigured: s.mail.Configured(),
	}))
}

// linkWithPassword ties the identity once the account's password is given, throttled like the sign-in.
func (s *Server) linkWithPassword(w http.ResponseWriter, r *http.Request) {
	f := parseForm(w, r)
	hash := auth.HashToken(f.Raw("lien"))
	u, err := s.store.IdentityLink(r.Context(), hash)
	if err != nil {
		s.expiredLink(w, r, err)
		return
	}
	f.Required("password")
	if !f.OK() {
		s.renderLink(w, r, http.StatusUnprocessableEntity, f, u)
		return
	}
	attempt, err := s.beginAttempt(r, u.Email)
	if r.Context().Err() != nil {
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	err = auth.CheckPassword(u.PasswordHash, f.Raw("password"))
	f.Values.Del("password")
	if err != nil {
		f.Fail("password", "Ce mot de passe n'est pas celui du compte "+u.Email+". Réessayez, ou recevez plutôt un lien par courriel.")
		status := http.StatusUnauthorized
		if attempt.slowed {
			status = http.StatusTooManyRequests
		}
		s.renderLink(w, r, status, f, u)
		return
	}
	s.succeeded(r.Context(), attempt)
	s.completeLink(w, r, hash, false)
}

// sendLinkEmail proves the account by its mailbox instead: a link, valid as long as the pending link.
func (s *Server) sendLinkEmail(w http.ResponseWriter, r *http.Request) {
	f := parseForm(w, r)
	hash := auth.HashToken(f.Raw("lien"))
	u, err := s.store.IdentityLink(r.Context(), hash)
	if err != nil {
		s.expiredLink(w, r, err)
		return
	}
	token, emailHash := auth.NewToken()
	if err := s.store.SetIdentityLinkEmailToken(r.Context(), hash, emailHash); err != nil {
		s.expiredLink(w, r, err)
		return
	}
	link := s.cfg.BaseURL + "/connexion/proconnect/liaison/" + token
	s.sendInBackground(u.Email, "Boussole : relier votre compte ProConnect",
		"Bonjour,\n\nVous vous êtes connecté·e à Boussole avec ProConnect. Pour relier cette connexion au compte Boussole de cette adresse, ouvrez ce lien dans l'heure :\n"+
			link+"\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne sera relié.\n")
	s.renderMessage(w, r, http.StatusOK, "Lien envoyé",
		"Un lien vient d'être envoyé à "+u.Email+". Ouvrez-le dans l'heure pour relier votre compte ProConnect à votre compte Boussole.")
}

// proConnectConfirmPage asks for a click before the emailed link ties the accounts, so that a mail
// filter that opens links ties nothing.
type proConnectConfirmPage struct {
	Email string
}

func (s *Server) showLinkByEmail(w http.ResponseWriter, r *http.Request) {
	u, err := s.store.IdentityLinkByEmailToken(r.Context(), auth.HashToken(r.PathValue("token")))
	if err != nil {
		s.expiredLink(w, r, err)
		return
	}
	v := view{Title: "Relier votre compte ProConnect", Form: newForm(nil)}
	s.renderComponent(w, r, http.StatusOK, v, accountProConnectConfirmContent(v, proConnectConfirmPage{Email: u.Email}))
}

func (s *Server) linkByEmail(w http.ResponseWriter, r *http.Request) {
	s.completeLink(w, r, auth.HashToken(r.PathValue("token")), true)
}

func (s *Server) completeLink(w http.ResponseWriter, r *http.Request, hash string, byEmail bool) {
	userID, idToken, err := s.store.CompleteIdentityLink(r.Context(), hash, byEmail)
	if errors.Is(err, store.ErrExpired) || errors.Is(err, store.ErrNotFound) {
		s.expiredLink(w, r, err)
		return
	}
	if errors.Is(err, store.ErrDuplicate) {
		s.errorPage(w, r, http.StatusConflict, "Ce compte ProConnect est déjà relié à un compte Boussole : connectez-vous avec ProConnect.")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.openProConnectSession(w, r, userID, idToken, "/compte?ok=pc-relie")
}
