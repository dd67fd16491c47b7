package web

import (
	"net/http"
)

// participationPublicRoutes registers what citizens use without an account (issue 12): the authority's
// public page, its consultations, their results, and each contributor's personal link.
func (s *Server) participationPublicRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /public/{slug}", s.showPublicPage)
	mux.HandleFunc("GET /public/{slug}/{$}", s.showPublicPage)
	mux.HandleFunc("GET /public/{slug}/consultations/{id}", s.showPublicConsultation)
	mux.HandleFunc("POST /public/{slug}/consultations/{id}", s.contribute)
	mux.HandleFunc("GET /public/{slug}/consultations/{id}/resultats", s.showPublicResults)
	mux.HandleFunc("GET /public/{slug}/contribution/{token}", s.showContribution)
	mux.HandleFunc("GET /public/{slug}/contribution/{token}/export.json", s.exportContribution)
	mux.HandleFunc("GET /public/{slug}/contribution/{token}/effacement", s.confirmEraseContribution)
	mux.HandleFunc("POST /public/{slug}/contribution/{token}/effacement", s.eraseContribution)
}
