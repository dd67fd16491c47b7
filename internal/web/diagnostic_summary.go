package web

import (
	"errors"
	"net/http"

	"boussole/internal/diagnostic"
	"boussole/internal/figure/worldmap"
)

// diagnosticData gathers what the summary page and its printable view show.
func (s *Server) diagnosticData(w http.ResponseWriter, r *http.Request, ws *workspace, title string) (*diagSummaryPage, bool) {
	st, ok := s.diagStrategy(w, r, ws, "diagnostic", title)
	if !ok {
		return nil, false
	}
	ctx := r.Context()
	items, err1 := s.store.SWOTItems(ctx, ws.Authority.ID, st.ID)
	partners, err2 := s.store.Partnerships(ctx, ws.Authority.ID)
	sessions, err3 := s.store.AwarenessSessions(ctx, ws.Authority.ID, st.ID)
	services, err4 := s.store.ServiceList(ctx, ws.Authority.ID)
	actors, err5 := s.store.Stakeholders(ctx, ws.Authority.ID)
	if err := errors.Join(err1, err2, err3, err4, err5); err != nil {
		s.serverError(w, r, err)
		return nil, false
	}
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
	s.diagPage(w, r, http.StatusOK, "diagnostic_summary", ws, "diagnostic", "Diagnostic", nil, data)
}

func (s *Server) showDiagnosticPrint(w http.ResponseWriter, r *http.Request, ws *workspace) {
	data, ok := s.diagnosticData(w, r, ws, "Synthèse du diagnostic")
	if !ok {
		return
	}
	s.diagPage(w, r, http.StatusOK, "diagnostic_summary_print", ws, "diagnostic", "Synthèse du diagnostic", nil, data)
}
