package web

import (
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/figure/riskmap"
	"boussole/internal/logframe"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

func (s *Server) listRisks(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "cadre-logique")
	if !ok {
		return
	}
	fm := newForm(nil)
	fm.Values.Set("statut", logframe.RiskStatuses[0])
	s.renderRisks(w, r, ws, f, fm, http.StatusOK)
}

func (s *Server) renderRisks(w http.ResponseWriter, r *http.Request, ws *workspace, f strategy.Framework, fm *form, status int) {
	v := risksPage{frameworkView: newFrameworkView(f)}
	v.Map = template.HTML(riskmap.SVG("carte-risques", f.Logframe.Risks)) // #nosec: generated SVG, texts escaped by the figure
	v.Rows = riskmap.Rows(f.Logframe.Risks)
	v.Links, v.Statuses = riskLinks(v.frameworkView), logframe.RiskStatuses
	page := view{Title: "Registre des risques", WS: ws, Section: "cadre-logique", Form: fm}
	s.renderComponent(w, r, status, page, risksContent(page, v))
}

// riskLinks lists the elements a risk can threaten.
func riskLinks(v frameworkView) []parentOption {
	var out []parentOption
	for _, o := range v.F.Objectives {
		out = append(out, parentOption{"objectif-specifique-" + strconv.FormatInt(o.ID, 10), "Objectif " + v.Num("objectif-specifique", o.ID) + " — " + o.Title})
		for _, res := range v.ResultsOf(o.ID) {
			out = append(out, parentOption{"resultat-" + strconv.FormatInt(res.ID, 10), "Résultat " + v.Num("resultat", res.ID) + " — " + res.Title})
			for _, a := range v.ActivitiesOf(res.ID) {
				out = append(out, parentOption{"activite-" + strconv.FormatInt(a.ID, 10), "Activité " + v.Num("activite", a.ID) + " — " + a.Title})
			}
		}
	}
	return out
}

func riskForm(k logframe.RiskRecord) *form {
	fm := newForm(nil)
	set := fm.Values.Set
	set("version", strconv.FormatInt(k.Version, 10))
	set("description", k.Description)
	set("categorie", string(k.Category))
	set("probabilite", strconv.Itoa(k.Likelihood))
	set("impact", strconv.Itoa(k.Impact))
	set("attenuation", k.Mitigation)
	set("responsable", k.Owner)
	set("statut", k.Status)
	if !k.Linked.IsZero() {
		set("lien", string(k.Linked.Kind)+"-"+strconv.FormatInt(k.Linked.ID, 10))
	}
	return fm
}

func readRisk(fm *form, k *logframe.RiskRecord) {
	k.Description = cleanLine(fm, "description")
	k.Category = logframe.RiskCategory(fm.Get("categorie"))
	k.Likelihood, _ = strconv.Atoi(fm.Get("probabilite"))
	k.Impact, _ = strconv.Atoi(fm.Get("impact"))
	k.Mitigation, k.Owner = cleanText(fm, "attenuation"), cleanLine(fm, "responsable")
	k.Status = fm.Get("statut")
	fm.OneOf("statut", "Choisissez le statut dans la liste : "+strings.Join(logframe.RiskStatuses, ", ")+".", logframe.RiskStatuses...)
	k.Linked = logframe.Ref{}
	if l := fm.Get("lien"); l != "" {
		i := strings.LastIndex(l, "-")
		id, err := strconv.ParseInt(l[i+1:], 10, 64)
		if i < 0 || err != nil {
			fm.Fail("lien", "Choisissez l'élément menacé dans la liste.")
		} else {
			k.Linked = logframe.Ref{Kind: logframe.Kind(l[:i]), ID: id}
		}
	}
	fm.FailFields(logframe.ValidateRisk(k.Risk), nil)
	fm.MaxLength("responsable", logframe.MaxTitleLen)
}

func (s *Server) createRisk(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "cadre-logique")
	if !ok {
		return
	}
	fm := parseForm(w, r)
	k := logframe.RiskRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID}
	readRisk(fm, &k)
	if fm.OK() {
		err := s.store.SaveRisk(r.Context(), actor(r), &k)
		if errors.Is(err, store.ErrNotFound) {
			fm.Fail("lien", "L'élément choisi n'existe plus : choisissez-en un autre.")
		} else if err != nil {
			s.serverError(w, r, err)
			return
		} else {
			redirect(w, r, ws.Prefix()+"/cadre-logique/risques?ok=enregistre")
			return
		}
	}
	s.renderRisks(w, r, ws, f, fm, http.StatusUnprocessableEntity)
}

func (s *Server) riskFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (logframe.RiskRecord, strategy.Framework, bool) {
	id, ok := pathID(r, "risk")
	if !ok {
		s.notFound(w, r)
		return logframe.RiskRecord{}, strategy.Framework{}, false
	}
	k, err := s.store.Risk(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return k, strategy.Framework{}, false
	}
	f, err := s.store.LoadFramework(r.Context(), ws.Authority.ID, k.StrategyID)
	if err != nil {
		s.storeFailed(w, r, err)
		return k, f, false
	}
	return k, f, true
}

func (s *Server) showRisk(w http.ResponseWriter, r *http.Request, ws *workspace) {
	k, f, ok := s.riskFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderRisk(w, r, ws, f, k, riskForm(k), http.StatusOK)
}

func (s *Server) renderRisk(w http.ResponseWriter, r *http.Request, ws *workspace, f strategy.Framework, k logframe.RiskRecord, fm *form, status int) {
	v := riskPage{frameworkView: newFrameworkView(f)}
	v.Risk, v.Links, v.Statuses = k, riskLinks(v.frameworkView), logframe.RiskStatuses
	v.Findings = v.Report.About(logframe.Ref{Kind: logframe.KindRisk, ID: k.ID})
	page := view{Title: "Risque " + v.Num("risque", k.ID), WS: ws, Section: "cadre-logique", Form: fm}
	s.renderComponent(w, r, status, page, frameworkRiskContent(page, v))
}

func (s *Server) updateRisk(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, f, ok := s.riskFromPath(w, r, ws)
	if !ok {
		return
	}
	fm := parseForm(w, r)
	k := stored
	k.Version = formVersion(fm)
	readRisk(fm, &k)
	status := http.StatusUnprocessableEntity
	if fm.OK() {
		err := s.store.SaveRisk(r.Context(), actor(r), &k)
		switch {
		case errors.Is(err, store.ErrConflict):
			status = http.StatusConflict
			fm.Top = conflictMessage + " Description enregistrée : « " + stored.Description + " »."
			fm.Values.Set("version", strconv.FormatInt(stored.Version, 10))
		case errors.Is(err, store.ErrNotFound):
			fm.Fail("lien", "L'élément choisi n'existe plus : choisissez-en un autre.")
		case err != nil:
			s.serverError(w, r, err)
			return
		default:
			redirect(w, r, ws.Prefix()+"/cadre-logique/risques?ok=enregistre")
			return
		}
	}
	s.renderRisk(w, r, ws, f, stored, fm, status)
}
