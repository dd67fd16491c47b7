package web

import "boussole/internal/access"

// fundingRoutes registers the pages of the « Financements » section (issue 11): the projects of the
// strategy with their financing plan checked against the catalogue's rules, the funding finder, the
// portfolio, the yearly 1 % budgets and team, and the catalogue itself, which everyone may read. The
// catalogue is edited by the platform administrator under /administration (fundingAdminRoutes).
func (s *Server) fundingRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/financements", access.ViewWorkspace, s.listProjects)
	ws("GET /ct/{slug}/financements/projets/nouveau", access.EditContent, s.showNewProject)
	ws("POST /ct/{slug}/financements/projets", access.EditContent, s.createProject)
	ws("GET /ct/{slug}/financements/projets/{project}", access.ViewInternal, s.showProject)
	ws("POST /ct/{slug}/financements/projets/{project}", access.EditContent, s.updateProject)
	ws("GET /ct/{slug}/financements/projets/{project}/suppression", access.EditContent, s.confirmDeleteProject)
	ws("POST /ct/{slug}/financements/projets/{project}/suppression", access.EditContent, s.deleteProject)
	ws("GET /ct/{slug}/financements/projets/{project}/programmes", access.ViewInternal, s.showFinder)
	ws("POST /ct/{slug}/financements/projets/{project}/lignes", access.EditContent, s.createLine)
	ws("GET /ct/{slug}/financements/projets/{project}/lignes/{line}", access.ViewInternal, s.showLine)
	ws("POST /ct/{slug}/financements/projets/{project}/lignes/{line}", access.EditContent, s.updateLine)
	ws("GET /ct/{slug}/financements/projets/{project}/lignes/{line}/suppression", access.EditContent, s.confirmDeleteLine)
	ws("POST /ct/{slug}/financements/projets/{project}/lignes/{line}/suppression", access.EditContent, s.deleteLine)
	ws("GET /ct/{slug}/financements/appels", access.ViewInternal, s.showCalls)
	ws("POST /ct/{slug}/financements/appels", access.EditContent, s.createCall)
	ws("GET /ct/{slug}/financements/appels.ics", access.ViewInternal, s.downloadCallsFeed)
	ws("GET /ct/{slug}/financements/appels/{call}/suppression", access.EditContent, s.confirmDeleteCall)
	ws("POST /ct/{slug}/financements/appels/{call}/suppression", access.EditContent, s.deleteCall)
	ws("GET /ct/{slug}/financements/portefeuille", access.ViewInternal, s.showPortfolio)
	ws("GET /ct/{slug}/financements/annees", access.ViewInternal, s.showYears)
	ws("POST /ct/{slug}/financements/annees", access.EditContent, s.saveYear)
	ws("GET /ct/{slug}/financements/organisation", access.ViewInternal, s.showOrganisation)
	ws("POST /ct/{slug}/financements/organisation", access.EditContent, s.saveOrganisation)
	ws("GET /ct/{slug}/financements/reseaux", access.ViewInternal, s.listNetworks)
	ws("POST /ct/{slug}/financements/reseaux", access.EditContent, s.createMembership)
	ws("GET /ct/{slug}/financements/reseaux/{membership}", access.ViewInternal, s.showMembership)
	ws("POST /ct/{slug}/financements/reseaux/{membership}", access.EditContent, s.updateMembership)
	ws("GET /ct/{slug}/financements/reseaux/{membership}/suppression", access.EditContent, s.confirmDeleteMembership)
	ws("POST /ct/{slug}/financements/reseaux/{membership}/suppression", access.EditContent, s.deleteMembership)
	ws("GET /ct/{slug}/financements/catalogue", access.ViewWorkspace, s.showCatalogue)
	ws("GET /ct/{slug}/financements/catalogue/{code}", access.ViewWorkspace, s.showProgramme)
	s.declarationRoutes(ws)
}
