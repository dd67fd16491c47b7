package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/comment"
	"boussole/internal/logframe"
	"boussole/internal/number"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// periodicities are the collection rhythms offered for an indicator.
var periodicities = []string{"mensuelle", "trimestrielle", "semestrielle", "annuelle", "à mi-parcours et en fin de mandature", "en fin de mandature"}

// breakdownChoices are the usual breakdowns of an indicator.
var breakdownChoices = []string{"sexe", "tranche d'âge", "territoire", "type de partenaire"}

// targetRows is how many target lines the indicator form offers beyond those stored.
const targetRows = 2

func (s *Server) listIndicators(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "cadre-logique")
	if !ok {
		return
	}
	v := view{Title: "Indicateurs", WS: ws, Section: "cadre-logique"}
	s.renderComponent(w, r, http.StatusOK, v, indicatorsContent(v, newFrameworkView(f)))
}

func (s *Server) showNewIndicator(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "cadre-logique")
	if !ok {
		return
	}
	fm := newForm(nil)
	fm.Values.Set("niveau", r.URL.Query().Get("niveau"))
	fm.Values.Set("sens", "hausse")
	fm.Values.Set("mesure", "1")
	fm.Values.Set("lignes_cibles", strconv.Itoa(targetRows+1))
	s.renderIndicator(w, r, ws, f, logframe.IndicatorRecord{}, fm, http.StatusOK)
}

