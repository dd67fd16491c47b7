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

// showLogframe shows the guide's four-column logical framework table, printable in landscape.
func (s *Server) showLogframe(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "cadre-logique")
	if !ok {
		return
	}
	s.renderFrameworkTable(w, r, ws, http.StatusOK, f, newForm(nil))
}

// showTree shows the framework as a nested list and as the SVG objectives tree.
func (s *Server) showTree(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "cadre-logique")
	if !ok {
		return
	}
	v := treePage{frameworkView: newFrameworkView(f)}
	v.SVG = treeSVG(f.Logframe)
	page := view{Title: "Arbre des objectifs", WS: ws, Section: "cadre-logique"}
	s.renderComponent(w, r, http.StatusOK, page, frameworkTreeContent(page, v))
}

// element is one objective, result or activity as its page needs it.
type element struct {
	Kind      logframe.Kind
	ID        int64
	Title     string
	ParentID  int64
	Version   int64
	Objective logframe.ObjectiveRecord
	Result    logframe.ResultRecord
	Activity  logframe.ActivityRecord
}

// Ref returns the element's reference.
func (e element) Ref() logframe.Ref { return logframe.Ref{Kind: e.Kind, ID: e.ID} }

// KindName returns the kind as templates compare it.
func (e element) KindName() string { return string(e.Kind) }

// elementFromPath loads the objective, result or activity named by the URL and its strategy's framework.
func (s *Server) elementFromPath(w http.ResponseWriter, r *http.Request, ws *workspace, kind logframe.Kind) (element, strategy.Framework, bool) {
	e := element{Kind: kind}
	var ok bool
	var err error
	var strategyID int64
	switch kind {
	case logframe.KindSpecificObjective:
		if e.ID, ok = pathID(r, "objective"); ok {
			e.Objective, err = s.store.Objective(r.Context(), ws.Authority.ID, e.ID)
			e.Title, e.Version, strategyID = e.Objective.Title, e.Objective.Version, e.Objective.StrategyID
		}
	case logframe.KindResult:
		if e.ID, ok = pathID(r, "result"); ok {
			e.Result, err = s.store.Result(r.Context(), ws.Authority.ID, e.ID)
			e.Title, e.Version, e.ParentID, strategyID = e.Result.Title, e.Result.Version, e.Result.ObjectiveID, e.Result.StrategyID
		}
	case logframe.KindActivity:
		if e.ID, ok = pathID(r, "activity"); ok {
			e.Activity, err = s.store.Activity(r.Context(), ws.Authority.ID, e.ID)
			e.Title, e.Version, e.ParentID, strategyID = e.Activity.Title, e.Activity.Version, e.Activity.ResultID, e.Activity.StrategyID
		}
	}
	if !ok {
		s.notFound(w, r)
		return e, strategy.Framework{}, false
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return e, strategy.Framework{}, false
	}
	f, err := s.store.LoadFramework(r.Context(), ws.Authority.ID, strategyID)
	if err != nil {
		s.storeFailed(w, r, err)
		return e, f, false
	}
	return e, f, true
}

// elementForm fills an element's form from what is stored.
func elementForm(e element) *form {
	fm := newForm(nil)
	fm.Values.Set("version", strconv.FormatInt(e.Version, 10))
	fm.Values.Set("titre", e.Title)
	switch e.Kind {
	case logframe.KindSpecificObjective:
		o := e.Objective
		fm.Values.Set("description", o.Description)
		fm.Values.Set("specifique", o.Specific)
		fm.Values.Set("mesure", o.Measure)
		fm.Values.Set("atteignable", o.Achievable)
		fm.Values.Set("echeance", o.TargetDate.Input())
		fm.Values.Set("ressources", o.Resources)
	case logframe.KindResult:
		fm.Values.Set("description", e.Result.Description)
	case logframe.KindActivity:
		a := e.Activity
		fm.Values.Set("description", a.Description)
		fm.Values.Set("responsable", a.Owner)
		fm.Values.Set("ressources", a.Resources)
		fm.Values.Set("cout", number.CentsField(a.CostCents))
		fm.Values.Set("debut", a.Start.Input())
		fm.Values.Set("fin", a.End.Input())
	}
	return fm
}

