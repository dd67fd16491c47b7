package web

// stakeholderRoutes registers the routes of the stakeholder map (issue 4).
func (s *Server) stakeholderRoutes(ws routeFunc) {}
