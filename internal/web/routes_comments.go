package web

import "boussole/internal/access"

// commentRoutes registers the comments on the strategy's elements (issue 9), the list of comments and the
// notifications of mentions. Routes check the family of action; each handler then checks, with the
// comment package, that the role may read the element itself (partners never reach the stakeholder map).
func (s *Server) commentRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/commentaires", access.ReadComments, s.listComments)
	ws("POST /ct/{slug}/commentaires", access.Comment, s.createComment)
	ws("GET /ct/{slug}/commentaires/{kind}/{element}", access.ReadComments, s.showThread)
	ws("GET /ct/{slug}/commentaires/{comment}/modifier", access.Comment, s.showEditComment)
	ws("POST /ct/{slug}/commentaires/{comment}/modifier", access.Comment, s.updateComment)
	ws("GET /ct/{slug}/commentaires/{comment}/suppression", access.Comment, s.confirmDeleteComment)
	ws("POST /ct/{slug}/commentaires/{comment}/suppression", access.Comment, s.deleteComment)
	ws("POST /ct/{slug}/commentaires/{comment}/etat", access.Comment, s.setCommentState)
	ws("GET /ct/{slug}/notifications", access.ViewWorkspace, s.listNotifications)
	ws("POST /ct/{slug}/notifications/lues", access.ViewWorkspace, s.markNotificationsRead)
}
