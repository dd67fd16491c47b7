package web

import "boussole/internal/access"

// declarationRoutes registers the declarations under « Financements » (issue 14): the yearly ODA
// declaration with its CSV and XLSX, the IATI file, the Atlas update sheets, and each project's declaration fields.
func (s *Server) declarationRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/financements/declaration", access.ViewInternal, s.showEAPD)
	ws("GET /ct/{slug}/financements/declaration/apd.csv", access.ViewInternal, s.exportEAPDCSV)
	ws("GET /ct/{slug}/financements/declaration/apd.xlsx", access.ViewInternal, s.exportEAPDXLSX)
	ws("GET /ct/{slug}/financements/declaration/iati.xml", access.ViewInternal, s.exportIATI)
	// The Atlas sheets name the élus and officers: only those who may read the members list download them.
	ws("GET /ct/{slug}/financements/declaration/atlas.xlsx", access.ViewMemberList, s.exportAtlasSheets)
	ws("GET /ct/{slug}/financements/projets/{project}/declaration", access.ViewInternal, s.showProjectDeclaration)
	ws("POST /ct/{slug}/financements/projets/{project}/declaration", access.EditContent, s.saveProjectDeclaration)
}
