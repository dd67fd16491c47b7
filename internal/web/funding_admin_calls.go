package web

import (
	"net/http"
	"strconv"

	"boussole/internal/funding"
)

// platformCallsPage is the platform administrator's list of the calls every authority sees.
type platformCallsPage struct {
	Calls      []funding.Call
	Names      map[string]string // programme code → name
	Programmes []funding.Programme
}

// NameOf is a programme's name, or its code once removed from the catalogue.
func (p platformCallsPage) NameOf(code string) string {
	if n, ok := p.Names[code]; ok {
		return n
	}
	return code
}

func (s *Server) showPlatformCalls(w http.ResponseWriter, r *http.Request) {
	s.renderPlatformCalls(w, r, http.StatusOK, newForm(nil))
}

func (s *Server) renderPlatformCalls(w http.ResponseWriter, r *http.Request, status int, f *form) {
	if !currentUser(r).PlatformAdmin {
		s.notFound(w, r)
		return
	}
	cat, err := s.store.FundingCatalogue(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	calls, err := s.store.PlatformCalls(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := platformCallsPage{Calls: calls, Names: map[string]string{}, Programmes: cat.Active()}
	for _, p := range cat.All() {
		d.Names[p.Code] = p.Name
	}
	v := view{Title: "Appels à projets de la plateforme", Form: f, Notice: fundingNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, platformCallsContent(v, d))
}

func (s *Server) createPlatformCall(w http.ResponseWriter, r *http.Request) {
	if !currentUser(r).PlatformAdmin {
		s.notFound(w, r)
		return
	}
	f := parseForm(w, r)
	c, err := s.readCall(r, f, 0)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !f.OK() {
		s.renderPlatformCalls(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	if err := s.store.CreateCall(r.Context(), actor(r), &c); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/administration/appels?ok=appel")
}

func (s *Server) deletePlatformCall(w http.ResponseWriter, r *http.Request) {
	if !currentUser(r).PlatformAdmin {
		s.notFound(w, r)
		return
	}
	parseForm(w, r)
	id, err := strconv.ParseInt(r.PathValue("call"), 10, 64)
	if err != nil {
		s.notFound(w, r)
		return
	}
	if err := s.store.DeletePlatformCall(r.Context(), actor(r), id); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, "/administration/appels?ok=supprime")
}
