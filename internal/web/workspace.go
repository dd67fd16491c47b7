package web

import (
	"errors"
	"net/http"
	"net/url"

	"boussole/internal/access"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/territory"
)

type workspaceHandler func(w http.ResponseWriter, r *http.Request, ws *workspace)

// requireUser sends visitors who are not signed in to the sign-in page, and back afterwards.
func (s *Server) requireUser(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if currentUser(r) == nil {
			redirect(w, r, "/connexion?suivant="+url.QueryEscape(r.URL.RequestURI()))
			return
		}
		h(w, r)
	}
}

// inWorkspace resolves the workspace in the URL and checks the viewer may perform action there. Someone
// with no role in the workspace gets the same 404 as for a workspace that does not exist, so the list of
// authorities using Boussole is not revealed; someone whose role lacks the action gets a 403.
func (s *Server) inWorkspace(action access.Action, h workspaceHandler) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		found, err := s.store.WorkspaceFor(r.Context(), r.PathValue("slug"), currentUser(r).ID)
		if ws, ok := s.admit(w, r, action, found, err); ok {
			h(w, r, ws)
		}
	})
}

// admit answers the 404, 403 or 500 of a workspace read, or returns the workspace when the viewer's role
// there allows action.
func (s *Server) admit(w http.ResponseWriter, r *http.Request, action access.Action, found model.Workspace, err error) (*workspace, bool) {
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return nil, false
	}
	if err != nil {
		s.serverError(w, r, err)
		return nil, false
	}
	a, role := found.Authority, found.Role
	if !access.Can(role, action) {
		s.errorPage(w, r, http.StatusForbidden, "Votre rôle dans cet espace ("+role.Label()+") ne permet pas cette action. Demandez-la à un administrateur de l'espace.")
		return nil, false
	}
	return &workspace{Authority: a, Role: role}, true
}

// actor returns who is acting, for the audit log.
func actor(r *http.Request) store.Actor {
	if u := currentUser(r); u != nil {
		return store.Actor{UserID: u.ID, Label: u.Name}
	}
	return store.Actor{}
}

// KindLabel returns the French label of the authority's kind.
func (w *workspace) KindLabel() string { return territory.Kind(w.Authority.Kind).Label() }
