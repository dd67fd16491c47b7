package web

import (
	"boussole/internal/access"
	"boussole/internal/schedule"
	"boussole/internal/strategy"
)

// The API's planning and awareness: the computed chronogramme, the milestones and the awareness sessions.

func (s *Server) apiPlanningRoutes() []apiRoute {
	p := "/strategies/{strategy}"
	return []apiRoute{
		{Method: "GET", Path: p + "/schedule", Action: access.ViewWorkspace, ID: "listSchedule", Summary: "Le chronogramme calculé : dates, marge et avancement de chaque activité",
			Handler: apiList(s, strategy.PartFramework|strategy.PartPlanning, func(d *apiStrategyData) []apiScheduledActivity { return d.schedule() },
				func(o apiScheduledActivity) int64 { return o.ActivityID }), Response: apiScheduledActivity{}, List: true},
		{Method: "GET", Path: p + "/milestones", Action: access.ViewWorkspace, ID: "listMilestones", Summary: "Les jalons : comités, votes, échéances",
			Handler: apiList(s, strategy.PartFramework|strategy.PartPlanning, func(d *apiStrategyData) []apiMilestone { return d.milestones() },
				func(o apiMilestone) int64 { return o.ID }), Response: apiMilestone{}, List: true},
		{Method: "GET", Path: p + "/awareness-sessions", Action: access.ViewInternal, ID: "listAwarenessSessions", Summary: "Les séances de sensibilisation des élus et des services (sans les noms des participants)",
			Handler: apiList(s, strategy.PartAwareness, func(d *apiStrategyData) []apiAwarenessSession { return d.awarenessSessions() },
				func(o apiAwarenessSession) int64 { return o.ID }), Response: apiAwarenessSession{}, List: true},
	}
}

// apiScheduledActivity is an activity as the planning engine dates it.
type apiScheduledActivity struct {
	ActivityID  int64   `json:"activity_id"`
	Title       string  `json:"title"`
	Start       *string `json:"start" doc:"premier jour (AAAA-MM-JJ) ; null quand le plan ne peut pas être calculé (voir la page Planification)"`
	End         *string `json:"end" doc:"dernier jour, inclus (AAAA-MM-JJ) ; null quand le plan ne peut pas être calculé"`
	SlackDays   *int    `json:"slack_days" doc:"marge totale en jours ; null quand le plan ne peut pas être calculé"`
	Critical    bool    `json:"critical" doc:"sur le chemin critique : tout retard retarde la fin"`
	Status      string  `json:"status" doc:"à venir, en cours, terminée, abandonnée… ; vide quand l'activité n'est pas planifiée"`
	PercentDone int     `json:"percent_done" doc:"avancement de 0 à 100"`
	Public      bool    `json:"public" doc:"sur le calendrier public"`
}

// apiMilestone is a milestone with the day the plan puts it on.
type apiMilestone struct {
	ID      int64   `json:"id"`
	Kind    string  `json:"kind"`
	Title   string  `json:"title"`
	Date    string  `json:"date" doc:"la date saisie, au jour, au mois ou à l'année (AAAA-MM-JJ, AAAA-MM ou AAAA) ; vide quand elle n'est pas fixée"`
	Planned *string `json:"planned" doc:"le jour que le plan retient (AAAA-MM-JJ) ; null quand le plan ne peut pas être calculé"`
	Public  bool    `json:"public"`
	Version int64   `json:"version"`
}

// apiAwarenessSession is an awareness session without its attendees' names: only how many came.
type apiAwarenessSession struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Date      string   `json:"date" doc:"au jour, au mois ou à l'année (AAAA-MM-JJ, AAAA-MM ou AAAA)"`
	Audiences []string `json:"audiences"`
	Format    string   `json:"format"`
	Attendees int      `json:"attendees" doc:"nombre de participants (leurs noms restent dans l'espace)"`
	Outcomes  string   `json:"outcomes"`
	Version   int64    `json:"version"`
}

// plan computes the strategy's chronogramme once per call; nil when the engine refuses the plan.
func (d *apiStrategyData) plan() *schedule.Result {
	res, err := schedule.Compute(d.whole.PlanRecords().Plan(false))
	if err != nil {
		return nil
	}
	return res
}

func dayString(t schedule.Date) *string {
	v := t.String()
	return &v
}

func (d *apiStrategyData) schedule() []apiScheduledActivity {
	res := d.plan()
	records := map[int64]schedule.ScheduleRecord{}
	for _, sc := range d.whole.Planning.Schedules {
		records[sc.ActivityID] = sc
	}
	out := make([]apiScheduledActivity, 0, len(d.Activities))
	for _, a := range d.Activities {
		row := apiScheduledActivity{ActivityID: a.ID, Title: a.Title}
		if sc, ok := records[a.ID]; ok {
			row.Status, row.PercentDone, row.Public = sc.Status.Label(), sc.PercentDone, sc.Public
		}
		if res != nil {
			if t, ok := res.Timing(schedule.Node{Kind: schedule.NodeActivity, ID: a.ID}.Key()); ok {
				slack := t.Slack
				row.Start, row.End, row.SlackDays, row.Critical = dayString(t.Start), dayString(t.Finish.AddDays(-1)), &slack, t.Critical
			}
		}
		out = append(out, row)
	}
	return out
}

func (d *apiStrategyData) milestones() []apiMilestone {
	res := d.plan()
	out := make([]apiMilestone, 0, len(d.whole.Planning.Milestones))
	for _, m := range d.whole.Planning.Milestones {
		row := apiMilestone{ID: m.ID, Kind: m.Kind.Label(), Title: m.Title, Date: m.Date.ISO(), Public: m.Public, Version: m.Version}
		if res != nil {
			if t, ok := res.Timing(m.Node().Key()); ok {
				row.Planned = dayString(t.Start)
			}
		}
		out = append(out, row)
	}
	return out
}

func (d *apiStrategyData) awarenessSessions() []apiAwarenessSession {
	out := make([]apiAwarenessSession, 0, len(d.whole.Awareness.Sessions))
	for _, sr := range d.whole.Awareness.Sessions {
		x := sr.Session
		row := apiAwarenessSession{ID: sr.ID, Title: x.Title, Date: x.Date.ISO(), Format: x.Format.Label(), Attendees: len(x.Attendees),
			Outcomes: x.Outcomes, Audiences: []string{}, Version: sr.Version}
		for _, a := range x.Audiences {
			row.Audiences = append(row.Audiences, a.Label())
		}
		out = append(out, row)
	}
	return out
}
