package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"boussole/internal/fielderr"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/store"
)

// planOption is one choice of activity or milestone in a select.
type planOption struct {
	Key, Label string
}

// planOptions lists what a relative start or a dependency can point at: scheduled activities other than
// self, then milestones.
func (d *planData) nodeOptions(self schedule.Node) (acts, jalons []planOption) {
	for _, a := range d.Activities {
		n := schedule.Node{Kind: schedule.NodeActivity, ID: a.ID}
		if _, ok := d.Schedules[a.ID]; ok && n != self {
			acts = append(acts, planOption{n.Key(), a.Title})
		}
	}
	for _, m := range d.Milestones {
		if m.Node() != self {
			jalons = append(jalons, planOption{m.Node().Key(), m.Title + " (" + m.Date.String() + ")"})
		}
	}
	return acts, jalons
}

func scheduleForm(a logframe.ActivityRecord, sc schedule.ScheduleRecord, st model.Strategy, exists bool) *form {
	f := newForm(nil)
	if !exists {
		// The schedule counts in days: an activity known to the month or the year starts on the period's
		// first day and lasts until the last day of its end's period.
		start := a.Start.First()
		if start.IsZero() {
			start = st.Dates().Start
		}
		days := 30
		if end := a.End.Last(); !a.Start.IsZero() && end.After(start) {
			days = int(end.Sub(start).Hours()/24) + 1
		}
		sc = schedule.ScheduleRecord{StartKind: schedule.StartAbsolute, StartDate: start, DurationDays: days, Responsible: a.Owner,
			Status: schedule.Planned, AnchorEdge: schedule.EdgeEnd, OffsetUnit: schedule.Days}
	}
	f.Values.Set("start_kind", string(sc.StartKind))
	f.Values.Set("start_date", isoDate(sc.StartDate))
	f.Values.Set("anchor", sc.Anchor.Key())
	f.Values.Set("anchor_edge", string(sc.AnchorEdge))
	f.Values.Set("offset_n", strconv.Itoa(sc.OffsetN))
	f.Values.Set("offset_unit", string(sc.OffsetUnit))
	f.Values.Set("duration", strconv.Itoa(sc.DurationDays))
	f.Values.Set("prep", strconv.Itoa(sc.PrepDays))
	f.Values.Set("followup", strconv.Itoa(sc.FollowUpDays))
	f.Values.Set("responsible", sc.Responsible)
	f.Values.Set("responsible_was", sc.Responsible)
	f.Values.Set("service", sc.Service)
	f.Values.Set("partners", sc.PartnersText())
	f.Values.Set("status", string(sc.Status))
	f.Values.Set("percent", strconv.Itoa(sc.PercentDone))
	if sc.Public {
		f.Values.Set("public", "1")
	}
	f.Values.Set("version", strconv.FormatInt(sc.Version, 10))
	return f
}

// planInt reads a whole number between lo and hi, 0 when empty (no offset, no preparation); msg is the French
// message for a number out of bounds or with decimals, the parser's own saying what is wrong with « NaN » or
// letters.
func planInt(f *form, name string, lo, hi int, msg string) int {
	n, _ := formWhole(f, name, int64(lo), int64(hi), msg)
	return n
}

// readScheduleFields validates the schedule form into sc. The durations are checked here for the message at
// the field; the engine checks them again when it computes.
func readScheduleFields(f *form, sc *schedule.ScheduleRecord) {
	sc.StartKind = schedule.StartKind(f.Get("start_kind"))
	switch sc.StartKind {
	case schedule.StartAbsolute:
		t, ok := parseDate(f.Get("start_date"))
		if !ok || t.IsZero() {
			f.Fail("start_date", "Indiquez la date de début, au format jj/mm/aaaa.")
		}
		sc.StartDate, sc.Anchor = t, schedule.Node{}
	case schedule.StartRelative:
		n, ok := schedule.ParseNode(f.Get("anchor"))
		if !ok {
			f.Fail("anchor", "Choisissez l'activité ou le jalon après lequel cette activité commence.")
		}
		sc.Anchor, sc.StartDate = n, time.Time{}
		sc.AnchorEdge = schedule.Edge(f.Get("anchor_edge"))
		if sc.AnchorEdge != schedule.EdgeStart && sc.AnchorEdge != schedule.EdgeEnd {
			f.Fail("anchor_edge", "Choisissez « début » ou « fin ».")
		}
		sc.OffsetN = planInt(f, "offset_n", -3650, 3650, "Indiquez un nombre entier, par exemple 2 (ou -5 pour chevaucher).")
		sc.OffsetUnit = schedule.Unit(f.Get("offset_unit"))
		if !sc.OffsetUnit.Valid() {
			f.Fail("offset_unit", "Choisissez jours, jours ouvrés, semaines ou mois.")
		}
	default:
		f.Fail("start_kind", "Choisissez une date fixe ou une date relative.")
	}
	if v := f.Get("duration"); v == "" {
		f.Fail("duration", "Indiquez la durée en jours.")
	} else if n, ok := formWhole(f, "duration", -1<<31, 1<<31, "Indiquez la durée en jours, par un nombre entier."); !ok {
		// refused at the field by formWhole
	} else if n <= 0 {
		f.Fail("duration", "La durée doit être d'au moins un jour : une étape sans durée est un jalon.")
	} else if n > 3660 {
		f.Fail("duration", "Une activité dure au plus dix ans : vérifiez la durée.")
	} else {
		sc.DurationDays = n
	}
	sc.PrepDays = planInt(f, "prep", 0, 3650, "La préparation se compte en jours, de 0 à 3650.")
	sc.FollowUpDays = planInt(f, "followup", 0, 3650, "Le suivi se compte en jours, de 0 à 3650.")
	f.MaxLength("responsible", 120)
	f.MaxLength("service", 120)
	f.MaxLength("partners", 2000)
	sc.Responsible, sc.Service, sc.Partners = f.Get("responsible"), f.Get("service"), schedule.SplitPartners(f.Get("partners"))
	readProgressFields(f, sc)
	sc.Public = f.Get("public") != ""
}

