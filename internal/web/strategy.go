package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"boussole/internal/frfmt"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/process"
	"boussole/internal/store"
)

// showWorkspaceHome shows the tracker of the strategy the session looks at (by default the one in
// preparation, else the one in force); with none, an empty state that explains where to start.
func (s *Server) showWorkspaceHome(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, list, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	if !ok {
		v := view{Title: ws.Authority.Name, WS: ws}
		s.renderComponent(w, r, http.StatusOK, v, strategyHomeEmptyContent(v, homeEmptyPage{Requests: s.accessRequests(r, ws)}))
		return
	}
	s.renderTracker(w, r, ws, st, list)
}

// focusStrategy picks the strategy the home page is about.
func focusStrategy(list []model.Strategy) (model.Strategy, bool) {
	for _, want := range []model.StrategyStatus{model.StrategyDraft, model.StrategyCurrent, model.StrategyPast} {
		for _, st := range list {
			if st.Status == want {
				return st, true
			}
		}
	}
	return model.Strategy{}, false
}

func (s *Server) showStrategy(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.strategyFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderTracker(w, r, ws, st, ws.Strategies)
}

// renderTracker shows a strategy's process tracker: each step of the method with its status, owner and
// dates, where the authority stands, and what runs late.
func (s *Server) renderTracker(w http.ResponseWriter, r *http.Request, ws *workspace, st model.Strategy, all []model.Strategy) {
	steps, err := s.store.Steps(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	states := make([]process.State, len(steps))
	for i, x := range steps {
		states[i] = process.State{Step: x.Step, Status: x.Status, PlannedStart: x.PlannedStart, PlannedEnd: x.PlannedEnd}
	}
	progress := process.Summarise(states, time.Now().UTC())
	advice := process.CalendarAdvice(states)
	if st.Adopted() {
		progress, advice = process.SummariseAdopted(states), ""
	}
	rows := make([]trackerRow, len(steps))
	for i, x := range steps {
		rows[i] = trackerRow{State: x, Def: x.Definition(), Planned: plannedText(x),
			Href: ws.Prefix() + "/strategies/" + strconv.FormatInt(st.ID, 10) + "/etapes/" + string(x.Step)}
		for _, l := range progress.Late {
			rows[i].Late = rows[i].Late || l == x.Step
		}
	}
	current, _ := process.Lookup(progress.Current)
	// The facilitating conditions prepare an elaboration: an adopted strategy's home has no use for them.
	var diag *diagnosticHomeData
	if !st.Adopted() {
		diag = s.diagnosticHome(r, ws, st)
	}
	v := view{Title: st.Title, WS: ws, Section: "accueil"}
	s.renderComponent(w, r, http.StatusOK, v, trackerContent(v, trackerPage{
		Strategy: st, Steps: rows, Progress: progress, Current: current,
		Advice: advice, Strategies: all, Requests: s.accessRequests(r, ws),
		Diagnostic: diag, Framework: s.frameworkHomeFor(r, ws, st), Brief: s.homeBriefFor(r, ws, st, steps, progress),
		Comments: s.strategyComments(r, ws, st), Monitoring: s.monitoringHome(r, ws, st),
	}))
}

// trackerRow is one step of the tracker with its definition looked up once. It names its parts rather
// than embedding the step, because templates find embedded fields through a slow reflective search.
type trackerRow struct {
	State model.StepState
	Def   process.Definition
	Late  bool
	// The step's link and planned dates are written here once, as the home page is the most visited.
	Href, Planned string
}

// plannedText says when a step is planned, in French.
func plannedText(x model.StepState) string {
	if x.PlannedStart.IsZero() {
		return "non renseigné"
	}
	return "du " + frfmt.Date(x.PlannedStart) + " au " + frfmt.Date(x.PlannedEnd)
}

// accessRequests returns pending requests to join, for administrators; nil for others.
func (s *Server) accessRequests(r *http.Request, ws *workspace) []model.AccessRequest {
	if !canManageMembers(ws) {
		return nil
	}
	reqs, err := s.store.AccessRequests(r.Context(), ws.Authority.ID)
	if err != nil {
		s.log.Warn("demandes d'accès illisibles", "err", err)
	}
	return reqs
}

func (s *Server) listStrategies(w http.ResponseWriter, r *http.Request, ws *workspace) {
	list, err := s.store.Strategies(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := view{Title: "Stratégies", WS: ws, Section: "accueil"}
	s.renderComponent(w, r, http.StatusOK, v, strategyListContent(v, strategiesPage{Strategies: list}))
}

func (s *Server) showNewStrategy(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := newForm(nil)
	year := time.Now().Year()
	f.Values.Set("title", "Stratégie d'action internationale "+strconv.Itoa(year)+"–"+strconv.Itoa(year+6))
	f.Values.Set("phase", phaseElaboration)
	f.Values.Set("term_start", strconv.Itoa(year))
	f.Values.Set("term_end", strconv.Itoa(year+6))
	f.Values.Set("elaboration_start", time.Now().Format("2006-01-02"))
	f.Values.Set("adopted_status", string(model.StrategyCurrent))
	s.renderNewStrategy(w, r, ws, http.StatusOK, f)
}

func (s *Server) renderNewStrategy(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	v := view{Title: "Nouvelle stratégie", WS: ws, Section: "accueil", Form: f}
	s.renderComponent(w, r, status, v, strategyNewContent(v, strategyNewPage{Adopted: []model.StrategyStatus{model.StrategyCurrent, model.StrategyPast}}))
}

// The two ways a strategy enters Boussole: to be elaborated with the guide's method, or as the document an
// assembly has already adopted (the strategy in force, or a past one kept for the record).
const (
	phaseElaboration = "elaboration"
	phaseAdopted     = "adoptee"
)

func (s *Server) createStrategy(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	st := model.Strategy{AuthorityID: ws.Authority.ID, Status: model.StrategyDraft}
	var start time.Time
	switch f.Get("phase") {
	case phaseAdopted:
		st.Status = model.StrategyStatus(f.Get("adopted_status"))
		if st.Status != model.StrategyCurrent && st.Status != model.StrategyPast {
			f.Fail("adopted_status", "Choisissez si la stratégie est en vigueur ou passée.")
		}
		readAdoption(f, &st, true)
		readStrategyFields(f, &st)
	case phaseElaboration, "": // without the choice (an older form), a strategy to elaborate, as before
		readStrategyFields(f, &st)
		var ok bool
		if start, ok = parseDate(f.Get("elaboration_start")); !ok || start.IsZero() {
			f.Fail("elaboration_start", "Indiquez la date de début de l'élaboration, au format jj/mm/aaaa.")
		}
	default:
		f.Fail("phase", "Dites si la stratégie est à élaborer ou déjà adoptée.")
		readStrategyFields(f, &st)
	}
	if !f.OK() {
		s.renderNewStrategy(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	if err := s.store.CreateStrategy(r.Context(), actor(r), &st, start); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/strategies/"+strconv.FormatInt(st.ID, 10)+"?ok=cree")
}

// readAdoption reads the adoption date at whatever precision it is known; required says the strategy is
// registered as adopted. A strategy adopted with no term start given starts the year of its adoption.
func readAdoption(f *form, st *model.Strategy, required bool) {
	d, err := partialdate.Parse(f.Get("adopted_on"))
	switch {
	case err != nil:
		f.Fail("adopted_on", "Indiquez la date d'adoption comme elle est connue : « 17/12/2020 », « décembre 2020 » ou « 2020 ».")
	case d.IsZero() && required:
		f.Fail("adopted_on", "Indiquez la date de la délibération qui a adopté la stratégie, au moins son année (« 2020 »).")
	case !d.IsZero() && d.Year > time.Now().Year():
		f.Fail("adopted_on", "La date d'adoption est dans le futur : pour une stratégie pas encore votée, choisissez « à élaborer ».")
	}
	st.AdoptedOn = d
	if f.Get("term_start") == "" && !d.IsZero() {
		f.Values.Set("term_start", strconv.Itoa(d.Year))
	}
}

// readStrategyFields validates the title and the term of office. The end year may stay empty for an
// adopted strategy whose document does not give one; a strategy in preparation plans its whole term.
func readStrategyFields(f *form, st *model.Strategy) {
	f.Required("title", "term_start")
	if !st.Adopted() {
		f.Required("term_end")
	}
	f.MaxLength("title", 200)
	st.Title = f.Get("title")
	from, err1 := strconv.Atoi(f.Get("term_start"))
	to, err2 := strconv.Atoi(f.Get("term_end"))
	if f.Get("term_end") == "" {
		to, err2 = 0, nil
	}
	switch {
	case f.Get("term_start") != "" && (err1 != nil || from < 1950 || from > 2100):
		f.Fail("term_start", "Indiquez une année entre 1950 et 2100.")
	case f.Get("term_end") != "" && (err2 != nil || to < 1950 || to > 2100):
		f.Fail("term_end", "Indiquez une année entre 1950 et 2100.")
	case to != 0 && err1 == nil && err2 == nil && to <= from:
		f.Fail("term_end", "La fin de la mandature doit venir après son début.")
	case to != 0 && err1 == nil && err2 == nil && to-from > 7:
		f.Fail("term_end", "Une mandature dure environ 6 ans : vérifiez les années saisies.")
	}
	st.TermStart, st.TermEnd = from, to
}

func (s *Server) strategyFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (model.Strategy, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return model.Strategy{}, false
	}
	st, err := s.store.Strategy(r.Context(), ws.Authority.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return st, false
	}
	if err != nil {
		s.serverError(w, r, err)
		return st, false
	}
	s.showStrategyOf(r, ws, st.ID)
	return st, true
}

func (s *Server) showEditStrategy(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.strategyFromPath(w, r, ws)
	if !ok {
		return
	}
	f := newForm(nil)
	f.Values.Set("title", st.Title)
	f.Values.Set("term_start", strconv.Itoa(st.TermStart))
	if st.TermEnd != 0 {
		f.Values.Set("term_end", strconv.Itoa(st.TermEnd))
	}
	f.Values.Set("adopted_on", st.AdoptedOn.Input())
	f.Values.Set("status", string(st.Status))
	f.Values.Set("version", strconv.FormatInt(st.Version, 10))
	v := view{Title: "Modifier la stratégie", WS: ws, Section: "accueil", Form: f}
	s.renderComponent(w, r, http.StatusOK, v, strategyEditContent(v, strategyEditPage{Strategy: st}))
}

func (s *Server) updateStrategy(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.strategyFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	st := stored
	st.Status = model.StrategyStatus(f.Get("status"))
	if !st.Status.Valid() {
		f.Fail("status", "Choisissez un statut dans la liste.")
	}
	readAdoption(f, &st, false)
	if !st.Adopted() && !st.AdoptedOn.IsZero() {
		f.Fail("adopted_on", "Une stratégie en préparation n'est pas encore adoptée : videz la date d'adoption ou choisissez le statut « En vigueur ».")
	}
	readStrategyFields(f, &st)
	st.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
	data := strategyEditPage{Strategy: stored}
	status := http.StatusUnprocessableEntity
	if f.OK() {
		err := s.store.UpdateStrategy(r.Context(), actor(r), &st)
		if err == nil {
			redirect(w, r, ws.Prefix()+"/strategies/"+strconv.FormatInt(st.ID, 10)+"?ok=enregistre")
			return
		}
		if !errors.Is(err, store.ErrConflict) {
			s.serverError(w, r, err)
			return
		}
		status = http.StatusConflict
		f.Top = conflictMessage
		if stored, err = s.store.Strategy(r.Context(), ws.Authority.ID, st.ID); err != nil {
			s.serverError(w, r, err)
			return
		}
		f.Values.Set("version", strconv.FormatInt(stored.Version, 10))
		data.Theirs = &stored
	}
	v := view{Title: "Modifier la stratégie", WS: ws, Section: "accueil", Form: f}
	s.renderComponent(w, r, status, v, strategyEditContent(v, data))
}

// conflictMessage explains an edit conflict; the page then shows the stored version beside the user's.
const conflictMessage = "Quelqu'un a modifié cet élément pendant que vous le modifiiez. Sa version enregistrée est affichée à côté de la vôtre : " +
	"reprenez ce qu'il faut de chacune, puis enregistrez à nouveau."
