package web

import "net/http"

// planningRoutes registers the routes of planning (issue 6).
func (s *Server) planningRoutes(ws routeFunc) {}

// planningPublicRoutes registers the calendar feeds read without a session.
func (s *Server) planningPublicRoutes(mux *http.ServeMux) {}
