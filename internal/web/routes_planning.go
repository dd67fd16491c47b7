package web

// planningRoutes registers the routes of planning (issue 6).
func (s *Server) planningRoutes(ws routeFunc) {}
