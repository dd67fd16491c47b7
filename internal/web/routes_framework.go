package web

import (
	"net/http"

	"boussole/internal/model"
)

// frameworkRoutes registers the routes of the strategy's key elements, priorities, ODD, logical
// framework, indicators, risks and check (issue 5).
func (s *Server) frameworkRoutes(ws routeFunc) {}

// frameworkHome returns what the strategy's home page shows of the framework check (template "home-framework").
func (s *Server) frameworkHome(r *http.Request, ws *workspace, st model.Strategy) any { return nil }
