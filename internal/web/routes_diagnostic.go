package web

// diagnosticRoutes registers the routes of the diagnostic (issue 3).
func (s *Server) diagnosticRoutes(ws routeFunc) {}
