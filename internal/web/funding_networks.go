package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/number"
	"boussole/internal/organisation"
	"boussole/internal/store"
)

// networksPage is the data of the networks page: the memberships with their cost and return, the form to
// add one, and the directory of resource actors.
type networksPage struct {
	May         fundingMay
	Memberships []organisation.Membership
	Membership  *organisation.Membership // the one being edited, nil on the list
	Networks    []diagOption
	Involvement []diagOption
	Returns     []diagOption
	Actors      []struct{ Name, Role string }
	KnownCost   int64
	Unknown     int
	ReturnNames []string
}

func membershipForm(m organisation.Membership) *form {
	f := newForm(nil)
	v := f.Values
	v.Set("reseau", m.Network)
	v.Set("nom", m.Name)
	v.Set("cotisation", number.CentsField(m.FeeCents))
	v.Set("deplacements", number.CentsField(m.TravelCents))
	for _, i := range m.Involvement {
		v.Add("implication", string(i))
	}
	v.Set("services", m.Services)
	v.Set("retour", strconv.Itoa(m.Return))
	v.Set("appreciation", m.Assessment)
	v.Set("version", strconv.FormatInt(m.Version, 10))
	return f
}

func readMembership(f *form) organisation.Membership {
	m := organisation.Membership{Network: f.Get("reseau"), Name: cleanLine(f, "nom"), FeeCents: formCents(f, "cotisation"), TravelCents: formCents(f, "deplacements"),
		Services: cleanText(f, "services"), Assessment: cleanText(f, "appreciation"), Version: formVersion(f)}
	for _, i := range f.Values["implication"] {
		m.Involvement = append(m.Involvement, organisation.Involvement(i))
	}
	if v := f.Get("retour"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = -1
		}
		m.Return = n
	}
	for _, e := range m.Validate() {
		f.Fail(e.Field, e.Message)
	}
	return m
}

func (s *Server) renderNetworks(w http.ResponseWriter, r *http.Request, ws *workspace, status int, current *organisation.Membership, f *form) {
	list, err := s.store.Memberships(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := networksPage{May: mayFund(ws), Memberships: list, Membership: current, Actors: organisation.ResourceActors, ReturnNames: organisation.ReturnLabels}
	d.Networks = []diagOption{{Value: "", Label: "— Choisir un réseau —"}}
	for _, n := range organisation.Networks {
		d.Networks = append(d.Networks, diagOption{Value: n.Code, Label: n.Name})
	}
	for _, i := range organisation.Involvements {
		d.Involvement = append(d.Involvement, diagOption{Value: string(i.Code), Label: i.Label})
	}
	for i, l := range organisation.ReturnLabels {
		d.Returns = append(d.Returns, diagOption{Value: strconv.Itoa(i), Label: l})
	}
	for _, m := range list {
		if c, ok := m.YearlyCost(); ok {
			d.KnownCost += c
		} else {
			d.Unknown++
		}
	}
	title := "Réseaux et acteurs ressources"
	if current != nil {
		title = "Adhésion : " + current.Title()
	}
	v := fundingPage(r, ws, title, f)
	s.renderComponent(w, r, status, v, fundingNetworksContent(v, d))
}

func (s *Server) listNetworks(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := newForm(nil)
	f.Values.Set("retour", "0")
	s.renderNetworks(w, r, ws, http.StatusOK, nil, f)
}

func (s *Server) createMembership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	m := readMembership(f)
	if !f.OK() {
		s.renderNetworks(w, r, ws, http.StatusUnprocessableEntity, nil, f)
		return
	}
	m.AuthorityID = ws.Authority.ID
	if err := s.store.SaveMembership(r.Context(), actor(r), &m); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/financements/reseaux?ok=enregistre")
}

func (s *Server) membershipFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (organisation.Membership, bool) {
	id, ok := pathID(r, "membership")
	if !ok {
		s.notFound(w, r)
		return organisation.Membership{}, false
	}
	m, err := s.store.Membership(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return m, false
	}
	return m, true
}

func (s *Server) showMembership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	m, ok := s.membershipFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderNetworks(w, r, ws, http.StatusOK, &m, membershipForm(m))
}

func (s *Server) updateMembership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.membershipFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	m := readMembership(f)
	if !f.OK() {
		s.renderNetworks(w, r, ws, http.StatusUnprocessableEntity, &stored, f)
		return
	}
	m.ID, m.AuthorityID = stored.ID, ws.Authority.ID
	err := s.store.SaveMembership(r.Context(), actor(r), &m)
	if errors.Is(err, store.ErrConflict) {
		theirs, err := s.store.Membership(r.Context(), ws.Authority.ID, stored.ID)
		if err != nil {
			s.storeFailed(w, r, err)
			return
		}
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderNetworks(w, r, ws, http.StatusConflict, &theirs, f)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/financements/reseaux?ok=enregistre")
}

func membershipConfirm(ws *workspace, m organisation.Membership) diagConfirm {
	u := ws.Prefix() + "/financements/reseaux/" + strconv.FormatInt(m.ID, 10)
	return diagConfirm{Heading: "Retirer l'adhésion à « " + m.Title() + " » ?", What: "L'adhésion, son coût et l'appréciation de son retour seront retirés.",
		Action: u + "/suppression", Cancel: u, Version: m.Version}
}

func (s *Server) confirmDeleteMembership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	m, ok := s.membershipFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "financements", membershipConfirm(ws, m))
}

func (s *Server) deleteMembership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	m, ok := s.membershipFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	err := s.store.DeleteMembership(r.Context(), actor(r), ws.Authority.ID, m.ID, formVersion(f))
	if errors.Is(err, store.ErrConflict) {
		c := membershipConfirm(ws, m)
		c.Conflict = true
		s.renderConfirm(w, r, http.StatusConflict, ws, "financements", c)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/financements/reseaux?ok=supprime")
}
