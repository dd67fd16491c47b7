package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/access"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// « Préparer la stratégie suivante » (issue 13, item 6). The page shows, for the strategy viewed, either how
// it was prepared from the previous one (what was carried, what was not, the notes on its elements), or the
// preparation of the next one: what will be carried and what will not, where each recommendation goes, a
// confirmation, then one transaction (store.PrepareNextStrategy).

// revisionPage is the page's data.
type revisionPage struct {
	Strategy  model.Strategy
	MayCreate bool
	Successor *model.Strategy
	// The preparation.
	WillCarry    []string
	WillNotCarry []string
	Recs         []recChoice
	Targets      []attachTarget
	// How this strategy was prepared.
	Prepared *preparedView
}

// recChoice is a recommendation with where it will be attached.
type recChoice struct {
	ID         int64
	Evaluation string
	Text       string
	Status     string
	Field      string
	Chosen     string
}

// attachTarget is an element a recommendation can be attached to.
type attachTarget struct{ Value, Label string }

// preparedView is how the strategy was prepared.
type preparedView struct {
	Previous      string
	PreviousHref  string
	Report        monitoring.RevisionReport
	Groups        []noteGroup
	DashboardHref string
}

// noteGroup are the notes on one element.
type noteGroup struct {
	Element string
	Notes   []noteLine
}

type noteLine struct{ Source, Text string }

func (s *Server) showRevision(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderRevision(w, r, ws, http.StatusOK, nil)
}

