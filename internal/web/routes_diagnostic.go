package web

import (
	"net/http"

	"boussole/internal/model"
)

// diagnosticRoutes registers the routes of the diagnostic (issue 3): argument, awareness sessions,
// principles, SWOT, partnerships.
func (s *Server) diagnosticRoutes(ws routeFunc) {}

// diagnosticHome returns what the strategy's home page shows of the diagnostic (template "home-diagnostic").
func (s *Server) diagnosticHome(r *http.Request, ws *workspace, st model.Strategy) any { return nil }
