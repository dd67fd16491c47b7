package web

import (
	"net/http"

	"boussole/internal/model"
)

// showHome shows the landing page to visitors and the list of workspaces to signed-in people; someone
// with a single workspace goes straight to it.
func (s *Server) showHome(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	if u == nil {
		publishing, err := s.store.PublishingAuthorities(r.Context())
		if err != nil {
			s.log.Warn("collectivités qui publient illisibles", "err", err) // the landing page still opens
		}
		v := view{Title: "Boussole, la stratégie d'action internationale des collectivités"}
		s.renderComponent(w, r, http.StatusOK, v, accountLandingContent(v, landingPage{Publishing: publishing}))
		return
	}
	list, err := s.store.Workspaces(r.Context(), u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(list) == 1 && !u.PlatformAdmin {
		redirect(w, r, "/ct/"+list[0].Authority.Slug+"/")
		return
	}
	v := view{Title: "Vos espaces"}
	s.renderComponent(w, r, http.StatusOK, v, accountWorkspacesContent(v, workspacesPage{Workspaces: list}))
}

// landingPage is what the landing page shows besides its text: the authorities that publish a public page.
type landingPage struct {
	Publishing []model.Authority
}

func (s *Server) showAccessibility(w http.ResponseWriter, r *http.Request) {
	v := view{Title: "Déclaration d'accessibilité"}
	s.renderComponent(w, r, http.StatusOK, v, accountAccessibilityContent(v))
}

// showPlatformAdmin lists every workspace and the pending password-reset links, for the operator.
func (s *Server) showPlatformAdmin(w http.ResponseWriter, r *http.Request) {
	if !currentUser(r).PlatformAdmin {
		s.notFound(w, r)
		return
	}
	all, err := s.store.Authorities(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	resets, err := s.store.PendingPasswordResets(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := view{Title: "Administration de la plateforme"}
	s.renderComponent(w, r, http.StatusOK, v, accountAdminContent(v, adminPage{
		Authorities: all, Resets: resets, MailConfigured: s.mail.Configured(),
	}))
}
