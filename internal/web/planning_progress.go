package web

import (
	"errors"
	"net/http"
	"sort"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/schedule"
	"boussole/internal/store"
)

// otherServiceMessage is the 403 a référent gets on an activity their service does not carry.
const otherServiceMessage = "Cette activité ne relève pas de votre service : seuls les référents du service indiqué dans son calendrier, " +
	"les agents et les administrateurs peuvent mettre à jour son avancement."

// progressOnly reports whether the viewer may update progress but not edit the plan: a référent·e de service.
func progressOnly(ws *workspace) bool {
	return !access.Can(ws.Role, access.EditContent) && access.Can(ws.Role, access.EditOwnService)
}

// viewerService returns the service of the signed-in member ("" when none, or for an accompagnateur).
func (s *Server) viewerService(r *http.Request, ws *workspace) (string, error) {
	u := currentUser(r)
	if u == nil {
		return "", nil
	}
	service, err := s.store.MemberService(r.Context(), ws.Authority.ID, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	return service, err
}

// mayUpdateProgress reports whether a référent may update the progress of the activity: it is scheduled and
// its service is theirs.
func (s *Server) mayUpdateProgress(r *http.Request, ws *workspace, sc schedule.ScheduleRecord, scheduled bool) (bool, error) {
	if !scheduled || !progressOnly(ws) {
		return false, nil
	}
	service, err := s.viewerService(r, ws)
	return sc.ServedBy(service), err
}

// readProgressFields validates the status and the percent done into sc, and the version the form was read at.
func readProgressFields(f *form, sc *schedule.ScheduleRecord) {
	sc.Status = schedule.Status(f.Get("status"))
	if !sc.Status.Valid() {
		f.Fail("status", "Choisissez un statut dans la liste.")
	}
	sc.PercentDone = planInt(f, "percent", 0, 100, "L'avancement est un pourcentage, de 0 à 100.")
	sc.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
}

// saveProgress is a référent's save of the schedule form: only the status and the percent done are read,
// whatever else the request carries, and only on their service's activities.
func (s *Server) saveProgress(w http.ResponseWriter, r *http.Request, ws *workspace) {
	a, d, ok := s.activityFromPath(w, r, ws)
	if !ok {
		return
	}
	sc, scheduled := d.Schedules[a.ID]
	service, err := s.viewerService(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !scheduled || !sc.ServedBy(service) {
		s.errorPage(w, r, http.StatusForbidden, otherServiceMessage)
		return
	}
	f := parseForm(w, r)
	upd := schedule.ScheduleRecord{ActivityID: a.ID, AuthorityID: ws.Authority.ID, StrategyID: a.StrategyID}
	readProgressFields(f, &upd)
	if !f.OK() {
		s.renderSchedule(w, r, ws, http.StatusUnprocessableEntity, a, d, f, nil)
		return
	}
	before, _ := d.compute(true)
	yours := upd
	err = s.store.SaveScheduleProgress(r.Context(), actor(r), &upd, service)
	switch {
	case err == nil:
		s.planAfterSave(w, r, ws, d.Strategy, "calendrier", before)
	case errors.Is(err, store.ErrOtherService):
		s.errorPage(w, r, http.StatusForbidden, otherServiceMessage)
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case errors.Is(err, store.ErrConflict):
		f.Top = conflictMessage
		_, fresh, err := s.loadActivityPlan(r.Context(), ws.Authority.ID, a.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		theirs := fresh.Schedules[a.ID]
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderSchedule(w, r, ws, http.StatusConflict, a, fresh, f, map[string]any{"Theirs": theirs, "Yours": yours})
	default:
		s.serverError(w, r, err)
	}
}

// ofService lists, by start date, the scheduled activities a référent of service may update.
func (d *planData) ofService(res *schedule.Result, service string) []roadmapItem {
	var out []roadmapItem
	for _, it := range d.planItems(res) {
		if sc, ok := d.Schedules[it.Node.ID]; ok && !it.Milestone && sc.ServedBy(service) {
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}