func (s *Server) renderRevision(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	b, agg, ok := s.loadBoardWith(w, r, ws, revisionParts)
	if !ok {
		return
	}
	ctx := r.Context()
	st := agg.Record
	page := revisionPage{Strategy: st, MayCreate: access.Can(ws.Role, access.ManageStrategy)}
	rev, prepared, err := s.store.StrategyRevision(ctx, ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if prepared {
		page.Prepared = s.preparedView(r, ws, b, rev)
	}
	succ, err := s.store.Successor(ctx, ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if succ != 0 {
		if next, err := s.store.Strategy(ctx, ws.Authority.ID, succ); err == nil {
			page.Successor = &next
		}
	}
	fresh := f == nil // not a refused confirmation: each recommendation starts on the element it names
	if f == nil {
		start, end := monitoring.NextTerm(st.TermStart, st.HorizonEnd())
		f = newForm(nil)
		f.Values.Set("title", "Stratégie internationale "+strconv.Itoa(start)+"–"+strconv.Itoa(end))
		f.Values.Set("term_start", strconv.Itoa(start))
		f.Values.Set("term_end", strconv.Itoa(end))
	}
	report := revisionReport(agg, b)
	page.WillCarry, page.WillNotCarry = report.Carried, report.NotCarried
	page.Targets = attachTargets(b)
	for _, e := range agg.Monitoring.Evaluations {
		for _, rec := range e.Recommendations {
			if rec.Response == monitoring.Refused {
				continue
			}
			field := "rec_" + strconv.FormatInt(rec.ID, 10)
			chosen := f.Get(field)
			if fresh {
				chosen = refValue(rec.Element)
			}
			page.Recs = append(page.Recs, recChoice{ID: rec.ID, Evaluation: e.Title, Text: rec.Text, Status: rec.Response.Label() + ", " + rec.FollowUp.Label(),
				Field: field, Chosen: chosen})
		}
	}
	v := view{Title: "Préparer la stratégie suivante", WS: ws, Section: monitoringSection, Form: f}
	s.renderComponent(w, r, status, v, monitoringRevisionContent(v, page))
}

// revisionParts are what the preparation reads beyond the board: the funding and the diagnostic, to say
// what is not carried.
const revisionParts = strategy.PartFunding | strategy.PartDiagnostic

func (s *Server) prepareNextStrategy(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	b, agg, ok := s.loadBoardWith(w, r, ws, revisionParts)
	if !ok {
		return
	}
	next := model.Strategy{Status: model.StrategyDraft}
	readStrategyFields(f, &next)
	if next.TermStart != 0 && next.TermStart <= agg.Record.TermStart {
		f.Fail("term_start", "La stratégie suivante commence après le début de « "+agg.Record.Title+" » ("+strconv.Itoa(agg.Record.TermStart)+").")
	}
	if f.Get("confirmer") != "oui" {
		f.Fail("confirmer", "Cochez la case pour confirmer la création de la stratégie suivante.")
	}
	targets := map[string]logframe.Ref{"": {}, "strategie": {}}
	for _, t := range attachTargets(b) {
		targets[t.Value] = parseAttach(t.Value)
	}
	attach := map[int64]logframe.Ref{}
	for _, e := range agg.Monitoring.Evaluations {
		for _, rec := range e.Recommendations {
			field := "rec_" + strconv.FormatInt(rec.ID, 10)
			ref, known := targets[f.Get(field)]
			if !known {
				f.Fail(field, "Choisissez l'élément dans la liste.")
			}
			attach[rec.ID] = ref
		}
	}
	if !f.OK() {
		s.renderRevision(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	lessons, err := s.store.Lessons(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	in := monitoring.RevisionInput{PreviousTitle: agg.Record.Title, Assessments: b.Assessments, Activities: b.F.Activities, Schedules: agg.Planning.Schedules,
		Evaluations: agg.Monitoring.Evaluations, Attach: attach, Geo: b.F.Geo, Thematic: b.F.Thematic}
	for _, l := range lessons {
		in.Lessons = append(in.Lessons, monitoring.LoggedLesson{Title: l.Title, Text: l.Text, Country: l.Country, Theme: l.Theme})
	}
	err = s.store.PrepareNextStrategy(r.Context(), actor(r), ws.Authority.ID, agg.Record.ID, &next, monitoring.PlanRevision(in), revisionReport(agg, b))
	switch {
	case errors.Is(err, store.ErrAlreadyPrepared):
		f.Top = "La stratégie suivante a déjà été préparée à partir de celle-ci : ouvrez-la plutôt que d'en créer une seconde."
		s.renderRevision(w, r, ws, http.StatusConflict, f)
		return
	case err != nil:
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/suivi-evaluation/strategie-suivante?strategie="+strconv.FormatInt(next.ID, 10)+"&ok=strategie-suivante")
}

// revisionReport says what a preparation from the strategy carries and what it does not.
func revisionReport(agg *strategy.Strategy, b *board) monitoring.RevisionReport {
	f := agg.Framework
	rep := monitoring.RevisionReport{PreviousTitle: agg.Record.Title}
	count := func(n int, one, many string) string {
		if n <= 1 {
			return strconv.Itoa(n) + " " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	measured := 0
	for _, a := range b.Assessments {
		if a.Latest != nil {
			measured++
		}
	}
	rep.Baselines, rep.Unchanged = measured, len(b.Assessments)-measured
	rep.Carried = []string{
		"les éléments clés (vision, mission, objectif général), " + count(len(f.Key.Values), "valeur", "valeurs") + " et " + count(len(f.Key.Dimensions), "dimension", "dimensions"),
		count(len(f.Objectives), "objectif spécifique", "objectifs spécifiques") + ", " + count(len(f.Results), "résultat attendu", "résultats attendus") + " et " +
			count(len(f.Activities), "activité", "activités") + " (les activités inachevées sont signalées)",
		count(len(f.Indicators), "indicateur", "indicateurs") + " avec leur responsable : " + baselineSentence(measured, len(b.Assessments)-measured),
		count(len(f.Risks), "risque", "risques") + " et " + count(len(f.Assumptions), "hypothèse", "hypothèses"),
		count(len(f.Geo), "priorité géographique", "priorités géographiques") + " et " + count(len(f.Thematic), "priorité thématique", "priorités thématiques"),
		count(len(f.Tags), "étiquette ODD", "étiquettes ODD") + " et " + count(len(f.Local), "cible locale", "cibles locales"),
		"les recommandations des évaluations (sauf celles refusées) et les enseignements, rattachés à l'élément qu'ils concernent",
	}
	targets := 0
	for _, in := range f.Indicators {
		targets += len(in.Targets)
	}
	recs := 0
	for _, e := range agg.Monitoring.Evaluations {
		recs += len(e.Recommendations)
	}
	rep.NotCarried = []string{
		count(targets, "cible datée", "cibles datées") + " : elles portent sur la mandature précédente ; fixez celles de la nouvelle",
		count(len(agg.Monitoring.Measurements), "mesure", "mesures") + " : elles restent dans « " + agg.Record.Title + " », qui n'est pas modifiée",
		"la planification (" + count(len(agg.Planning.Schedules), "activité planifiée", "activités planifiées") + ", " +
			count(len(agg.Planning.Milestones), "jalon", "jalons") + ") et les dates des activités : à refaire pour la nouvelle mandature",
		count(len(agg.Monitoring.Evaluations), "évaluation", "évaluations") + " (" + count(recs, "recommandation", "recommandations") + ") : elles restent avec la stratégie évaluée",
		count(len(agg.Funding.Projects), "projet", "projets") + " et leurs plans de financement : ils restent rattachés à « " + agg.Record.Title + " »",
		"la matrice AFOM (" + count(len(f.SWOT), "élément", "éléments") + ") : le diagnostic se refait pour la nouvelle stratégie ; la cartographie des acteurs et les partenariats, qui appartiennent à la collectivité, restent partagés",
	}
	return rep
}

// attachTargets are the elements of the strategy a recommendation can go to, in the framework's order:
// the ones a recommendation may name (objectives, results, activities, indicators), which the
// preparation carries and maps to their copies.
func attachTargets(b *board) []attachTarget {
	out := []attachTarget{}
	for _, o := range recommendationElements(b.View).Options {
		out = append(out, attachTarget(o))
	}
	return out
}

func parseAttach(v string) logframe.Ref {
	kind, id, _ := strings.Cut(v, ":")
	n, _ := strconv.ParseInt(id, 10, 64)
	return logframe.Ref{Kind: logframe.Kind(kind), ID: n}
}

// preparedView groups the notes by element of the strategy, in the order they were written.
func (s *Server) preparedView(r *http.Request, ws *workspace, b *board, rev store.Revision) *preparedView {
	p := &preparedView{Report: rev.Report, Previous: rev.Report.PreviousTitle, DashboardHref: ws.Prefix() + "/suivi-evaluation",
		PreviousHref: ws.Prefix() + "/suivi-evaluation/strategie-suivante?strategie=" + strconv.FormatInt(rev.PreviousID, 10)}
	if prev, err := s.store.Strategy(r.Context(), ws.Authority.ID, rev.PreviousID); err == nil {
		p.Previous = prev.Title
	}
	titles := map[logframe.Ref]string{}
	for _, o := range b.F.Objectives {
		ref := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}
		titles[ref] = "Objectif " + b.View.Numbers.Of(ref) + " — " + o.Title
	}
	for _, x := range b.F.Results {
		ref := logframe.Ref{Kind: logframe.KindResult, ID: x.ID}
		titles[ref] = "Résultat " + b.View.Numbers.Of(ref) + " — " + x.Title
	}
	for _, x := range b.F.Activities {
		ref := logframe.Ref{Kind: logframe.KindActivity, ID: x.ID}
		titles[ref] = "Activité " + b.View.Numbers.Of(ref) + " — " + x.Title
	}
	for _, x := range b.F.Indicators {
		ref := logframe.Ref{Kind: logframe.KindIndicator, ID: x.ID}
		titles[ref] = "Indicateur " + b.View.Numbers.Of(ref) + " — " + x.Title
	}
	for _, x := range b.F.Geo {
		titles[logframe.Ref{Kind: logframe.KindGeoPriority, ID: x.ID}] = "Priorité géographique — " + x.Name
	}
	for _, x := range b.F.Thematic {
		titles[logframe.Ref{Kind: monitoring.KindThematicPriority, ID: x.ID}] = "Priorité thématique — " + x.Policy
	}
	var order []string
	groups := map[string]*noteGroup{}
	for _, n := range rev.Notes {
		label := "La stratégie dans son ensemble"
		if n.Element.Kind != store.KindWholeStrategy {
			if t, ok := titles[n.Element]; ok {
				label = t
			} else {
				label = "Élément supprimé depuis"
			}
		}
		g := groups[label]
		if g == nil {
			g = &noteGroup{Element: label}
			groups[label] = g
			order = append(order, label)
		}
		g.Notes = append(g.Notes, noteLine{Source: n.Source.Label(), Text: n.Text})
	}
	for _, l := range order {
		p.Groups = append(p.Groups, *groups[l])
	}
	return p
}

// revisionBaselineText ends the sentence on the new baselines.
func revisionBaselineText(r monitoring.RevisionReport) string {
	t := "ont pour valeur de référence leur dernière valeur mesurée dans « " + r.PreviousTitle + " » (la date et la période sont dans le commentaire de la valeur de référence)"
	if r.Baselines <= 1 {
		t = "a pour valeur de référence sa dernière valeur mesurée dans « " + r.PreviousTitle + " » (la date et la période sont dans le commentaire de la valeur de référence)"
	}
	if r.Unchanged > 0 {
		t += " ; " + strconv.Itoa(r.Unchanged) + " sans mesure garde" + plural(r.Unchanged, "nt") + " la valeur de référence d'origine, à vérifier"
	}
	return t + "."
}

// baselineSentence says how many indicators take their last value as baseline and how many keep theirs.
func baselineSentence(measured, unmeasured int) string {
	t := "aucun n'a de mesure"
	switch {
	case measured == 1:
		t = "1 prend sa dernière valeur mesurée comme nouvelle valeur de référence"
	case measured > 1:
		t = strconv.Itoa(measured) + " prennent leur dernière valeur mesurée comme nouvelle valeur de référence"
	}
	switch {
	case unmeasured == 1:
		t += ", 1 garde sa valeur de référence d'origine (aucune mesure)"
	case unmeasured > 1 && measured > 0:
		t += ", " + strconv.Itoa(unmeasured) + " gardent leur valeur de référence d'origine (aucune mesure)"
	case unmeasured > 1:
		t += " : ils gardent leur valeur de référence d'origine"
	}
	return t
}