func (s *Server) showElement(kind logframe.Kind) workspaceHandler {
	return func(w http.ResponseWriter, r *http.Request, ws *workspace) {
		e, f, ok := s.elementFromPath(w, r, ws, kind)
		if !ok {
			return
		}
		s.renderElement(w, r, ws, f, e, elementForm(e), http.StatusOK)
	}
}

func (s *Server) renderElement(w http.ResponseWriter, r *http.Request, ws *workspace, f strategy.Framework, e element, fm *form, status int) {
	v := elementPage{frameworkView: newFrameworkView(f)}
	v.Element = e
	v.Number = v.Numbers.Of(e.Ref())
	v.Findings = v.Report.About(e.Ref())
	v.Parents = moveTargets(v.frameworkView, e)
	locals, err := s.store.LocalTargets(r.Context(), ws.Authority.ID, f.Strategy.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.SDG = sdgPicker(r, v.TagsOf(string(e.Kind), e.ID), locals)
	if err := s.addLinkPicker(r, ws, &v, e.Ref()); err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Comments = s.commentBlock(r, ws, comment.Kind(e.Kind), e.ID)
	rev, prepared, err := s.store.StrategyRevision(r.Context(), ws.Authority.ID, f.Strategy.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if prepared {
		for _, n := range rev.Notes {
			if n.Element == e.Ref() {
				v.Notes = append(v.Notes, n)
			}
		}
	}
	if v.Recs, err = s.openRecommendations(r, ws, e.Ref()); err != nil {
		s.serverError(w, r, err)
		return
	}
	title := capitalise(e.Kind.Noun()) + " " + v.Numbers.Of(e.Ref())
	page := view{Title: title, WS: ws, Section: "cadre-logique", Form: fm}
	s.renderComponent(w, r, status, page, frameworkElementContent(page, v))
}

// parentOption is one entry of the « move under » list.
type parentOption struct {
	Value string
	Label string
}

// moveTargets lists where an element can move: results under any objective, activities under any result.
// Objectives only change order.
func moveTargets(v frameworkView, e element) []parentOption {
	var out []parentOption
	switch e.Kind {
	case logframe.KindResult:
		for _, o := range v.F.Objectives {
			out = append(out, parentOption{"objectif-specifique-" + strconv.FormatInt(o.ID, 10), "Objectif " + v.Num("objectif-specifique", o.ID) + " — " + o.Title})
		}
	case logframe.KindActivity:
		for _, r := range v.F.Results {
			out = append(out, parentOption{"resultat-" + strconv.FormatInt(r.ID, 10), "Résultat " + v.Num("resultat", r.ID) + " — " + r.Title})
		}
	}
	return out
}

// readElement reads and checks an element form against the domain's rules.
func readElement(fm *form, e *element, term logframe.Term) {
	title := cleanLine(fm, "titre")
	desc := cleanText(fm, "description")
	switch e.Kind {
	case logframe.KindSpecificObjective:
		o := &e.Objective
		o.Title, o.Description = title, desc
		o.Specific, o.Measure, o.Resources = cleanText(fm, "specifique"), cleanText(fm, "mesure"), cleanText(fm, "ressources")
		o.Achievable = cleanText(fm, "atteignable")
		o.TargetDate = formDate(fm, "echeance")
		fm.FailFields(logframe.ValidateObjective(o.SpecificObjective, term), nil)
	case logframe.KindResult:
		e.Result.Title, e.Result.Description = title, desc
		fm.FailFields(logframe.ValidateResult(e.Result.ExpectedResult), nil)
	case logframe.KindActivity:
		a := &e.Activity
		a.Title, a.Description = title, desc
		a.Owner, a.Resources = cleanLine(fm, "responsable"), cleanText(fm, "ressources")
		a.CostCents = formCents(fm, "cout")
		a.Start, a.End = formDate(fm, "debut"), formDate(fm, "fin")
		fm.FailFields(logframe.ValidateActivity(a.Activity, term), nil)
		fm.MaxLength("description", logframe.MaxTextLen)
	}
}

func (s *Server) updateElement(kind logframe.Kind) workspaceHandler {
	return func(w http.ResponseWriter, r *http.Request, ws *workspace) {
		stored, f, ok := s.elementFromPath(w, r, ws, kind)
		if !ok {
			return
		}
		fm := parseForm(w, r)
		e := stored
		readElement(fm, &e, f.Logframe.Term)
		if !fm.OK() {
			s.renderElement(w, r, ws, f, stored, fm, http.StatusUnprocessableEntity)
			return
		}
		version := formVersion(fm)
		var err error
		switch kind {
		case logframe.KindSpecificObjective:
			e.Objective.Version = version
			err = s.store.UpdateObjective(r.Context(), actor(r), &e.Objective)
		case logframe.KindResult:
			e.Result.Version = version
			err = s.store.UpdateResult(r.Context(), actor(r), &e.Result)
		case logframe.KindActivity:
			e.Activity.Version = version
			err = s.store.UpdateActivity(r.Context(), actor(r), &e.Activity)
		}
		if errors.Is(err, store.ErrConflict) {
			fm.Top = conflictMessage + " Titre enregistré : « " + stored.Title + " »."
			fm.Values.Set("version", strconv.FormatInt(stored.Version, 10))
			s.renderElement(w, r, ws, f, stored, fm, http.StatusConflict)
			return
		}
		if err != nil {
			s.storeFailed(w, r, err)
			return
		}
		redirect(w, r, refURL(ws, e.Ref())+"?ok=enregistre")
	}
}

// createObjective adds a specific objective from the short form under the table.
func (s *Server) createObjective(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "cadre-logique")
	if !ok {
		return
	}
	fm := parseForm(w, r)
	e := element{Kind: logframe.KindSpecificObjective, Objective: logframe.ObjectiveRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID}}
	readElement(fm, &e, f.Logframe.Term)
	if !fm.OK() {
		s.renderFrameworkTable(w, r, ws, http.StatusUnprocessableEntity, f, fm)
		return
	}
	if err := s.store.CreateObjective(r.Context(), actor(r), &e.Objective); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, refURL(ws, logframe.Ref{Kind: logframe.KindSpecificObjective, ID: e.Objective.ID})+"?ok=enregistre")
}

