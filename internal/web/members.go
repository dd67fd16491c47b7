package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/auth"
	"boussole/internal/model"
	"boussole/internal/store"
)

func canManageMembers(ws *workspace) bool { return access.Can(ws.Role, access.ManageMembers) }

func (s *Server) listMembers(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderMembers(w, r, ws, http.StatusOK, newForm(nil), "")
}

func (s *Server) renderMembers(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form, link string) {
	members, err := s.store.Members(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := view{Title: "Membres de l'espace", WS: ws, Section: "membres", Form: f}
	s.renderComponent(w, r, status, v, accountMembersContent(v, membersPage{
		Members: members, InvitationLink: link, Requests: s.accessRequests(r, ws),
	}))
}

// inviteMember creates an invitation link with a role; it is mailed when a mail server is configured and
// always shown to the administrator, who can pass it on.
func (s *Server) inviteMember(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	f.Required("email", "role")
	f.Email("email")
	role := access.Role(f.Get("role"))
	if f.Get("role") != "" && !role.Valid() {
		f.Fail("role", "Choisissez un rôle dans la liste.")
	}
	if !f.OK() {
		s.renderMembers(w, r, ws, http.StatusUnprocessableEntity, f, "")
		return
	}
	token, hash := auth.NewToken()
	inv := model.Invitation{AuthorityID: ws.Authority.ID, Email: f.Get("email"), Role: role}
	if err := s.store.CreateInvitation(r.Context(), actor(r), hash, inv, invitationTTL); err != nil {
		s.serverError(w, r, err)
		return
	}
	link := s.cfg.BaseURL + "/invitation/" + token
	body := "Bonjour,\n\n" + currentUser(r).Name + " vous invite à rejoindre l'espace « " + ws.Authority.Name + " » sur Boussole, avec le rôle " +
		role.Label() + ".\n\nOuvrez ce lien dans les 14 jours :\n" + link + "\n"
	if err := s.mail.Send(store.NormaliseEmail(inv.Email), "Invitation à rejoindre "+ws.Authority.Name+" sur Boussole", body); err != nil {
		s.log.Error("envoi de l'invitation impossible", "err", err)
	}
	f = newForm(nil)
	s.renderMembers(w, r, ws, http.StatusOK, f, link)
}

func (s *Server) changeRole(w http.ResponseWriter, r *http.Request, ws *workspace) {
	userID, ok := pathID(r, "user")
	if !ok {
		s.notFound(w, r)
		return
	}
	f := parseForm(w, r)
	role := access.Role(f.Get("role"))
	version, _ := strconv.ParseInt(f.Get("version"), 10, 64)
	if !role.Valid() {
		f.Fail("role", "Choisissez un rôle dans la liste.")
		s.renderMembers(w, r, ws, http.StatusUnprocessableEntity, f, "")
		return
	}
	err := s.store.ChangeRole(r.Context(), actor(r), ws.Authority.ID, userID, role, version)
	if s.memberError(w, r, ws, err) {
		return
	}
	redirect(w, r, ws.Prefix()+"/membres?ok=role")
}

// memberError renders the page for a failed member change and reports whether it did.
func (s *Server) memberError(w http.ResponseWriter, r *http.Request, ws *workspace, err error) bool {
	f := newForm(nil)
	switch {
	case err == nil:
		return false
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case errors.Is(err, store.ErrLastAdmin):
		f.Top = "L'espace doit garder au moins un administrateur : nommez-en un autre avant de changer ce rôle."
		s.renderMembers(w, r, ws, http.StatusConflict, f, "")
	case errors.Is(err, store.ErrConflict):
		f.Top = "Ce rôle a été modifié par quelqu'un d'autre entre-temps. La liste ci-dessous est à jour : recommencez si besoin."
		s.renderMembers(w, r, ws, http.StatusConflict, f, "")
	default:
		s.serverError(w, r, err)
	}
	return true
}

// confirmRemoveMember asks before removing someone: the page says what the removal does.
func (s *Server) confirmRemoveMember(w http.ResponseWriter, r *http.Request, ws *workspace) {
	userID, ok := pathID(r, "user")
	if !ok {
		s.notFound(w, r)
		return
	}
	members, err := s.store.Members(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, m := range members {
		if m.User.ID == userID {
			v := view{Title: "Retirer " + m.User.Name, WS: ws, Section: "membres"}
			s.renderComponent(w, r, http.StatusOK, v, accountMemberRemoveContent(v, memberRemovePage{Member: m}))
			return
		}
	}
	s.notFound(w, r)
}

func (s *Server) removeMember(w http.ResponseWriter, r *http.Request, ws *workspace) {
	userID, ok := pathID(r, "user")
	if !ok {
		s.notFound(w, r)
		return
	}
	if s.memberError(w, r, ws, s.store.RemoveMember(r.Context(), actor(r), ws.Authority.ID, userID)) {
		return
	}
	redirect(w, r, ws.Prefix()+"/membres?ok=retire")
}

func (s *Server) closeAccessRequest(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.actOnID(w, r, func(id int64) error {
		return s.store.CloseAccessRequest(r.Context(), actor(r), ws.Authority.ID, id)
	}, ws.Prefix()+"/membres?ok=demande")
}
