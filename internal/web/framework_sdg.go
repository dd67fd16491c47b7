package web

import (
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"boussole/internal/logframe"
	"boussole/internal/refdata/sdg"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// sdgChoice is one checkbox of the ODD picker.
type sdgChoice struct {
	Code    string
	Label   string
	Checked bool
}

// sdgPickerData is the two-step ODD picker: first the goals (a plain form that reloads the page with the
// chosen goals in the query), then the targets of those goals and the authority's local targets.
type sdgPickerData struct {
	Goals   []sdgChoice // all 17; Checked when chosen or already tagged
	Targets []sdgChoice // targets of the chosen goals
	Locals  []sdgChoice
	Current []string
}

// sdgPicker prepares the picker for an element tagged with current; the query's « odd » values add goals.
func sdgPicker(r *http.Request, current []string, locals []logframe.LocalTargetRecord) sdgPickerData {
	d := sdgPickerData{Current: current}
	has := map[string]bool{}
	chosen := map[int]bool{}
	for _, c := range current {
		has[c] = true
		g, _, _ := strings.Cut(c, ".")
		if n, err := strconv.Atoi(g); err == nil {
			chosen[n] = true
		}
	}
	for _, g := range r.URL.Query()["odd"] {
		if n, err := strconv.Atoi(g); err == nil {
			chosen[n] = true
		}
	}
	for _, g := range sdg.Goals() {
		code := strconv.Itoa(g.Number)
		d.Goals = append(d.Goals, sdgChoice{Code: code, Label: "ODD " + code + " — " + g.Short, Checked: chosen[g.Number]})
		if chosen[g.Number] {
			for _, t := range sdg.TargetsOf(g.Number) {
				d.Targets = append(d.Targets, sdgChoice{Code: t.Code, Label: t.Code + " — " + t.Title, Checked: has[t.Code]})
			}
		}
	}
	for _, l := range locals {
		d.Locals = append(d.Locals, sdgChoice{Code: l.Code, Label: l.Code + " — " + l.Title, Checked: has[l.Code]})
	}
	return d
}

// taggable maps the URL's kind to the kinds that can carry ODD tags.
var taggable = map[string]logframe.Kind{
	"objectif-general": logframe.KindGeneralObjective, "objectif-specifique": logframe.KindSpecificObjective,
	"resultat": logframe.KindResult, "activite": logframe.KindActivity, "indicateur": logframe.KindIndicator,
}

// saveSDGTags replaces an element's ODD tags with the boxes ticked: goals, UN targets and local targets.
func (s *Server) saveSDGTags(w http.ResponseWriter, r *http.Request, ws *workspace) {
	kind, ok := taggable[r.PathValue("kind")]
	id, ok2 := pathID(r, "element")
	if !ok || !ok2 {
		s.notFound(w, r)
		return
	}
	f, err := s.frameworkOf(r, ws, logframe.Ref{Kind: kind, ID: id})
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	fm := parseForm(w, r)
	locals, err := s.store.LocalTargets(r.Context(), ws.Authority.ID, f.Strategy.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	known := map[string]bool{}
	for _, l := range locals {
		known[l.Code] = true
	}
	var codes []string
	for _, c := range fm.Values["code"] {
		c = strings.TrimSpace(c)
		n, err := strconv.Atoi(c)
		_, target := sdg.TargetByCode(c)
		if (err == nil && n >= 1 && n <= 17) || target || known[c] {
			codes = append(codes, c)
		}
	}
	sort.Strings(codes)
	ref := logframe.Ref{Kind: kind, ID: id}
	err = s.store.SetSDGTags(r.Context(), actor(r), ws.Authority.ID, f.Strategy.ID, ref, codes)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	back := refURL(ws, ref)
	if kind == logframe.KindGeneralObjective {
		back = ws.Prefix() + "/strategie"
	}
	redirect(w, r, back+"?ok=enregistre#odd")
}

// coverageRow is one goal of the coverage page with the elements that serve it.
type coverageRow struct {
	Goal     sdg.Goal
	Elements []coverageItem
}

type coverageItem struct {
	Label string
	Code  string
	URL   string
}

// showSDGCoverage shows which ODD the strategy serves, through which elements, and its local targets.
func (s *Server) showSDGCoverage(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "strategie")
	if !ok {
		return
	}
	s.renderCoverage(w, r, ws, f, newForm(nil), http.StatusOK)
}

func (s *Server) renderCoverage(w http.ResponseWriter, r *http.Request, ws *workspace, f strategy.Framework, fm *form, status int) {
	v := sdgPage{frameworkView: newFrameworkView(f)}
	locals, err := s.store.LocalTargets(r.Context(), ws.Authority.ID, f.Strategy.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	localTarget := map[string]string{}
	for _, l := range locals {
		localTarget[l.Code] = l.UNTarget
	}
	rows := make([]coverageRow, 0, 17)
	for _, g := range sdg.Goals() {
		row := coverageRow{Goal: g}
		for _, t := range f.Tags {
			code := t.Code
			if un, ok := localTarget[code]; ok {
				code = un
			}
			goal, _, _ := strings.Cut(code, ".")
			if goal != strconv.Itoa(g.Number) {
				continue
			}
			label := capitalise(t.Element.Kind.Noun())
			if n := v.Numbers.Of(t.Element); n != "" {
				label += " " + n
			}
			row.Elements = append(row.Elements, coverageItem{Label: label + " — " + elementTitle(f, t.Element), Code: t.Code, URL: refURL(ws, t.Element)})
		}
		rows = append(rows, row)
	}
	served := 0
	for _, row := range rows {
		if len(row.Elements) > 0 {
			served++
		}
	}
	v.Rows, v.Served, v.Locals = rows, served, locals
	page := view{Title: "Couverture des ODD", WS: ws, Section: "strategie", Form: fm}
	s.renderComponent(w, r, status, page, frameworkSDGContent(page, v))
}

// elementTitle returns the title of a tagged element.
func elementTitle(f strategy.Framework, ref logframe.Ref) string {
	switch ref.Kind {
	case logframe.KindGeneralObjective:
		return f.Key.GeneralTitle
	case logframe.KindSpecificObjective:
		for _, o := range f.Objectives {
			if o.ID == ref.ID {
				return o.Title
			}
		}
	case logframe.KindResult:
		for _, x := range f.Results {
			if x.ID == ref.ID {
				return x.Title
			}
		}
	case logframe.KindActivity:
		for _, x := range f.Activities {
			if x.ID == ref.ID {
				return x.Title
			}
		}
	case logframe.KindIndicator:
		for _, x := range f.Indicators {
			if x.ID == ref.ID {
				return x.Title
			}
		}
	}
	return ""
}

// createLocalTarget adds a local target under a UN target, with a code such as « 11.6-local ».
func (s *Server) createLocalTarget(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "strategie")
	if !ok {
		return
	}
	fm := parseForm(w, r)
	t := logframe.LocalTargetRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID, Title: cleanLine(fm, "titre"), Description: cleanText(fm, "description")}
	lt, err := sdg.ParseLocal(fm.Get("code"))
	if err != nil {
		fm.Fail("code", errorText(err))
	}
	t.Code, t.UNTarget = lt.Code, lt.Target
	fm.Required("titre")
	fm.MaxLength("titre", logframe.MaxTitleLen)
	fm.MaxLength("description", logframe.MaxTextLen)
	if fm.OK() {
		err = s.store.CreateLocalTarget(r.Context(), actor(r), &t)
		if errors.Is(err, store.ErrDuplicate) {
			fm.Fail("code", "La cible locale « "+t.Code+" » existe déjà : numérotez la suivante, par exemple « "+t.Code+"-2 ».")
		} else if err != nil {
			s.storeFailed(w, r, err)
			return
		} else {
			redirect(w, r, ws.Prefix()+"/strategie/odd?ok=enregistre#cibles-locales")
			return
		}
	}
	s.renderCoverage(w, r, ws, f, fm, http.StatusUnprocessableEntity)
}

// deleteLocalTarget removes a local target and its tags.
func (s *Server) deleteLocalTarget(w http.ResponseWriter, r *http.Request, ws *workspace) {
	id, ok := pathID(r, "local")
	if !ok {
		s.notFound(w, r)
		return
	}
	if err := s.store.DeleteLocalTarget(r.Context(), actor(r), ws.Authority.ID, id); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/strategie/odd?ok=supprime")
}
