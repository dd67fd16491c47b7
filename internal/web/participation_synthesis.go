package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"boussole/internal/access"
	"boussole/internal/consultation"
	"boussole/internal/frfmt"
	"boussole/internal/store"
	"boussole/internal/tabular"
)

// synthesisPage is the team's synthesis of a consultation: every figure, the open answers, and the form
// for the synthesis and « ce que nous avons retenu ».
type synthesisPage struct {
	resultsPage
	AdminURL  string
	PublicURL string
	Manage    bool
	Personal  bool
	// Themes are the team's themes over the visible contributions; Untagged counts those with an open answer
	// and no theme yet.
	Themes   []consultation.ThemeCount
	Untagged int
}

// ThemeURL is the moderation queue narrowed to one theme, across its states' tabs.
func (p synthesisPage) ThemeURL(theme string) string {
	return p.AdminURL + "/moderation?etat=" + string(consultation.Published) + "&theme=" + url.QueryEscape(theme)
}

func synthesisForm(c consultation.Consultation) *form {
	f := newForm(nil)
	f.Values.Set("synthesis", c.Synthesis)
	f.Values.Set("response", c.Response)
	if c.ResultsPublic {
		f.Values.Set("results_public", "1")
	}
	f.Values.Set("version", strconv.FormatInt(c.SynthesisVersion, 10))
	return f
}

func (s *Server) showSynthesis(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderSynthesis(w, r, ws, http.StatusOK, c, synthesisForm(c))
}

func (s *Server) renderSynthesis(w http.ResponseWriter, r *http.Request, ws *workspace, status int, c consultation.Consultation, f *form) {
	list, err := s.store.AllContributions(r.Context(), ws.Authority.ID, c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := synthesisPage{resultsPage: newResultsPage(ws.Authority, c, list, false), AdminURL: s.consultationURL(ws, c.ID),
		Manage: access.Can(ws.Role, access.ManageParticipation), Personal: access.Can(ws.Role, access.ViewContributors)}
	d.Themes, d.Untagged = consultation.CountThemes(list)
	if c.ResultsPublic && c.Public() {
		d.PublicURL = publicConsultationURL(ws.Authority, c.ID) + "/resultats"
	}
	v := view{Title: "Synthèse : " + c.Title, Section: "participation", WS: ws, Form: f,
		Notice: participationNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, participationSynthesisContent(v, d))
}

// saveSynthesis saves the team's synthesis and response, and whether the results are public.
func (s *Server) saveSynthesis(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	c := stored
	c.Synthesis, c.Response, c.ResultsPublic = f.Get("synthesis"), f.Get("response"), f.Get("results_public") != ""
	c.SynthesisVersion, _ = strconv.ParseInt(f.Get("version"), 10, 64)
	for _, field := range []string{"synthesis", "response"} {
		if utf8.RuneCountInString(f.Get(field)) > consultation.MaxSummary {
			f.Fail(field, "Ce texte est trop long : "+strconv.Itoa(consultation.MaxSummary)+" caractères au plus.")
		}
	}
	if c.ResultsPublic && !stored.Public() {
		f.Fail("results_public", "Une consultation en brouillon n'a pas de page publique : ouvrez-la avant d'en publier les résultats.")
	}
	if !f.OK() {
		s.renderSynthesis(w, r, ws, http.StatusUnprocessableEntity, stored, f)
		return
	}
	err := s.store.SaveSynthesis(r.Context(), actor(r), &c)
	if errors.Is(err, store.ErrConflict) {
		theirs, err := s.store.Consultation(r.Context(), ws.Authority.ID, c.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		f.Top = "Quelqu'un a modifié la synthèse pendant que vous l'écriviez ; la voici telle qu'enregistrée : « " + theirs.Synthesis +
			" ». Reportez vos changements puis enregistrez."
		f.Values.Set("version", strconv.FormatInt(theirs.SynthesisVersion, 10))
		s.renderSynthesis(w, r, ws, http.StatusConflict, stored, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, s.consultationURL(ws, c.ID)+"/synthese?ok=synthese")
}

// exportContributions writes the contributions as CSV, or as XLSX: the answers always, the pseudonym and
// email only for a role that may see them (the RGPD notice says who reads them).
func (s *Server) exportContributions(xlsx bool) workspaceHandler {
	return func(w http.ResponseWriter, r *http.Request, ws *workspace) {
		c, ok := s.consultationFromPath(w, r, ws)
		if !ok {
			return
		}
		list, err := s.store.AllContributions(r.Context(), ws.Authority.ID, c.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		header, rows := contributionTable(c, list, access.Can(ws.Role, access.ViewContributors))
		name := "contributions-" + strconv.FormatInt(c.ID, 10)
		if xlsx {
			w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.xlsx"`)
			_ = tabular.WriteXLSX(w, "Contributions", header, rows)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
		_ = tabular.WriteCSV(w, header, rows)
	}
}

// contributionTable lays the contributions out as a table, one line each.
func contributionTable(c consultation.Consultation, list []consultation.Contribution, personal bool) ([]string, [][]string) {
	header := []string{"Numéro", "Reçue le", "Modération", "Raison du masquage", "Catégorie", "Commune", "Tranche d'âge"}
	if personal {
		header = append(header, "Pseudonyme", "Adresse électronique", "Usage de l'adresse")
	}
	for _, q := range c.Questions {
		header = append(header, q.Prompt)
	}
	rows := make([][]string, 0, len(list))
	for _, k := range list {
		age := ""
		if k.Age != "" {
			age = k.Age.Label()
		}
		row := []string{strconv.FormatInt(k.ID, 10), frfmt.DateTime(k.CreatedAt), k.State.Label(), k.HiddenReason, k.Category.Label(), k.Commune, age}
		if personal {
			row = append(row, k.Pseudonym, k.Email, string(k.EmailUse))
		}
		for _, q := range c.Questions {
			a, _ := k.Answer(q.ID)
			row = append(row, strings.TrimSpace(a.Text+" "+joinChoices(q.Kind, a.Choices)))
		}
		rows = append(rows, row)
	}
	return header, rows
}

// exportRegister writes the consultation's entry for the register of processing activities as CSV.
func (s *Server) exportRegister(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	p, err := s.store.PublicProfile(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var rows [][]string
	for _, row := range consultation.RegisterEntry(p.Controller(ws.Authority.Name), c) {
		rows = append(rows, []string{row.Label, row.Value})
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="registre-traitement-consultation-`+strconv.FormatInt(c.ID, 10)+`.csv"`)
	_ = tabular.WriteCSV(w, []string{"Rubrique", "Contenu"}, rows)
}
