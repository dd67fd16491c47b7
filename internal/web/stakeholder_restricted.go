package web

import (
	"net/http"

	"boussole/internal/access"
)

// stakeholderInternal reports whether the viewer may see the stakeholder map. The map names contact persons
// (personal data) and the authority's own judgement of each actor's power and interest, so it is not shared
// with partners: for them, the section's entry page says so instead (200, as the navigation links to it),
// and every other route of the map requires access.ViewInternal.
func (s *Server) stakeholderInternal(w http.ResponseWriter, r *http.Request, ws *workspace) bool {
	if access.Can(ws.Role, access.ViewInternal) {
		return true
	}
	v := view{Title: "Acteurs", WS: ws, Section: stakeholderSection}
	s.renderComponent(w, r, http.StatusOK, v, stakeholderRestrictedContent(v))
	return false
}
