package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/organisation"
	"boussole/internal/store"
)

// organisationPage is the data of the organisation page: the guide's table of attachments, the choice
// recorded and what the guide still advises.
type organisationPage struct {
	May     fundingMay
	Models  []organisation.Model
	Source  string
	Choice  organisation.Choice
	Options []diagOption
	Advice  []string
}

func organisationForm(c organisation.Choice) *form {
	f := newForm(nil)
	f.Values.Set("rattachement", string(c.Attachment))
	f.Values.Set("raison", c.Reason)
	f.Values.Set("referents", strings.Join(c.Referents, "\n"))
	if c.TaskForce {
		f.Values.Set("mode_projet", "1")
	}
	if c.JobDescriptions {
		f.Values.Set("fiches_de_poste", "1")
	}
	f.Values.Set("version", strconv.FormatInt(c.Version, 10))
	return f
}

func (s *Server) renderOrganisation(w http.ResponseWriter, r *http.Request, ws *workspace, status int, c organisation.Choice, f *form) {
	d := organisationPage{May: mayFund(ws), Models: organisation.Models(), Source: organisation.Source, Choice: c, Advice: c.Advice()}
	for _, m := range d.Models {
		d.Options = append(d.Options, diagOption{Value: string(m.Attachment), Label: m.Label})
	}
	v := fundingPage(r, ws, "Organisation des services", f)
	s.renderComponent(w, r, status, v, fundingOrganisationContent(v, d))
}

func (s *Server) showOrganisation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, err := s.store.OrganisationChoice(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderOrganisation(w, r, ws, http.StatusOK, c, organisationForm(c))
}

func (s *Server) saveOrganisation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, err := s.store.OrganisationChoice(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := parseForm(w, r)
	c := organisation.Choice{AuthorityID: ws.Authority.ID, Attachment: organisation.Attachment(f.Get("rattachement")), Reason: cleanText(f, "raison"),
		Referents: diagLines(f.Get("referents")), TaskForce: f.Get("mode_projet") != "", JobDescriptions: f.Get("fiches_de_poste") != "", Version: formVersion(f)}
	for _, e := range c.Validate() {
		f.Fail(e.Field, e.Message)
	}
	if !f.OK() {
		s.renderOrganisation(w, r, ws, http.StatusUnprocessableEntity, stored, f)
		return
	}
	err = s.store.SaveOrganisationChoice(r.Context(), actor(r), &c)
	if errors.Is(err, store.ErrConflict) {
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(stored.Version, 10))
		s.renderOrganisation(w, r, ws, http.StatusConflict, stored, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/financements/organisation?ok=enregistre")
}
