package web

import (
	"net/http"
	"strings"

	"boussole/internal/access"
)

// apiDocPage is the human page of the API, rendered by the server from the same table as the
// description.
type apiDocPage struct {
	BaseURL    string
	Operations []apiDocOperation
}

type apiDocOperation struct {
	Method, Path, Summary, ID string
	Roles                     []string // the roles whose token may call it
	Writes                    bool     // needs a read-write token
	List                      bool
	Versioned                 bool
}

func (s *Server) showAPIDocumentation(w http.ResponseWriter, r *http.Request) {
	p := apiDocPage{BaseURL: s.cfg.BaseURL + apiPrefix}
	for _, rt := range s.apiRoutes() {
		op := apiDocOperation{Method: rt.Method, Path: rt.Path, Summary: rt.Summary, ID: rt.ID, Writes: access.Writes(rt.Action), List: rt.List, Versioned: rt.Versioned}
		for _, role := range access.MemberRoles {
			if access.Can(role, rt.Action) {
				op.Roles = append(op.Roles, strings.ToLower(role.Label()))
			}
		}
		p.Operations = append(p.Operations, op)
	}
	v := view{Title: "API de Boussole"}
	s.renderComponent(w, r, http.StatusOK, v, accountAPIDocsContent(v, p))
}
