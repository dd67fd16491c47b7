package web

import (
	"net/http"

	"boussole/internal/access"
)

// planningRoutes registers the routes of planning (issue 6). Pages are about the workspace's focus strategy
// unless ?strategie= names another; records (activities, milestones, dependencies) carry their strategy.
func (s *Server) planningRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/planification", access.ViewWorkspace, s.showChrono)
	ws("GET /ct/{slug}/planification/chronogramme.svg", access.ViewWorkspace, s.showChronoSVG)
	ws("GET /ct/{slug}/planification/feuille-de-route", access.ViewWorkspace, s.showRoadmap)
	ws("GET /ct/{slug}/planification/mes-activites", access.ViewWorkspace, s.showMine)
	ws("GET /ct/{slug}/planification/calendrier.ics", access.ViewWorkspace, s.downloadStrategyFeed)
	ws("GET /ct/{slug}/planification/agenda", access.ViewWorkspace, s.showAgenda)
	ws("POST /ct/{slug}/planification/agenda", access.ViewWorkspace, s.newAgendaToken)
	ws("GET /ct/{slug}/planification/activites/{activity}", access.ViewWorkspace, s.showSchedule)
	ws("POST /ct/{slug}/planification/activites/{activity}", access.EditOwnService, s.saveSchedule)
	ws("GET /ct/{slug}/planification/jalons", access.ViewWorkspace, s.listMilestones)
	ws("POST /ct/{slug}/planification/jalons", access.EditContent, s.createMilestone)
	ws("GET /ct/{slug}/planification/jalons/{milestone}", access.ViewWorkspace, s.showMilestone)
	ws("POST /ct/{slug}/planification/jalons/{milestone}", access.EditContent, s.updateMilestone)
	ws("GET /ct/{slug}/planification/jalons/{milestone}/suppression", access.EditContent, s.confirmDeleteMilestone)
	ws("POST /ct/{slug}/planification/jalons/{milestone}/suppression", access.EditContent, s.deleteMilestone)
	ws("POST /ct/{slug}/planification/dependances", access.EditContent, s.createDependency)
	ws("GET /ct/{slug}/planification/dependances/{dependency}/suppression", access.EditContent, s.confirmDeleteDependency)
	ws("POST /ct/{slug}/planification/dependances/{dependency}/suppression", access.EditContent, s.deleteDependency)
}

// planningPublicRoutes registers the calendar feeds read without a session: a person's subscriptions,
// authenticated by the secret in their URL, and the authority's public calendar.
func (s *Server) planningPublicRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /agenda/{token}/calendrier.ics", s.tokenFeed(false))
	mux.HandleFunc("GET /agenda/{token}/mes-activites.ics", s.tokenFeed(true))
	mux.HandleFunc("GET /public/{slug}/calendrier.ics", s.keptPublic(s.publicFeed))
}