// createChild adds a result under an objective, or an activity under a result, from the parent's page.
func (s *Server) createChild(parentKind logframe.Kind) workspaceHandler {
	return func(w http.ResponseWriter, r *http.Request, ws *workspace) {
		parent, f, ok := s.elementFromPath(w, r, ws, parentKind)
		if !ok {
			return
		}
		posted := parseForm(w, r)
		// The child's fields carry an « enfant_ » prefix so they do not clash with the parent's form on the page.
		fm := newForm(nil)
		for k, v := range posted.Values {
			if name, ok := strings.CutPrefix(k, "enfant_"); ok {
				fm.Values[name] = v
			}
		}
		child := element{Kind: logframe.KindResult, Result: logframe.ResultRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID}}
		if parentKind == logframe.KindResult {
			child = element{Kind: logframe.KindActivity, Activity: logframe.ActivityRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID, Activity: logframe.Activity{ResultID: parent.ID}}}
		} else {
			child.Result.ObjectiveID = parent.ID
		}
		readElement(fm, &child, f.Logframe.Term)
		if !fm.OK() {
			pf := elementForm(parent)
			for k, v := range fm.Values {
				pf.Values["enfant_"+k] = v
			}
			for _, k := range fm.Order {
				pf.Fail("enfant_"+k, fm.Errors[k])
			}
			s.renderElement(w, r, ws, f, parent, pf, http.StatusUnprocessableEntity)
			return
		}
		var err error
		var ref logframe.Ref
		if child.Kind == logframe.KindResult {
			err = s.store.CreateResult(r.Context(), actor(r), &child.Result)
			ref = logframe.Ref{Kind: logframe.KindResult, ID: child.Result.ID}
		} else {
			err = s.store.CreateActivity(r.Context(), actor(r), &child.Activity)
			ref = logframe.Ref{Kind: logframe.KindActivity, ID: child.Activity.ID}
		}
		if err != nil {
			s.storeFailed(w, r, err)
			return
		}
		redirect(w, r, refURL(ws, ref)+"?ok=enregistre")
	}
}

