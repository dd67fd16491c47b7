package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/consortium"
	"boussole/internal/number"
	"boussole/internal/refdata/country"
	"boussole/internal/store"
)

// consortiumsPage lists the joint projects the authority leads, belongs to or is invited to.
type consortiumsPage struct {
	List []consortiumRow
}

type consortiumRow struct {
	C       consortium.Consortium
	URL     string
	Status  consortium.Status
	Lead    bool
	Country string
}

func (s *Server) listConsortiums(w http.ResponseWriter, r *http.Request, ws *workspace) {
	list, err := s.store.ConsortiumsOf(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var p consortiumsPage
	for _, c := range list {
		st, _ := c.Role(ws.Authority.ID)
		p.List = append(p.List, consortiumRow{C: c, URL: ws.Prefix() + "/consortiums/" + strconv.FormatInt(c.ID, 10), Status: st,
			Lead: c.LeadID == ws.Authority.ID, Country: country.Name(c.Country)})
	}
	v := view{Title: "Projets communs", WS: ws, Section: "bibliotheque"}
	s.renderComponent(w, r, http.StatusOK, v, consortiumListContent(v, p))
}

// proposalPage is the form that proposes a joint project and invites peers.
type proposalPage struct {
	Peers     []consortium.Participant
	Invited   map[int64]bool
	Countries []option
}

// proposalPeers bounds the invitation list: the peers working in the chosen country come first.
const proposalPeers = 200

func (s *Server) showProposeConsortium(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := newForm(nil)
	f.Values.Set("country", strings.ToUpper(r.URL.Query().Get("pays")))
	f.Values.Set("theme", r.URL.Query().Get("theme"))
	s.renderProposal(w, r, ws, http.StatusOK, f)
}

func (s *Server) renderProposal(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	peers, err := s.store.SharingAuthorities(r.Context(), ws.Authority.ID, f.Get("country"), proposalPeers)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := proposalPage{Peers: peers, Invited: map[int64]bool{}}
	for _, v := range f.Values["invite"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			p.Invited[id] = true
		}
	}
	for _, c := range country.All() {
		p.Countries = append(p.Countries, option{c.Alpha2, c.Name})
	}
	v := view{Title: "Proposer un projet commun", WS: ws, Section: "bibliotheque", Form: f}
	s.renderComponent(w, r, status, v, consortiumNewContent(v, p))
}

