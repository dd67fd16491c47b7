package web

import "boussole/internal/access"

// stakeholderRoutes registers the routes of the stakeholder map (issue 4). The map belongs to the authority,
// not to one strategy: actors outlive a mandature, and each new strategy starts from the same map. It holds
// contact persons (personal data), so nothing of it is shared with partners: the entry page tells them so
// (see stakeholderInternal) and every other route requires access.ViewInternal.
func (s *Server) stakeholderRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/acteurs", access.ViewWorkspace, s.listStakeholders)
	ws("GET /ct/{slug}/acteurs/nouveau", access.EditContent, s.showNewStakeholder)
	ws("POST /ct/{slug}/acteurs", access.EditContent, s.createStakeholder)
	ws("GET /ct/{slug}/acteurs/grille", access.ViewInternal, s.showStakeholderGrid)
	ws("GET /ct/{slug}/acteurs/saillance", access.ViewInternal, s.showStakeholderSalience)
	ws("GET /ct/{slug}/acteurs/reseau", access.ViewInternal, s.showStakeholderNetwork)
	ws("GET /ct/{slug}/acteurs/engagement", access.ViewInternal, s.showEngagementPlan)
	ws("GET /ct/{slug}/acteurs/import", access.EditContent, s.showStakeholderImport)
	ws("POST /ct/{slug}/acteurs/import", access.EditContent, s.previewStakeholderImport)
	ws("POST /ct/{slug}/acteurs/import/{upload}/confirmation", access.EditContent, s.confirmStakeholderImport)
	ws("GET /ct/{slug}/acteurs/export.csv", access.ViewInternal, s.exportStakeholdersCSV)
	ws("GET /ct/{slug}/acteurs/export.xlsx", access.ViewInternal, s.exportStakeholdersXLSX)
	ws("GET /ct/{slug}/acteurs/{stakeholder}", access.ViewInternal, s.showStakeholder)
	ws("GET /ct/{slug}/acteurs/{stakeholder}/modifier", access.EditContent, s.showEditStakeholder)
	ws("POST /ct/{slug}/acteurs/{stakeholder}", access.EditContent, s.updateStakeholder)
	ws("GET /ct/{slug}/acteurs/{stakeholder}/suppression", access.EditContent, s.confirmDeleteStakeholder)
	ws("POST /ct/{slug}/acteurs/{stakeholder}/suppression", access.EditContent, s.deleteStakeholder)
	ws("POST /ct/{slug}/acteurs/{stakeholder}/relations", access.EditContent, s.addRelation)
	ws("POST /ct/{slug}/acteurs/{stakeholder}/relations/{relation}/suppression", access.EditContent, s.deleteRelation)
}
