package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/fielderr"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/store"
)

// readDependencyFields validates the dependency form: the successor (to, a hidden field), the predecessor
// (from), the kind and the lag.
func readDependencyFields(f *form, d *schedule.DependencyRecord) {
	to, okTo := schedule.ParseNode(f.Get("to"))
	from, okFrom := schedule.ParseNode(f.Get("from"))
	if !okFrom {
		f.Fail("from", "Choisissez l'activité ou le jalon dont celui-ci dépend.")
	}
	if !okTo {
		f.Fail("from", "Le formulaire est incomplet : rechargez la page.")
	}
	d.From, d.To = from, to
	d.Kind = schedule.Kind(f.Get("dep_kind"))
	if !d.Kind.Valid() {
		f.Fail("dep_kind", "Choisissez le type de dépendance dans la liste.")
	}
	d.LagN = planInt(f, "lag_n", -3650, 3650, "Indiquez un décalage en nombre entier, par exemple 0, 2 ou -5.")
	d.LagUnit = schedule.Unit(f.Get("lag_unit"))
	if !d.LagUnit.Valid() {
		f.Fail("lag_unit", "Choisissez jours, jours ouvrés, semaines ou mois.")
	}
}

// createDependency adds a dependency from the page of its successor, which shows the form again on refusal.
func (s *Server) createDependency(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	var dep schedule.DependencyRecord
	readDependencyFields(f, &dep)
	var d *planData
	var a logframe.ActivityRecord
	var m schedule.MilestoneRecord
	var err error
	switch dep.To.Kind {
	case schedule.NodeActivity:
		a, d, err = s.loadActivityPlan(r.Context(), ws.Authority.ID, dep.To.ID)
	case schedule.NodeMilestone:
		m, d, err = s.loadMilestonePlan(r.Context(), ws.Authority.ID, dep.To.ID)
	default:
		err = store.ErrNotFound
	}
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	dep.AuthorityID, dep.StrategyID = ws.Authority.ID, d.Strategy.ID
	if f.OK() && !d.Has(dep.To) {
		f.Fail("from", "Planifiez d'abord cette activité (date et durée) avant de lui donner des dépendances.")
	}
	if f.OK() {
		before, _ := d.compute(true)
		err := s.store.CreateDependency(r.Context(), actor(r), &dep)
		var cycle *schedule.CycleError
		switch {
		case err == nil:
			s.planAfterSave(w, r, ws, d.Strategy, "dependance", before)
			return
		case errors.As(err, &cycle):
			f.Fail("from", "Dépendance refusée : elle crée un cycle "+cycleNames(cycle.Names)+". Une activité ne peut pas attendre, même indirectement, sa propre fin.")
		case errors.As(err, new(fielderr.List)):
			f.Fail("from", errorText(err))
		case errors.Is(err, store.ErrMissingNode):
			f.Fail("from", "L'activité ou le jalon choisi n'existe plus ou n'est pas encore planifié : choisissez-en un autre.")
		default:
			s.serverError(w, r, err)
			return
		}
	}
	if dep.To.Kind == schedule.NodeMilestone {
		s.renderMilestone(w, r, ws, http.StatusUnprocessableEntity, m, d, milestoneForm(m), f)
		return
	}
	sc, exists := d.Schedules[a.ID]
	s.renderSchedule(w, r, ws, http.StatusUnprocessableEntity, a, d, scheduleForm(a, sc, d.Strategy, exists), scheduleExtra{DepForm: f})
}

func (s *Server) dependencyFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (schedule.DependencyRecord, *planData, bool) {
	id, ok := pathID(r, "dependency")
	if !ok {
		s.notFound(w, r)
		return schedule.DependencyRecord{}, nil, false
	}
	dep, err := s.store.Dependency(r.Context(), ws.Authority.ID, id)
	var d *planData
	if err == nil {
		var st model.Strategy
		if st, err = s.store.Strategy(r.Context(), ws.Authority.ID, dep.StrategyID); err == nil {
			d, err = s.loadPlan(r.Context(), ws.Authority.ID, st)
		}
	}
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case err != nil:
		s.serverError(w, r, err)
	default:
		s.showStrategyOf(r, ws, dep.StrategyID)
	}
	return dep, d, err == nil
}

// planNodeURL is the planning page of an activity or a milestone.
func planNodeURL(ws *workspace, n schedule.Node) string {
	if n.Kind == schedule.NodeMilestone {
		return ws.Prefix() + "/planification/jalons/" + strconv.FormatInt(n.ID, 10)
	}
	return ws.Prefix() + "/planification/activites/" + strconv.FormatInt(n.ID, 10)
}

func (s *Server) confirmDeleteDependency(w http.ResponseWriter, r *http.Request, ws *workspace) {
	dep, d, ok := s.dependencyFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderComponent(w, r, http.StatusOK, view{Title: "Supprimer la dépendance", Section: "planification", WS: ws}, planningConfirmContent(planConfirmPage{
		Heading: "Supprimer cette dépendance ?",
		Text: "« " + d.NodeName(dep.To) + " » " + dep.Kind.Label() + " « " + d.NodeName(dep.From) + " » ne sera plus une contrainte. " +
			"Les dates qui en dépendaient seront recalculées, et la page du chronogramme dira ce qui a bougé.",
		Button: "Supprimer la dépendance", Cancel: planNodeURL(ws, dep.To),
	}))
}

func (s *Server) deleteDependency(w http.ResponseWriter, r *http.Request, ws *workspace) {
	dep, d, ok := s.dependencyFromPath(w, r, ws)
	if !ok {
		return
	}
	before, _ := d.compute(true)
	if err := s.store.DeleteDependency(r.Context(), actor(r), ws.Authority.ID, dep.ID); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			s.notFound(w, r)
			return
		}
		s.serverError(w, r, err)
		return
	}
	s.planAfterSave(w, r, ws, d.Strategy, "suppression", before)
}
