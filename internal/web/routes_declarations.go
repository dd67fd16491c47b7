package web

import "boussole/internal/access"

// declarationRoutes registers the declarations under « Financements » (issue 14): the yearly ODA
// declaration with its CSV and XLSX, the IATI file, and each project's declaration fields.
func (s *Server) declarationRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/financements/declaration", access.ViewInternal, s.showEAPD)
	ws("GET /ct/{slug}/financements/declaration/apd.csv", access.ViewInternal, s.exportEAPDCSV)
	ws("GET /ct/{slug}/financements/declaration/apd.xlsx", access.ViewInternal, s.exportEAPDXLSX)
	ws("GET /ct/{slug}/financements/declaration/iati.xml", access.ViewInternal, s.exportIATI)
	ws("GET /ct/{slug}/financements/projets/{project}/declaration", access.ViewInternal, s.showProjectDeclaration)
	ws("POST /ct/{slug}/financements/projets/{project}/declaration", access.EditContent, s.saveProjectDeclaration)
}