func (s *Server) proposeConsortium(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	c := consortium.Consortium{LeadID: ws.Authority.ID, Title: f.Get("title"), Description: f.Get("description"), Theme: f.Get("theme")}
	if code := strings.ToUpper(f.Get("country")); code != "" {
		if _, ok := country.ByCode(code); !ok {
			f.Fail("country", "Choisissez un pays de la liste, ou aucun.")
		}
		c.Country = code
	}
	var invited []int64
	for _, v := range f.Values["invite"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			f.Fail("invite", "Une collectivité cochée est inconnue : rechargez la page.")
			continue
		}
		invited = append(invited, id)
	}
	f.FailFields(consortium.CheckProposal(c, invited), nil)
	if !f.OK() {
		s.renderProposal(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	err := s.store.CreateConsortium(r.Context(), actor(r), &c, invited)
	if errors.Is(err, store.ErrNotFound) {
		f.Fail("invite", "Une collectivité cochée n'existe plus sur la plateforme : rechargez la page.")
		s.renderProposal(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/consortiums/"+strconv.FormatInt(c.ID, 10)+"?ok=consortium")
}

// consortiumPage is a joint project's shared space, as one of its authorities reads it.
type consortiumPage struct {
	C        consortium.Consortium
	Country  string
	Status   consortium.Status // the viewing authority's
	Own      consortium.Participant
	Total    int64
	Complete bool
	URL      string
}

func (s *Server) consortiumFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (consortium.Consortium, bool) {
	id, ok := pathID(r, "consortium")
	if !ok {
		s.notFound(w, r)
		return consortium.Consortium{}, false
	}
	c, err := s.store.ConsortiumFor(r.Context(), ws.Authority.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return c, false
	}
	if err != nil {
		s.serverError(w, r, err)
		return c, false
	}
	return c, true
}

func (s *Server) showConsortium(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderConsortium(w, r, ws, http.StatusOK, newForm(nil))
}

func (s *Server) renderConsortium(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	c, ok := s.consortiumFromPath(w, r, ws)
	if !ok {
		return
	}
	p := consortiumPage{C: c, Country: country.Name(c.Country), URL: ws.Prefix() + "/consortiums/" + strconv.FormatInt(c.ID, 10)}
	p.Status, _ = c.Role(ws.Authority.ID)
	for _, m := range c.Members {
		if m.AuthorityID == ws.Authority.ID {
			p.Own = m
		}
	}
	p.Total, p.Complete = c.Total()
	if r.Method == http.MethodGet && p.Own.ShareCents != nil {
		f.Values.Set("share", number.CentsField(p.Own.ShareCents))
		f.Values.Set("share_note", p.Own.ShareNote)
	}
	v := view{Title: c.Title, WS: ws, Section: "bibliotheque", Form: f}
	s.renderComponent(w, r, status, v, consortiumContent(v, p))
}

func (s *Server) answerConsortium(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	c, ok := s.consortiumFromPath(w, r, ws)
	if !ok {
		return
	}
	accept := f.Get("answer") == "oui"
	if err := s.store.AnswerConsortium(r.Context(), actor(r), ws.Authority.ID, c.ID, accept); err != nil && !errors.Is(err, store.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	if !accept {
		redirect(w, r, ws.Prefix()+"/consortiums?ok=consortium-decline")
		return
	}
	redirect(w, r, ws.Prefix()+"/consortiums/"+strconv.FormatInt(c.ID, 10)+"?ok=consortium-rejoint")
}

func (s *Server) setConsortiumShare(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	c, ok := s.consortiumFromPath(w, r, ws)
	if !ok {
		return
	}
	cents := formCents(f, "share")
	f.FailFields(consortium.CheckShare(cents, f.Get("share_note")), nil)
	if f.OK() {
		err := s.store.SetConsortiumShare(r.Context(), actor(r), ws.Authority.ID, c.ID, cents, f.Get("share_note"))
		if err == nil {
			redirect(w, r, ws.Prefix()+"/consortiums/"+strconv.FormatInt(c.ID, 10)+"?ok=enregistre")
			return
		}
		if !errors.Is(err, store.ErrNotFound) {
			s.serverError(w, r, err)
			return
		}
		f.Fail("share", "Seule une collectivité membre du projet indique sa part : acceptez d'abord l'invitation.")
	}
	s.renderConsortium(w, r, ws, http.StatusUnprocessableEntity, f)
}

func (s *Server) addConsortiumEvent(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	c, ok := s.consortiumFromPath(w, r, ws)
	if !ok {
		return
	}
	e := consortium.Event{Title: f.Get("event_title"), On: formPartialDate(f, "event_on")}
	f.FailFields(consortium.CheckEvent(e), nil)
	if f.OK() {
		err := s.store.AddConsortiumEvent(r.Context(), actor(r), ws.Authority.ID, c.ID, &e)
		if err == nil {
			redirect(w, r, ws.Prefix()+"/consortiums/"+strconv.FormatInt(c.ID, 10)+"?ok=enregistre#calendrier")
			return
		}
		if !errors.Is(err, store.ErrNotFound) {
			s.serverError(w, r, err)
			return
		}
		f.Fail("event_title", "Seule une collectivité membre du projet ajoute des dates : acceptez d'abord l'invitation.")
	}
	s.renderConsortium(w, r, ws, http.StatusUnprocessableEntity, f)
}