// scheduleView is what the schedule page shows besides its form.
func (s *Server) renderSchedule(w http.ResponseWriter, r *http.Request, ws *workspace, status int, a logframe.ActivityRecord, d *planData, f *form, extra scheduleExtra) {
	self := schedule.Node{Kind: schedule.NodeActivity, ID: a.ID}
	acts, jalons := d.nodeOptions(self)
	data := schedulePage{Activity: a, Plan: d, planDepsData: planDepsData{Acts: acts, Jalons: jalons, Self: self.Key(),
		Units: schedule.Units, DepKinds: schedule.Kinds, DepForm: newForm(nil)},
		Statuses: schedule.Statuses, People: s.memberNames(r, ws), Theirs: extra.Theirs, Yours: extra.Yours}
	if extra.DepForm != nil {
		data.DepForm = extra.DepForm
	}
	sc, scheduled := d.Schedules[a.ID]
	if scheduled {
		data.Schedule = &sc
	}
	if ok, err := s.mayUpdateProgress(r, ws, sc, scheduled); err != nil {
		s.serverError(w, r, err)
		return
	} else if ok {
		data.Progress = true
	}
	if res, err := d.compute(false); err == nil {
		if t, ok := res.Timing(self.Key()); ok {
			data.Timing = &t
			data.Outside = timingOutside(t)
		}
	}
	var in, out []schedule.DependencyRecord
	for _, dep := range d.Dependencies {
		if dep.To == self {
			in = append(in, dep)
		}
		if dep.From == self {
			out = append(out, dep)
		}
	}
	data.DepsIn, data.DepsOut = in, out
	v := view{Title: "Planifier « " + a.Title + " »", Section: "planification", WS: ws, Form: f}
	s.renderComponent(w, r, status, v, planningScheduleContent(v, data))
}

// memberNames lists the workspace's people, for the responsible person's suggestions.
func (s *Server) memberNames(r *http.Request, ws *workspace) []string {
	members, err := s.store.Members(r.Context(), ws.Authority.ID)
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(members))
	for _, m := range members {
		out = append(out, m.User.Name)
	}
	return out
}

func (s *Server) showSchedule(w http.ResponseWriter, r *http.Request, ws *workspace) {
	a, d, ok := s.activityFromPath(w, r, ws)
	if !ok {
		return
	}
	sc, exists := d.Schedules[a.ID]
	s.renderSchedule(w, r, ws, http.StatusOK, a, d, scheduleForm(a, sc, d.Strategy, exists), scheduleExtra{})
}

// saveSchedule saves the whole schedule form; a référent·e de service saves only the progress (saveProgress).
func (s *Server) saveSchedule(w http.ResponseWriter, r *http.Request, ws *workspace) {
	if progressOnly(ws) {
		s.saveProgress(w, r, ws)
		return
	}
	a, d, ok := s.activityFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	sc := schedule.ScheduleRecord{ActivityID: a.ID, AuthorityID: ws.Authority.ID, StrategyID: a.StrategyID}
	readScheduleFields(f, &sc)
	// The person in charge is the activity's owner, shared with the logframe: left as the form showed it, it
	// keeps what is stored now, so that a change made in the logframe meanwhile is not undone.
	if _, shown := f.Values["responsible_was"]; shown && f.Get("responsible") == f.Get("responsible_was") {
		sc.Responsible = a.Owner
	}
	if f.OK() && sc.StartKind == schedule.StartRelative && !d.Has(sc.Anchor) {
		f.Fail("anchor", "L'activité ou le jalon choisi n'existe plus ou n'est pas encore planifié : choisissez-en un autre.")
	}
	if !f.OK() {
		s.renderSchedule(w, r, ws, http.StatusUnprocessableEntity, a, d, f, scheduleExtra{})
		return
	}
	before, _ := d.compute(true)
	err := s.store.SaveSchedule(r.Context(), actor(r), &sc)
	var cycle *schedule.CycleError
	switch {
	case err == nil:
		s.planAfterSave(w, r, ws, d.Strategy, "calendrier", before)
		return
	case errors.As(err, &cycle):
		f.Fail("anchor", "Cette date relative crée une boucle : "+cycleNames(cycle.Names)+". Choisissez une autre référence.")
	case errors.As(err, new(fielderr.List)):
		f.Fail("anchor", errorText(err))
	case errors.Is(err, store.ErrMissingNode):
		f.Fail("anchor", "L'activité ou le jalon choisi n'existe plus ou n'est pas encore planifié : choisissez-en un autre.")
	case errors.Is(err, store.ErrConflict):
		f.Top = conflictMessage
		_, fresh, err := s.loadActivityPlan(r.Context(), ws.Authority.ID, a.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		theirs := fresh.Schedules[a.ID]
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderSchedule(w, r, ws, http.StatusConflict, a, fresh, f, scheduleExtra{Theirs: &theirs})
		return
	default:
		s.serverError(w, r, err)
		return
	}
	s.renderSchedule(w, r, ws, http.StatusUnprocessableEntity, a, d, f, scheduleExtra{})
}

// cycleNames writes a cycle as « A → B → A ».
func cycleNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += " → "
		}
		out += "« " + n + " »"
	}
	return out
}
