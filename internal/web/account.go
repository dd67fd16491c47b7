package web

import "net/http"

// showAccount shows the signed-in person's account: their workspaces, how many sessions are open, and the
// button that closes them all.
func (s *Server) showAccount(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	sessions, err := s.store.CountSessions(r.Context(), u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	list, err := s.store.Workspaces(r.Context(), u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "account", view{Title: "Mon compte", Data: accountPage{Sessions: sessions, Workspaces: list}})
}
