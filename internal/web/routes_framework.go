package web

// frameworkRoutes registers the routes of the strategy's key elements, priorities, ODD, logical framework, indicators, risks and check (issue 5).
func (s *Server) frameworkRoutes(ws routeFunc) {}
