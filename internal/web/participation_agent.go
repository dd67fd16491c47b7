package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"boussole/internal/access"
	"boussole/internal/consultation"
	"boussole/internal/publicpage"
	"boussole/internal/store"
)

// participationHome is the « Participation » section: the consultations and the public page's settings.
type participationHome struct {
	Items      []consultationItem
	Profile    publicpage.Profile
	PublicURL  string
	Categories []consultation.Category
	Internal   bool // the viewer may read what is not public (drafts, contributions)
	Manage     bool
}

// consultationItem is a consultation in the section's list.
type consultationItem struct {
	C     consultation.Consultation
	Phase consultation.Phase
	Count int
	URL   string
}

func (s *Server) participationPrefix(ws *workspace) string { return ws.Prefix() + "/participation" }

func (s *Server) consultationURL(ws *workspace, id int64) string {
	return s.participationPrefix(ws) + "/consultations/" + strconv.FormatInt(id, 10)
}

// newConsultationForm is the create form, with the retention the guide's RGPD advice suggests.
func newConsultationForm() *form {
	f := newForm(nil)
	f.Values.Set("retention", strconv.Itoa(consultation.DefaultRetentionMonths))
	return f
}

// showParticipation lists the consultations; a role that may not read internal content sees only what
// the public sees, the public page's link among it.
func (s *Server) showParticipation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderParticipation(w, r, ws, http.StatusOK, newConsultationForm())
}

