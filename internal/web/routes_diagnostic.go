package web

import (
	"net/http"

	"boussole/internal/access"
	"boussole/internal/diagnostic"
	"boussole/internal/model"
)

// diagnosticRoutes registers the routes of the diagnostic (issue 3): argument, awareness sessions,
// principles, SWOT, partnerships. Strategy-scoped pages work on the workspace's focus strategy (the one in
// preparation, else the one in force); the partnerships register belongs to the authority.
func (s *Server) diagnosticRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/sensibilisation", access.ViewWorkspace, s.showAwareness)
	ws("GET /ct/{slug}/sensibilisation/enjeux", access.EditContent, s.showArgumentForm)
	ws("POST /ct/{slug}/sensibilisation/enjeux", access.EditContent, s.saveArgument)
	ws("GET /ct/{slug}/sensibilisation/argumentaire", access.ViewInternal, s.showArgumentPrint)
	ws("GET /ct/{slug}/sensibilisation/principes", access.ViewInternal, s.showPrinciples)
	ws("POST /ct/{slug}/sensibilisation/principes", access.EditContent, s.savePrinciples)
	ws("GET /ct/{slug}/sensibilisation/seances", access.ViewInternal, s.listSessions)
	ws("POST /ct/{slug}/sensibilisation/services", access.EditContent, s.saveServiceList)
	ws("GET /ct/{slug}/sensibilisation/seances/nouvelle", access.EditContent, s.showNewSession)
	ws("POST /ct/{slug}/sensibilisation/seances", access.EditContent, s.createSession)
	ws("GET /ct/{slug}/sensibilisation/seances/{session}", access.EditContent, s.showEditSession)
	ws("POST /ct/{slug}/sensibilisation/seances/{session}", access.EditContent, s.updateSession)
	ws("GET /ct/{slug}/sensibilisation/seances/{session}/suppression", access.EditContent, s.confirmDeleteSession)
	ws("POST /ct/{slug}/sensibilisation/seances/{session}/suppression", access.EditContent, s.deleteSession)

	ws("GET /ct/{slug}/diagnostic", access.ViewWorkspace, s.showDiagnosticSummary)
	ws("GET /ct/{slug}/diagnostic/synthese", access.ViewInternal, s.showDiagnosticPrint)
	ws("GET /ct/{slug}/diagnostic/afom", access.ViewInternal, s.showSWOT)
	ws("POST /ct/{slug}/diagnostic/afom", access.EditContent, s.createSWOTItem)
	ws("GET /ct/{slug}/diagnostic/afom/{swot}", access.EditContent, s.showEditSWOTItem)
	ws("POST /ct/{slug}/diagnostic/afom/{swot}", access.EditContent, s.updateSWOTItem)
	ws("POST /ct/{slug}/diagnostic/afom/{swot}/monter", access.EditContent, s.moveSWOTItemUp)
	ws("POST /ct/{slug}/diagnostic/afom/{swot}/descendre", access.EditContent, s.moveSWOTItemDown)
	ws("GET /ct/{slug}/diagnostic/afom/{swot}/fusion", access.EditContent, s.showMergeSWOTItem)
	ws("POST /ct/{slug}/diagnostic/afom/{swot}/fusion", access.EditContent, s.mergeSWOTItem)
	ws("GET /ct/{slug}/diagnostic/afom/{swot}/suppression", access.EditContent, s.confirmDeleteSWOTItem)
	ws("POST /ct/{slug}/diagnostic/afom/{swot}/suppression", access.EditContent, s.deleteSWOTItem)

	ws("GET /ct/{slug}/diagnostic/partenariats", access.ViewInternal, s.listPartnerships)
	ws("GET /ct/{slug}/diagnostic/partenariats/carte", access.ViewInternal, s.showPartnerMap)
	ws("GET /ct/{slug}/diagnostic/partenariats/export.csv", access.ViewInternal, s.exportPartnershipsCSV)
	ws("GET /ct/{slug}/diagnostic/partenariats/export.xlsx", access.ViewInternal, s.exportPartnershipsXLSX)
	ws("GET /ct/{slug}/diagnostic/partenariats/nouveau", access.EditContent, s.showNewPartnership)
	ws("POST /ct/{slug}/diagnostic/partenariats", access.EditContent, s.createPartnership)
	ws("GET /ct/{slug}/diagnostic/partenariats/{partner}", access.EditContent, s.showEditPartnership)
	ws("POST /ct/{slug}/diagnostic/partenariats/{partner}", access.EditContent, s.updatePartnership)
	ws("GET /ct/{slug}/diagnostic/partenariats/{partner}/suppression", access.EditContent, s.confirmDeletePartnership)
	ws("POST /ct/{slug}/diagnostic/partenariats/{partner}/suppression", access.EditContent, s.deletePartnership)
	ws("GET /ct/{slug}/diagnostic/partenariats/{partner}/document", access.ViewInternal, s.downloadPartnershipDocument)
	ws("GET /ct/{slug}/diagnostic/partenariats/{partner}/document/suppression", access.EditContent, s.confirmRemovePartnershipDocument)
	ws("POST /ct/{slug}/diagnostic/partenariats/{partner}/document/suppression", access.EditContent, s.removePartnershipDocument)
}

// diagnosticHomeData is what the strategy's home page shows of the first two steps: the conditions
// facilitantes still missing, most important first, and the state of the matrix.
type diagnosticHomeData struct {
	Prefix     string
	Missing    []diagnostic.Condition
	Met        int
	Total      int
	Assessed   bool // the checklist was filled at least once
	SWOTItems  int
	CanEdit    bool
	ReadFailed bool
}

// diagnosticHome returns what the strategy's home page shows of the diagnostic (template "home-diagnostic").
func (s *Server) diagnosticHome(r *http.Request, ws *workspace, st model.Strategy) *diagnosticHomeData {
	if !access.Can(ws.Role, access.ViewInternal) {
		return nil
	}
	d := diagnosticHomeData{Prefix: ws.Prefix(), Total: len(diagnostic.Conditions()), CanEdit: access.Can(ws.Role, access.EditContent)}
	a, err := s.store.Assessment(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.log.Warn("auto-évaluation illisible", "err", err)
		d.ReadFailed = true
		return &d
	}
	d.Assessed = a.Version > 0
	d.Missing = diagnostic.MissingConditions(a.ConditionsMet)
	d.Met = d.Total - len(d.Missing)
	if n, err := s.store.CountSWOTItems(r.Context(), ws.Authority.ID, st.ID); err == nil {
		d.SWOTItems = n
	}
	return &d
}