// moveElement puts a result under another objective or an activity under another result, or changes an
// element's rank among its siblings; a cycle is refused with the domain's message.
func (s *Server) moveElement(kind logframe.Kind) workspaceHandler {
	return func(w http.ResponseWriter, r *http.Request, ws *workspace) {
		e, f, ok := s.elementFromPath(w, r, ws, kind)
		if !ok {
			return
		}
		fm := parseForm(w, r)
		parent := logframe.Ref{Kind: logframe.KindGeneralObjective, ID: f.Key.ID}
		if p := fm.Get("parent"); p != "" {
			i := strings.LastIndex(p, "-")
			id, err := strconv.ParseInt(p[i+1:], 10, 64)
			if i < 0 || err != nil {
				fm.Fail("parent", "Choisissez le nouvel emplacement dans la liste.")
			}
			parent = logframe.Ref{Kind: logframe.Kind(p[:max(i, 0)]), ID: id}
		}
		index := -1 // empty: the last place
		if n, ok := formWhole(fm, "rang", 1, 10_000, "Le rang est un nombre entier, 1 pour la première place."); ok {
			index = n - 1
		}
		if fm.OK() {
			err := s.store.MoveElement(r.Context(), actor(r), ws.Authority.ID, f.Strategy.ID, e.Ref(), parent, index)
			var me *logframe.MoveError
			switch {
			case errors.As(err, &me):
				fm.Fail("parent", me.Message)
			case err != nil:
				s.storeFailed(w, r, err)
				return
			default:
				redirect(w, r, refURL(ws, e.Ref())+"?ok=enregistre")
				return
			}
		}
		pf := elementForm(e)
		for k, v := range fm.Values {
			pf.Values[k] = v
		}
		for _, k := range fm.Order {
			pf.Fail(k, fm.Errors[k])
		}
		s.renderElement(w, r, ws, f, e, pf, http.StatusUnprocessableEntity)
	}
}

// confirmDelete says what deleting an element takes with it before anything is removed.
func (s *Server) confirmDelete(kind logframe.Kind) workspaceHandler {
	return func(w http.ResponseWriter, r *http.Request, ws *workspace) {
		ref, f, ok := s.deletable(w, r, ws, kind)
		if !ok {
			return
		}
		v := deletePage{frameworkView: newFrameworkView(f)}
		im := f.Logframe.DeletionImpact(ref)
		v.Message = im.Message(v.Numbers)
		v.Impact = im
		v.Ref = ref
		v.Back = refURL(ws, ref)
		n, err := s.store.RecommendationsAboutRemoved(r.Context(), ws.Authority.ID, im.Removed())
		if err != nil {
			s.storeFailed(w, r, err)
			return
		}
		v.Recommendations = recommendationsWarning(n, len(im.Removed()) > 1)
		s.renderComponent(w, r, http.StatusOK, view{Title: "Confirmer la suppression", WS: ws, Section: "cadre-logique"}, frameworkDeleteContent(v))
	}
}

// recommendationsWarning says what becomes of the evaluations' recommendations about what a deletion
// removes (below: it removes more than the element), "" when there is none.
func recommendationsWarning(n int, below bool) string {
	if n == 0 {
		return ""
	}
	about := "cet élément"
	if below {
		about = "cet élément ou sur ce qu'il contient"
	}
	if n == 1 {
		return "1 recommandation d'évaluation porte sur " + about + " : elle reste, rattachée à la stratégie dans son ensemble, et ses notes nommeront l'élément supprimé."
	}
	return strconv.Itoa(n) + " recommandations d'évaluation portent sur " + about + " : elles restent, rattachées à la stratégie dans son ensemble, et leurs notes nommeront l'élément supprimé."
}

