package web

import (
	"errors"
	"net/http"

	"boussole/internal/store"
)

func (s *Server) listGrants(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderGrants(w, r, ws, http.StatusOK, newForm(nil))
}

func (s *Server) renderGrants(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	grants, err := s.store.Grants(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := view{Title: "Accompagnement", WS: ws, Section: "accompagnement", Form: f}
	s.renderComponent(w, r, status, v, accountGrantsContent(v, grantsPage{Grants: grants}))
}

// createGrant gives an expert or a network, who already has an account, access to the workspace.
func (s *Server) createGrant(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	f.Required("email", "organisation")
	f.Email("email")
	f.MaxLength("organisation", 150)
	if !f.OK() {
		s.renderGrants(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	u, err := s.store.UserByEmail(r.Context(), f.Get("email"))
	if errors.Is(err, store.ErrNotFound) {
		f.Fail("email", "Aucun compte Boussole n'utilise cette adresse. La personne doit d'abord créer un compte (par l'espace de son réseau ou de sa structure).")
		s.renderGrants(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if _, err := s.store.RoleIn(r.Context(), ws.Authority.ID, u.ID); err == nil {
		f.Fail("email", "Cette personne a déjà accès à l'espace.")
		s.renderGrants(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	if err := s.store.CreateGrant(r.Context(), actor(r), ws.Authority.ID, u.ID, f.Get("organisation")); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/accompagnement?ok=accompagnant")
}

func (s *Server) revokeGrant(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.actOnID(w, r, func(id int64) error {
		return s.store.RevokeGrant(r.Context(), actor(r), ws.Authority.ID, id)
	}, ws.Prefix()+"/accompagnement?ok=revoque")
}
