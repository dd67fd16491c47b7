package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/funding"
	"boussole/internal/number"
	"boussole/internal/store"
)

// fundingAdminRoutes registers the catalogue's edit pages, for the platform administrator only: the
// catalogue belongs to the platform, not to one authority.
func (s *Server) fundingAdminRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /administration/catalogue/{code}", s.requireUser(s.showEditProgramme))
	mux.HandleFunc("POST /administration/catalogue/{code}", s.requireUser(s.saveProgramme))
	mux.HandleFunc("GET /administration/appels", s.requireUser(s.showPlatformCalls))
	mux.HandleFunc("POST /administration/appels", s.requireUser(s.createPlatformCall))
	mux.HandleFunc("POST /administration/appels/{call}/suppression", s.requireUser(s.deletePlatformCall))
}

// ruleInput is one rule's fields in the edit form.
type ruleInput struct {
	funding.RuleField
	Range bool // a range (the success rate): a second value for its top
}

// programmeEditPage is the data of the catalogue's edit page.
type programmeEditPage struct {
	Programme   funding.Programme
	Rules       []ruleInput
	Levels      []diagOption
	Orientation []diagOption
	Themes      []diagOption
}

func programmeForm(p funding.Programme) *form {
	f := newForm(nil)
	v := f.Values
	v.Set("name", p.Name)
	v.Set("funder", p.Funder)
	v.Set("level", string(p.Level))
	v.Set("orientation", string(p.Orientation))
	v.Set("notes", p.Notes)
	v.Set("countries_note", p.CountriesNote)
	if p.Retired {
		v.Set("retired", "1")
	}
	for _, t := range p.Themes {
		v.Add("theme", string(t))
	}
	for _, rf := range funding.RuleFields {
		r := *rf.Get(&p.Rules)
		v.Set(rf.Key, ruleField(rf, r.Value))
		v.Set(rf.Key+"_high", ruleField(rf, r.High))
		v.Set(rf.Key+"_source", r.Source)
		if r.ToVerify {
			v.Set(rf.Key+"_verify", "1")
		}
	}
	v.Set("version", strconv.FormatInt(p.Version, 10))
	return f
}

// ruleField writes a rule's value into its field: euros for amounts, whole numbers otherwise.
func ruleField(rf funding.RuleField, v *int64) string {
	if v == nil {
		return ""
	}
	if rf.Unit == "€" {
		return number.CentsField(v)
	}
	return strconv.FormatInt(*v, 10)
}

// readRuleValue reads one value of a rule; empty is unknown.
func readRuleValue(f *form, rf funding.RuleField, name string) *int64 {
	if rf.Unit == "€" {
		return formCents(f, name)
	}
	n, ok := formWhole(f, name, 0, 1000, "Indiquez un nombre entier entre 0 et 1 000.")
	if !ok {
		return nil
	}
	v := int64(n)
	return &v
}

func readProgramme(f *form, stored funding.Programme) funding.Programme {
	p := stored
	p.Name, p.Funder, p.Notes, p.CountriesNote = cleanLine(f, "name"), cleanLine(f, "funder"), cleanText(f, "notes"), cleanText(f, "countries_note")
	p.Level, p.Orientation, p.Retired = funding.Level(f.Get("level")), funding.Orientation(f.Get("orientation")), f.Get("retired") != ""
	p.Themes = nil
	for _, t := range f.Values["theme"] {
		p.Themes = append(p.Themes, funding.Theme(t))
	}
	for _, rf := range funding.RuleFields {
		r := rf.Get(&p.Rules)
		r.Value, r.High = readRuleValue(f, rf, rf.Key), readRuleValue(f, rf, rf.Key+"_high")
		r.Source, r.ToVerify = cleanText(f, rf.Key+"_source"), f.Get(rf.Key+"_verify") != ""
	}
	for _, e := range p.Validate() {
		f.Fail(e.Field, e.Message)
	}
	p.Version = formVersion(f)
	return p
}

func (s *Server) renderProgrammeEdit(w http.ResponseWriter, r *http.Request, status int, p funding.Programme, f *form) {
	d := programmeEditPage{Programme: p, Themes: themeOptions()}
	for _, rf := range funding.RuleFields {
		d.Rules = append(d.Rules, ruleInput{RuleField: rf, Range: rf.Key == "success"})
	}
	for _, l := range funding.Levels {
		d.Levels = append(d.Levels, diagOption{Value: string(l), Label: l.Label()})
	}
	for _, o := range funding.Orientations {
		d.Orientation = append(d.Orientation, diagOption{Value: string(o), Label: o.Label()})
	}
	v := view{Title: "Modifier « " + p.Name + " »", Form: f, Notice: fundingNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, fundingAdminProgrammeContent(v, d))
}

// adminProgramme loads the programme of the path for the platform administrator; anyone else gets a 404.
func (s *Server) adminProgramme(w http.ResponseWriter, r *http.Request) (funding.Programme, bool) {
	if !currentUser(r).PlatformAdmin {
		s.notFound(w, r)
		return funding.Programme{}, false
	}
	c, err := s.store.FundingCatalogue(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return funding.Programme{}, false
	}
	p, ok := c.Programme(r.PathValue("code"))
	if !ok {
		s.notFound(w, r)
	}
	return p, ok
}

func (s *Server) showEditProgramme(w http.ResponseWriter, r *http.Request) {
	p, ok := s.adminProgramme(w, r)
	if !ok {
		return
	}
	s.renderProgrammeEdit(w, r, http.StatusOK, p, programmeForm(p))
}

func (s *Server) saveProgramme(w http.ResponseWriter, r *http.Request) {
	stored, ok := s.adminProgramme(w, r)
	if !ok {
		return
	}
	f := parseForm(w, r)
	p := readProgramme(f, stored)
	if !f.OK() {
		s.renderProgrammeEdit(w, r, http.StatusUnprocessableEntity, stored, f)
		return
	}
	err := s.store.SaveProgramme(r.Context(), actor(r), &p)
	if errors.Is(err, store.ErrConflict) {
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(stored.Version, 10))
		s.renderProgrammeEdit(w, r, http.StatusConflict, stored, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/administration/catalogue/"+p.Code+"?ok=enregistre")
}