// deleteElement removes the element once confirmed.
func (s *Server) deleteElement(kind logframe.Kind) workspaceHandler {
	return func(w http.ResponseWriter, r *http.Request, ws *workspace) {
		ref, f, ok := s.deletable(w, r, ws, kind)
		if !ok {
			return
		}
		if _, err := s.store.DeleteElement(r.Context(), actor(r), ws.Authority.ID, f.Strategy.ID, ref); err != nil {
			s.storeFailed(w, r, err)
			return
		}
		to := ws.Prefix() + "/cadre-logique"
		switch kind {
		case logframe.KindIndicator:
			to += "/indicateurs"
		case logframe.KindRisk:
			to += "/risques"
		case logframe.KindGeoPriority:
			to = ws.Prefix() + "/strategie"
		}
		redirect(w, r, to+"?ok=supprime")
	}
}

// deletable resolves the element a delete URL names, with its strategy's framework; 404 when it is not the
// authority's.
func (s *Server) deletable(w http.ResponseWriter, r *http.Request, ws *workspace, kind logframe.Kind) (logframe.Ref, strategy.Framework, bool) {
	switch kind {
	case logframe.KindSpecificObjective, logframe.KindResult, logframe.KindActivity:
		e, f, ok := s.elementFromPath(w, r, ws, kind)
		return e.Ref(), f, ok
	}
	wild := map[logframe.Kind]string{logframe.KindIndicator: "indicator", logframe.KindRisk: "risk", logframe.KindGeoPriority: "geo", logframe.KindAssumption: "assumption"}[kind]
	id, ok := pathID(r, wild)
	if !ok {
		s.notFound(w, r)
		return logframe.Ref{}, strategy.Framework{}, false
	}
	ref := logframe.Ref{Kind: kind, ID: id}
	f, err := s.frameworkOf(r, ws, ref)
	if err != nil {
		s.storeFailed(w, r, err)
		return ref, f, false
	}
	return ref, f, true
}

// frameworkOf loads the framework an element belongs to; ErrNotFound when it is not the authority's.
func (s *Server) frameworkOf(r *http.Request, ws *workspace, ref logframe.Ref) (strategy.Framework, error) {
	strategyID, err := s.store.StrategyOf(r.Context(), ws.Authority.ID, ref)
	if err != nil {
		return strategy.Framework{}, err
	}
	return s.store.LoadFramework(r.Context(), ws.Authority.ID, strategyID)
}

// createAssumption adds an assumption to an objective, result or activity from its page.
func (s *Server) createAssumption(kind logframe.Kind) workspaceHandler {
	return func(w http.ResponseWriter, r *http.Request, ws *workspace) {
		e, f, ok := s.elementFromPath(w, r, ws, kind)
		if !ok {
			return
		}
		fm := parseForm(w, r)
		text := cleanText(fm, "hypothese")
		fm.Required("hypothese")
		fm.MaxLength("hypothese", logframe.MaxTextLen)
		if !fm.OK() {
			pf := elementForm(e)
			pf.Values.Set("hypothese", fm.Get("hypothese"))
			pf.Fail("hypothese", fm.Errors["hypothese"])
			s.renderElement(w, r, ws, f, e, pf, http.StatusUnprocessableEntity)
			return
		}
		a := logframe.AssumptionRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID, Assumption: logframe.Assumption{Text: text, Target: e.Ref()}}
		if err := s.store.CreateAssumption(r.Context(), actor(r), &a); err != nil {
			s.storeFailed(w, r, err)
			return
		}
		redirect(w, r, refURL(ws, e.Ref())+"?ok=enregistre#hypotheses")
	}
}

// capitalise upper-cases the first letter of a French noun.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// renderFrameworkTable shows the framework as the guide's table, with the form to add an objective.
func (s *Server) renderFrameworkTable(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f strategy.Framework, fm *form) {
	v := view{Title: "Cadre logique", WS: ws, Section: "cadre-logique", Form: fm}
	s.renderComponent(w, r, status, v, frameworkTableContent(v, newFrameworkView(f)))
}