func (s *Server) renderParticipation(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	list, err := s.store.Consultations(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	counts, err := s.store.ContributionCounts(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p, err := s.store.PublicProfile(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := participationHome{Profile: p, Categories: consultation.Categories, Internal: access.Can(ws.Role, access.ViewInternal),
		Manage: access.Can(ws.Role, access.ManageParticipation)}
	if p.Published {
		d.PublicURL = "/public/" + ws.Authority.Slug
	}
	now := time.Now()
	for _, c := range list {
		if !d.Internal && !c.Public() {
			continue
		}
		it := consultationItem{C: c, Phase: c.Phase(now), Count: counts[c.ID], URL: s.consultationURL(ws, c.ID)}
		if !d.Internal {
			it.URL = publicConsultationURL(ws.Authority, c.ID)
		}
		d.Items = append(d.Items, it)
	}
	v := view{Title: "Participation", Section: "participation", WS: ws, Form: f}
	s.renderComponent(w, r, status, v, participationHomeContent(v, d))
}

// readConsultationFields reads the definition of a consultation from its form.
func readConsultationFields(f *form, c *consultation.Consultation) {
	c.Title, c.Context = f.Get("title"), f.Get("context")
	var ok bool
	if c.OpensOn, ok = parseDate(f.Get("opens_on")); !ok {
		f.Fail("opens_on", "Saisissez une date valide, par exemple 15/01/2027.")
	}
	if c.ClosesOn, ok = parseDate(f.Get("closes_on")); !ok {
		f.Fail("closes_on", "Saisissez une date valide, par exemple 15/03/2027.")
	}
	n, err := strconv.Atoi(f.Get("retention"))
	if err != nil && f.Get("retention") != "" {
		f.Fail("retention", "Indiquez un nombre de mois, par exemple 12.")
	}
	c.RetentionMonths = n
	c.Categories = nil
	for _, v := range f.Checked("categories") {
		c.Categories = append(c.Categories, consultation.Category(v))
	}
	c.AskCommune, c.AskAge = f.Get("ask_commune") != "", f.Get("ask_age") != ""
	c.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
	for field, msg := range c.Check() {
		f.Fail(field, msg)
	}
}

func consultationForm(c consultation.Consultation) *form {
	f := newForm(nil)
	f.Values.Set("title", c.Title)
	f.Values.Set("context", c.Context)
	f.Values.Set("opens_on", isoDate(c.OpensOn))
	f.Values.Set("closes_on", isoDate(c.ClosesOn))
	f.Values.Set("retention", strconv.Itoa(c.RetentionMonths))
	for _, k := range c.Categories {
		f.Values.Add("categories", string(k))
	}
	if c.AskCommune {
		f.Values.Set("ask_commune", "1")
	}
	if c.AskAge {
		f.Values.Set("ask_age", "1")
	}
	f.Values.Set("version", strconv.FormatInt(c.Version, 10))
	return f
}

// createConsultation records a new consultation as a draft and opens its page, where questions are added.
func (s *Server) createConsultation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	c := consultation.Consultation{AuthorityID: ws.Authority.ID}
	readConsultationFields(f, &c)
	if !f.OK() {
		s.renderParticipation(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	if err := s.store.CreateConsultation(r.Context(), actor(r), &c); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.consultationURL(ws, c.ID)+"?ok=consultation")
}

// publicProfilePage is the form of the public page's settings.
type publicProfilePage struct {
	Profile   publicpage.Profile
	PublicURL string
	Missing   []string // what the RGPD notice lacks
}

func profileForm(p publicpage.Profile) *form {
	f := newForm(nil)
	for name, on := range map[string]bool{"published": p.Published, "show_key_elements": p.ShowKeyElements, "show_objectives": p.ShowObjectives,
		"show_priorities": p.ShowPriorities, "show_adoption": p.ShowAdoption, "show_calendar": p.ShowCalendar,
		"show_partnerships": p.ShowPartnerships, "show_projects": p.ShowProjects} {
		if on {
			f.Values.Set(name, "1")
		}
	}
	f.Values.Set("intro", p.Intro)
	f.Values.Set("address", p.Address)
	f.Values.Set("contact", p.Contact)
	f.Values.Set("dpo", p.DPO)
	f.Values.Set("siret", p.SIRET)
	f.Values.Set("version", strconv.FormatInt(p.Version, 10))
	return f
}

func (s *Server) showPublicProfile(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, err := s.store.PublicProfile(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderPublicProfile(w, r, ws, http.StatusOK, p, profileForm(p))
}

func (s *Server) renderPublicProfile(w http.ResponseWriter, r *http.Request, ws *workspace, status int, p publicpage.Profile, f *form) {
	d := publicProfilePage{Profile: p, PublicURL: "/public/" + ws.Authority.Slug, Missing: p.Controller(ws.Authority.Name).Missing()}
	v := view{Title: "Page publique", Section: "participation", WS: ws, Form: f}
	s.renderComponent(w, r, status, v, participationProfileContent(v, d))
}

// savePublicProfile saves what the public page shows.
func (s *Server) savePublicProfile(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, err := s.store.PublicProfile(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := parseForm(w, r)
	p := publicpage.Profile{AuthorityID: ws.Authority.ID, Published: f.Get("published") != "", Intro: f.Get("intro"), Address: f.Get("address"),
		Contact: f.Get("contact"), DPO: f.Get("dpo"), ShowKeyElements: f.Get("show_key_elements") != "", ShowObjectives: f.Get("show_objectives") != "",
		ShowPriorities: f.Get("show_priorities") != "", ShowAdoption: f.Get("show_adoption") != "", ShowCalendar: f.Get("show_calendar") != "",
		ShowPartnerships: f.Get("show_partnerships") != "", ShowProjects: f.Get("show_projects") != "",
		SIRET: strings.Join(strings.Fields(f.Get("siret")), "")}
	p.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
	for field, msg := range p.Check() {
		f.Fail(field, msg)
	}
	if !f.OK() {
		s.renderPublicProfile(w, r, ws, http.StatusUnprocessableEntity, stored, f)
		return
	}
	err = s.store.SavePublicProfile(r.Context(), actor(r), &p)
	if errors.Is(err, store.ErrConflict) {
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(stored.Version, 10))
		s.renderPublicProfile(w, r, ws, http.StatusConflict, stored, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.participationPrefix(ws)+"/page-publique?ok=enregistre")
}
