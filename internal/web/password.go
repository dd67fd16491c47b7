package web

import (
	"errors"
	"net/http"
	"time"

	"boussole/internal/auth"
	"boussole/internal/store"
)

// resetTTL is how long a password reset link works.
const resetTTL = time.Hour

func (s *Server) showForgotPassword(w http.ResponseWriter, r *http.Request) {
	v := view{Title: "Mot de passe oublié", Form: newForm(nil)}
	s.renderComponent(w, r, http.StatusOK, v, accountForgotContent(v))
}

// forgotPassword sends a single-use link. The page says the same thing whether or not the address has an
// account, so it cannot be used to find out who uses Boussole.
func (s *Server) forgotPassword(w http.ResponseWriter, r *http.Request) {
	f := parseForm(w, r)
	f.Required("email")
	f.Email("email")
	if !f.OK() {
		v := view{Title: "Mot de passe oublié", Form: f}
		s.renderComponent(w, r, http.StatusUnprocessableEntity, v, accountForgotContent(v))
		return
	}
	u, err := s.store.UserByEmail(r.Context(), f.Get("email"))
	if err == nil {
		token, hash := auth.NewToken()
		link := s.cfg.BaseURL + "/mot-de-passe/" + token
		if err := s.store.CreatePasswordReset(r.Context(), hash, u.ID, link, resetTTL); err != nil {
			s.serverError(w, r, err)
			return
		}
		body := "Bonjour,\n\nPour choisir un nouveau mot de passe Boussole, ouvrez ce lien dans l'heure :\n" + link +
			"\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n"
		s.sendInBackground(u.Email, "Boussole : nouveau mot de passe", body)
	} else if !errors.Is(err, store.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	msg := "Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il est valable une heure."
	if !s.mail.Configured() {
		msg = "Si un compte existe pour cette adresse, un lien valable une heure a été préparé. Cette plateforme n'envoie pas de courriel : demandez le lien à son administrateur."
	}
	s.renderMessage(w, r, http.StatusOK, "Mot de passe oublié", msg)
}

// sendInBackground sends an email without making the request wait: an SMTP exchange takes long enough
// that the time the page takes would otherwise tell whether the address has an account.
func (s *Server) sendInBackground(to, subject, body string) {
	s.mailing.Add(1)
	go func() {
		defer s.mailing.Done()
		if err := s.mail.Send(to, subject, body); err != nil {
			s.log.Error("envoi du courriel impossible", "objet", subject, "err", err)
		}
	}()
}

// WaitForMail returns once the emails being sent are gone, so that a stop loses none.
func (s *Server) WaitForMail() { s.mailing.Wait() }

func (s *Server) showResetPassword(w http.ResponseWriter, r *http.Request) {
	if _, err := s.store.PasswordResetUser(r.Context(), auth.HashToken(r.PathValue("token"))); err != nil {
		s.expiredLink(w, r, err)
		return
	}
	v := view{Title: "Nouveau mot de passe", Form: newForm(nil)}
	s.renderComponent(w, r, http.StatusOK, v, accountResetContent(v))
}

func (s *Server) resetPassword(w http.ResponseWriter, r *http.Request) {
	tokenHash := auth.HashToken(r.PathValue("token"))
	u, err := s.store.PasswordResetUser(r.Context(), tokenHash)
	if err != nil {
		s.expiredLink(w, r, err)
		return
	}
	f := parseForm(w, r)
	validatePassword(f)
	if !f.OK() {
		f.Values.Del("password")
		f.Values.Del("confirm")
		v := view{Title: "Nouveau mot de passe", Form: f}
		s.renderComponent(w, r, http.StatusUnprocessableEntity, v, accountResetContent(v))
		return
	}
	hash, err := auth.HashPassword(f.Raw("password"))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.store.ResetPassword(r.Context(), tokenHash, hash); err != nil {
		s.expiredLink(w, r, err)
		return
	}
	// Whoever holds the mailbox has proved they own the account: the delay earned by failed sign-ins
	// on it, possibly someone else's, no longer applies.
	if err := s.store.ClearLoginFailures(r.Context(), accountKey(u.Email)); err != nil {
		s.log.Warn("effacement des échecs de connexion impossible", "err", err)
	}
	redirect(w, r, "/connexion?ok=motdepasse")
}

// validatePassword checks a new password and its confirmation. It leaves both in the form, for the
// handler to hash; the handler removes them before showing the form again.
func validatePassword(f *form) {
	p := f.Raw("password")
	switch {
	case p == "":
		f.Fail("password", "Ce champ est obligatoire.")
	case len([]rune(p)) < auth.MinPasswordLength:
		f.Fail("password", "Le mot de passe doit compter au moins 10 caractères ; une phrase de quelques mots convient bien.")
	case len(p) > 256:
		f.Fail("password", "Le mot de passe est trop long : 256 caractères au plus.")
	case f.Raw("confirm") != p:
		f.Fail("confirm", "Les deux mots de passe ne sont pas identiques.")
	}
}

// expiredLink explains an unknown, used or expired token.
func (s *Server) expiredLink(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrExpired) {
		s.renderMessage(w, r, http.StatusGone, "Lien expiré", "Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.")
		return
	}
	s.serverError(w, r, err)
}
