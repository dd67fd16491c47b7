package web

import "boussole/internal/access"

// documentRoutes registers the deliverables (issue 14): the strategy document, the draft deliberation and
// « la stratégie en une page », generated from the strategy, and the adoption that freezes a version. The
// documents show the whole strategy (ViewInternal); the one-page summary is meant for everyone, and the page
// offers a partner that alone.
func (s *Server) documentRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/documents", access.ViewWorkspace, s.showDocuments)
	ws("POST /ct/{slug}/documents/reglages", access.EditContent, s.saveDocumentSettings)
	ws("GET /ct/{slug}/documents/strategie.odt", access.ViewInternal, s.downloadStrategyODT)
	ws("GET /ct/{slug}/documents/strategie.pdf", access.ViewInternal, s.downloadStrategyPDF)
	ws("GET /ct/{slug}/documents/deliberation.odt", access.ViewInternal, s.downloadDeliberation)
	ws("GET /ct/{slug}/documents/une-page", access.ViewWorkspace, s.showOnePage)
	ws("GET /ct/{slug}/documents/une-page.pdf", access.ViewWorkspace, s.downloadOnePagePDF)
	ws("GET /ct/{slug}/documents/une-page.odt", access.ViewWorkspace, s.downloadOnePageODT)
	ws("GET /ct/{slug}/documents/tableaux.xlsx", access.ViewInternal, s.downloadWorkbookXLSX)
	ws("GET /ct/{slug}/documents/tableaux.ods", access.ViewInternal, s.downloadWorkbookODS)
	ws("POST /ct/{slug}/documents/adoptions", access.ManageStrategy, s.recordAdoption)
	ws("GET /ct/{slug}/documents/adoptions/{adoption}/strategie.odt", access.ViewInternal, s.downloadAdoptedODT)
	ws("GET /ct/{slug}/documents/adoptions/{adoption}/strategie.pdf", access.ViewInternal, s.downloadAdoptedPDF)
}
