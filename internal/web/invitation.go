package web

import (
	"errors"
	"net/http"
	"time"

	"boussole/internal/auth"
	"boussole/internal/model"
	"boussole/internal/store"
)

// invitationTTL is how long an invitation link works.
const invitationTTL = 14 * 24 * time.Hour

// showInvitation lets the invited person join: signed in, with one click; otherwise by creating an account
// (or signing in first if they already have one).
func (s *Server) showInvitation(w http.ResponseWriter, r *http.Request) {
	inv, a, err := s.invitation(r)
	if err != nil {
		s.expiredLink(w, r, err)
		return
	}
	f := newForm(nil)
	f.Values.Set("email", inv.Email)
	s.renderInvitation(w, r, http.StatusOK, f, invitationPage{Invitation: inv, Authority: a, Path: r.URL.Path})
}

func (s *Server) invitation(r *http.Request) (model.Invitation, model.Authority, error) {
	inv, err := s.store.Invitation(r.Context(), auth.HashToken(r.PathValue("token")))
	if err != nil {
		return inv, model.Authority{}, err
	}
	a, err := s.store.AuthorityByID(r.Context(), inv.AuthorityID)
	return inv, a, err
}

func (s *Server) acceptInvitation(w http.ResponseWriter, r *http.Request) {
	inv, a, err := s.invitation(r)
	if err != nil {
		s.expiredLink(w, r, err)
		return
	}
	hash := auth.HashToken(r.PathValue("token"))
	if u := currentUser(r); u != nil {
		err := s.store.AcceptInvitation(r.Context(), hash, u.ID, nil)
		if errors.Is(err, store.ErrDuplicate) {
			redirect(w, r, "/ct/"+a.Slug+"/")
			return
		}
		if err != nil {
			s.expiredLink(w, r, err)
			return
		}
		redirect(w, r, "/ct/"+a.Slug+"/")
		return
	}
	f := parseForm(w, r)
	validateAccount(f)
	if !f.OK() {
		f.Values.Del("password")
		s.renderInvitation(w, r, http.StatusUnprocessableEntity, f, invitationPage{Invitation: inv, Authority: a, Path: r.URL.Path})
		return
	}
	pw, err := auth.HashPassword(f.Raw("password"))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	u := model.User{Email: f.Get("email"), Name: f.Get("name"), PasswordHash: pw}
	err = s.store.AcceptInvitation(r.Context(), hash, 0, &u)
	if errors.Is(err, store.ErrDuplicate) {
		f.Fail("email", "Un compte existe déjà avec cette adresse : connectez-vous d'abord, puis rouvrez ce lien d'invitation.")
		f.Values.Del("password")
		s.renderInvitation(w, r, http.StatusConflict, f, invitationPage{Invitation: inv, Authority: a, Path: r.URL.Path})
		return
	}
	if err != nil {
		s.expiredLink(w, r, err)
		return
	}
	if err := s.startSession(w, r, u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/ct/"+a.Slug+"/")
}

// renderInvitation writes the invitation page: a signed-in person joins with one button, anyone else
// creates an account first.
func (s *Server) renderInvitation(w http.ResponseWriter, r *http.Request, status int, f *form, d invitationPage) {
	v := view{Title: "Invitation", Form: f, User: currentUser(r)}
	s.renderComponent(w, r, status, v, accountInvitationContent(v, d))
}
