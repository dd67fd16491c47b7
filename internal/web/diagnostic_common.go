package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/access"
	"boussole/internal/model"
	"boussole/internal/store"
)

// diagNotices are the confirmations the diagnostic pages show after a redirect (?ok=…).
var diagNotices = map[string]string{
	"enregistre": "Les modifications ont été enregistrées.",
	"ajoute":     "L'élément a été ajouté.",
	"supprime":   "L'élément a été supprimé.",
	"fusionne":   "Les deux éléments ont été fusionnés.",
	"deplace":    "L'ordre a été modifié.",
	// document-retire follows the removal of a partnership's agreement document.
	"document-retire": "Le document a été retiré ; le partenariat est conservé.",
}

// diagPage renders one of the diagnostic pages, its content in templ (the data names it), with its notice.
func (s *Server) diagPage(w http.ResponseWriter, r *http.Request, status int, ws *workspace, section, title string, f *form, data diagData) {
	data.common().CanEdit = access.Can(ws.Role, access.EditContent)
	v := view{Title: title, Section: section, WS: ws, Form: f, Notice: diagNotices[r.URL.Query().Get("ok")], Data: data}
	s.renderComponent(w, r, status, v, data.content(v))
}

// diagInternal reports whether the viewer may see the diagnostic's working content; for someone who may
// not (an outside partner), it shows the section's purpose and says the content is internal.
func (s *Server) diagInternal(w http.ResponseWriter, r *http.Request, ws *workspace, section, title string) bool {
	if access.Can(ws.Role, access.ViewInternal) {
		return true
	}
	for _, sec := range sections {
		if sec.Slug == section {
			s.diagPage(w, r, http.StatusOK, ws, section, title, nil, &diagRestrictedPage{Section: sec})
		}
	}
	return false
}

// diagStrategy returns the strategy the diagnostic pages work on. With none, it shows an empty state that
// says where to start and reports false.
func (s *Server) diagStrategy(w http.ResponseWriter, r *http.Request, ws *workspace, section, title string) (model.Strategy, bool) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.storeFailed(w, r, err)
		return model.Strategy{}, false
	}
	if !ok {
		s.diagPage(w, r, http.StatusOK, ws, section, title, nil, &diagNoStrategyPage{
			CanCreate: access.Can(ws.Role, access.ManageStrategy)})
		return st, false
	}
	return st, true
}

// diagLines splits a textarea into its non-blank lines.
func diagLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// diagVersion reads the hidden version field.
func diagVersion(f *form) int64 {
	v, _ := strconv.ParseInt(f.Get("version"), 10, 64)
	return v
}

// diagStoreError answers a failed write that is not an edit conflict: 404 for a record that is gone or
// belongs to another authority, 500 otherwise. It reports whether it answered.
func (s *Server) diagStoreError(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	default:
		s.serverError(w, r, err)
	}
	return true
}

// diagConfirm is the data of the confirmation page shown before any deletion of the diagnostic.
type diagConfirm struct {
	Heading  string
	What     string   // what will be deleted, in a sentence
	Refs     []string // what refers to the record and loses the link
	Action   string   // where the form posts
	Cancel   string
	Version  int64
	Conflict bool
}

func (s *Server) renderConfirm(w http.ResponseWriter, r *http.Request, status int, ws *workspace, section string, c diagConfirm) {
	s.diagPage(w, r, status, ws, section, c.Heading, nil, &diagConfirmPage{Confirm: c})
}