func (s *Server) renderIndicator(w http.ResponseWriter, r *http.Request, ws *workspace, f strategy.Framework, in logframe.IndicatorRecord, fm *form, status int) {
	v := indicatorPage{frameworkView: newFrameworkView(f)}
	n, _ := strconv.Atoi(fm.Get("lignes_cibles"))
	rows := make([]int, min(max(n, 1), 30))
	for i := range rows {
		rows[i] = i + 1
	}
	levels := []parentOption{}
	if f.Key.ID != 0 {
		levels = append(levels, parentOption{"objectif-general-" + strconv.FormatInt(f.Key.ID, 10), "Objectif général — " + f.Key.GeneralTitle})
	}
	for _, o := range f.Objectives {
		levels = append(levels, parentOption{"objectif-specifique-" + strconv.FormatInt(o.ID, 10), "Objectif " + v.Num("objectif-specifique", o.ID) + " — " + o.Title})
		for _, res := range v.ResultsOf(o.ID) {
			levels = append(levels, parentOption{"resultat-" + strconv.FormatInt(res.ID, 10), "Résultat " + v.Num("resultat", res.ID) + " — " + res.Title})
		}
	}
	breakdowns := map[string]bool{}
	for _, b := range fm.Values["ventilations"] {
		breakdowns[b] = true
	}
	v.Indicator, v.TargetRows, v.Levels = in, rows, levels
	v.Periodicities, v.Breakdowns, v.Checked = periodicities, breakdownChoices, breakdowns
	v.Findings = v.Report.About(logframe.Ref{Kind: logframe.KindIndicator, ID: in.ID})
	if in.ID != 0 {
		locals, err := s.store.LocalTargets(r.Context(), ws.Authority.ID, f.Strategy.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v.SDG = new(sdgPicker(r, v.TagsOf("indicateur", in.ID), locals))
	}
	v.Comments = s.commentBlock(r, ws, comment.KindIndicator, in.ID)
	recs, err := s.openRecommendations(r, ws, logframe.Ref{Kind: logframe.KindIndicator, ID: in.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Recs = recs
	title := "Nouvel indicateur"
	if in.ID != 0 {
		title = "Indicateur : " + in.Title
	}
	page := view{Title: title, WS: ws, Section: "cadre-logique", Form: fm}
	s.renderComponent(w, r, status, page, frameworkIndicatorContent(page, v))
}

// indicatorForm fills the form from a stored indicator.
func indicatorForm(in logframe.IndicatorRecord) *form {
	fm := newForm(nil)
	set := fm.Values.Set
	set("version", strconv.FormatInt(in.Version, 10))
	set("titre", in.Title)
	set("definition", in.Definition)
	set("niveau", string(in.Level.Kind)+"-"+strconv.FormatInt(in.Level.ID, 10))
	set("mesure", strconv.Itoa(int(in.Measure)))
	set("unite", in.Unit)
	set("sens", map[bool]string{true: "hausse", false: "baisse"}[in.Ascending])
	if b := in.Baseline; b != nil {
		set("reference_valeur", decimalField(b.Value))
		set("reference_texte", b.Text)
		set("reference_date", b.Date.Input())
		set("reference_commentaire", b.Comment)
	}
	for i, t := range in.Targets {
		n := "cible_" + strconv.Itoa(i+1)
		set(n+"_date", t.Date.Input())
		set(n+"_valeur", decimalField(t.Value))
		set(n+"_texte", t.Text)
		set(n+"_commentaire", t.Comment)
	}
	set("lignes_cibles", strconv.Itoa(len(in.Targets)+targetRows))
	set("periodicite", in.Periodicity)
	set("sources", strings.Join(in.Sources, "\n"))
	set("responsable", in.Owner)
	var other []string
	for _, b := range in.Breakdowns {
		known := false
		for _, c := range breakdownChoices {
			known = known || c == b
		}
		if known {
			fm.Values.Add("ventilations", b)
		} else {
			other = append(other, b)
		}
	}
	set("autres_ventilations", strings.Join(other, ", "))
	if in.Public {
		set("public", "oui")
	}
	return fm
}

// readIndicator reads and checks the indicator form.
func readIndicator(fm *form, in *logframe.IndicatorRecord, f strategy.Framework) {
	in.Title, in.Definition = cleanLine(fm, "titre"), cleanText(fm, "definition")
	level := fm.Get("niveau")
	i := strings.LastIndex(level, "-")
	id, err := strconv.ParseInt(level[i+1:], 10, 64)
	in.Level = logframe.Ref{Kind: logframe.Kind(level[:max(i, 0)]), ID: id}
	if i < 0 || err != nil || (in.Level.Kind != logframe.KindGeneralObjective && in.Level.Kind != logframe.KindSpecificObjective && in.Level.Kind != logframe.KindResult) {
		fm.Fail("niveau", "Choisissez le niveau que l'indicateur mesure : l'objectif général, un objectif spécifique ou un résultat.")
	}
	m, _ := strconv.Atoi(fm.Get("mesure"))
	in.Measure = logframe.Measure(m)
	in.Unit = cleanLine(fm, "unite")
	in.Ascending = fm.Get("sens") != "baisse"
	fm.OneOf("sens", "Choisissez le sens dans la liste : plus c'est haut, mieux c'est, ou l'inverse.", "hausse", "baisse")
	in.Baseline = nil
	// A baseline may have a date or a comment before anyone measured it: its value then stays unknown.
	bv := formDecimal(fm, "reference_valeur", number.Indicator)
	bt, bd, bc := cleanLine(fm, "reference_texte"), formDate(fm, "reference_date"), cleanText(fm, "reference_commentaire")
	if bv != nil || bt != "" || !bd.IsZero() || bc != "" {
		in.Baseline = &logframe.Baseline{Value: bv, Text: bt, Date: bd, Comment: bc}
	}
	in.Targets = nil
	var rows []string // the form row of each target, for messages
	n, _ := strconv.Atoi(fm.Get("lignes_cibles"))
	for k := 1; k <= min(n, 30); k++ {
		p := "cible_" + strconv.Itoa(k)
		v := formDecimal(fm, p+"_valeur", number.Indicator)
		t, d, c := cleanLine(fm, p+"_texte"), formDate(fm, p+"_date"), cleanLine(fm, p+"_commentaire")
		if v == nil && t == "" && d.IsZero() && c == "" && fm.Err(p+"_valeur") == "" {
			continue
		}
		in.Targets = append(in.Targets, logframe.Target{Date: d, Value: v, Text: t, Comment: c})
		rows = append(rows, p)
	}
	// The domain names target fields by rank among the targets; blank rows in between shift them, so map
	// each message back to the row the user filled.
	for _, e := range logframe.ValidateIndicator(in.Indicator, f.Logframe.Term) {
		field := e.Field
		if rest, ok := strings.CutPrefix(field, "cible_"); ok {
			num, suffix, _ := strings.Cut(rest, "_")
			if k, err := strconv.Atoi(num); err == nil && k >= 1 && k <= len(rows) {
				field = rows[k-1] + "_" + suffix
			}
		}
		fm.Fail(field, e.Message)
	}
	in.Periodicity = fm.Get("periodicite")
	fm.OneOf("periodicite", "Choisissez la périodicité dans la liste.", periodicities...)
	fm.AllOf("ventilations", "Cochez les ventilations dans la liste ; écrivez les autres dans le champ « Autres ventilations ».", breakdownChoices...)
	in.Sources = lines(cleanText(fm, "sources"))
	in.Owner = cleanLine(fm, "responsable")
	in.Breakdowns = append([]string(nil), fm.Values["ventilations"]...)
	for _, b := range strings.Split(cleanLine(fm, "autres_ventilations"), ",") {
		if b = strings.TrimSpace(b); b != "" {
			in.Breakdowns = append(in.Breakdowns, b)
		}
	}
	in.Public = fm.Get("public") == "oui"
	for _, name := range []string{"unite", "responsable", "reference_texte"} {
		fm.MaxLength(name, logframe.MaxTitleLen)
	}
	fm.MaxLength("sources", logframe.MaxTextLen)
}

func (s *Server) createIndicator(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "cadre-logique")
	if !ok {
		return
	}
	fm := parseForm(w, r)
	in := logframe.IndicatorRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID}
	readIndicator(fm, &in, f)
	if fm.OK() {
		err := s.store.SaveIndicator(r.Context(), actor(r), &in)
		if errors.Is(err, store.ErrNotFound) {
			fm.Fail("niveau", "Le niveau choisi n'existe plus : choisissez-en un autre.")
		} else if err != nil {
			s.serverError(w, r, err)
			return
		} else {
			redirect(w, r, ws.Prefix()+"/cadre-logique/indicateurs/"+strconv.FormatInt(in.ID, 10)+"?ok=enregistre")
			return
		}
	}
	s.renderIndicator(w, r, ws, f, logframe.IndicatorRecord{}, fm, http.StatusUnprocessableEntity)
}

func (s *Server) indicatorFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (logframe.IndicatorRecord, strategy.Framework, bool) {
	id, ok := pathID(r, "indicator")
	if !ok {
		s.notFound(w, r)
		return logframe.IndicatorRecord{}, strategy.Framework{}, false
	}
	in, err := s.store.Indicator(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return in, strategy.Framework{}, false
	}
	f, err := s.store.LoadFramework(r.Context(), ws.Authority.ID, in.StrategyID)
	if err != nil {
		s.storeFailed(w, r, err)
		return in, f, false
	}
	return in, f, true
}

func (s *Server) showIndicator(w http.ResponseWriter, r *http.Request, ws *workspace) {
	in, f, ok := s.indicatorFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderIndicator(w, r, ws, f, in, indicatorForm(in), http.StatusOK)
}

func (s *Server) updateIndicator(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, f, ok := s.indicatorFromPath(w, r, ws)
	if !ok {
		return
	}
	fm := parseForm(w, r)
	in := stored
	in.Version = formVersion(fm)
	readIndicator(fm, &in, f)
	status := http.StatusUnprocessableEntity
	if fm.OK() {
		err := s.store.SaveIndicator(r.Context(), actor(r), &in)
		switch {
		case errors.Is(err, store.ErrConflict):
			status = http.StatusConflict
			fm.Top = conflictMessage + " Titre enregistré : « " + stored.Title + " », unité « " + stored.Unit + " »."
			fm.Values.Set("version", strconv.FormatInt(stored.Version, 10))
		case errors.Is(err, store.ErrNotFound):
			fm.Fail("niveau", "Le niveau choisi n'existe plus : choisissez-en un autre.")
		case err != nil:
			s.serverError(w, r, err)
			return
		default:
			redirect(w, r, ws.Prefix()+"/cadre-logique/indicateurs/"+strconv.FormatInt(in.ID, 10)+"?ok=enregistre")
			return
		}
	}
	s.renderIndicator(w, r, ws, f, stored, fm, status)
}
