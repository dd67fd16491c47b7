package web

import (
	"net/http"

	"boussole/internal/diagnostic"
	"boussole/internal/figure/worldmap"
	"boussole/internal/strategy"
)

// diagnosticData gathers what the summary page and its printable view show.
func (s *Server) diagnosticData(w http.ResponseWriter, r *http.Request, ws *workspace, title string) (*diagSummaryPage, bool) {
	st, ok := s.diagStrategy(w, r, ws, "diagnostic", title)
	if !ok {
		return nil, false
	}
	whole, err := s.store.ReadStrategy(r.Context(), ws.Authority.ID, st.ID, strategy.PartAwareness|strategy.PartDiagnostic|strategy.PartStakeholders)
	if err != nil {
		s.serverError(w, r, err)
		return nil, false
	}
	items, partners, sessions := whole.Framework.SWOT, whole.Diagnostic.Partnerships, whole.Awareness.Sessions
	services, actors := whole.Awareness.Services, whole.Stakeholders.List
	sum := diagnostic.Summarize(swotDomain(items), partnershipDomain(partners), sessionDomain(sessions), services.Services)
	highlight, countries := partnerMap(partners)
	return &diagSummaryPage{
		Strategy: st, Summary: sum, Quadrants: swotQuadrants(items, ws.Prefix()), SWOTCount: len(items),
		Figure: swotFigure(items, swotStrategyTitle(st)), Partners: partnerRows(partners), Countries: countries,
		Map: partnerMapFigure(highlight, ws.Authority.Name), MapText: worldmap.TextAlternative(highlight),
		Actors: summarizeActors(ws, actors),
	}, true
}

func (s *Server) showDiagnosticSummary(w http.ResponseWriter, r *http.Request, ws *workspace) {
	if !s.diagInternal(w, r, ws, "diagnostic", "Diagnostic") {
		return
	}
	data, ok := s.diagnosticData(w, r, ws, "Diagnostic")
	if !ok {
		return
	}
	s.diagPage(w, r, http.StatusOK, ws, "diagnostic", "Diagnostic", nil, data)
}

func (s *Server) showDiagnosticPrint(w http.ResponseWriter, r *http.Request, ws *workspace) {
	data, ok := s.diagnosticData(w, r, ws, "Synthèse du diagnostic")
	if !ok {
		return
	}
	s.diagPage(w, r, http.StatusOK, ws, "diagnostic", "Synthèse du diagnostic", nil, (*diagSummaryPrintPage)(data))
}
