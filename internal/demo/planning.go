package demo

import (
	"context"
	"strings"
	"time"

	"boussole/internal/access"
	"boussole/internal/logframe"
	"boussole/internal/partialdate"
	"boussole/internal/schedule"
	"boussole/internal/store"
)

// demoMilestones are the key moments of the 2026–2032 strategy: the vote, the consultation, a steering
// committee a year, the two evaluations the guide asks for and the calls for projects the plan relies on.
var demoMilestones = []struct {
	kind   schedule.MilestoneKind
	title  string
	date   time.Time
	public bool
	notes  string
}{
	{schedule.MilestoneConsultation, "Consultation citoyenne « Belval dans le monde »", day(2026, 10, 5), true, "Questionnaire en ligne et trois réunions publiques, du 5 au 30 octobre."},
	{schedule.MilestoneDeliberation, "Délibération du conseil communautaire adoptant la stratégie", day(2026, 12, 17), true, "Conseil communautaire du 17 décembre 2026."},
	{schedule.MilestoneCall, "Date limite de l'appel à projets DAECT", day(2027, 3, 31), false, "Appel à projets du ministère de l'Europe et des Affaires étrangères (coopération décentralisée)."},
	{schedule.MilestoneCall, "Date limite de la facilité FICOL (AFD)", day(2027, 5, 15), false, "Dossier eau et assainissement avec Ziguinchor."},
	{schedule.MilestoneSteering, "Comité de pilotage 2027", day(2027, 6, 24), false, ""},
	{schedule.MilestoneSteering, "Comité de pilotage 2028", day(2028, 6, 22), false, ""},
	{schedule.MilestoneMidTerm, "Évaluation à mi-parcours", day(2029, 6, 28), true, "Présentée en commission puis au conseil ; elle nourrit la révision des objectifs."},
	{schedule.MilestoneSteering, "Comité de pilotage 2030", day(2030, 6, 20), false, ""},
	{schedule.MilestoneSteering, "Comité de pilotage 2031", day(2031, 6, 19), false, ""},
	{schedule.MilestoneFinal, "Évaluation finale", day(2032, 6, 24), true, "Bilan de la mandature, base de la stratégie suivante."},
}

// demoPartners are the partners of each objective's activities, in the framework's order of objectives.
var demoPartners = [][]string{
	{"Commune de Ziguinchor", "Agence de l'eau"},
	{"Ville de Neustadt an der Weinstraße", "Office franco-allemand pour la jeunesse"},
	{"Team France Export"},
	{"Association Belval–Casamance", "Associations de la diaspora"},
}

// loadPlanning dates the demo's activities along the term, with owners, partners and dependencies, and
// adds the milestones. It works from whatever activities the framework loader created.
func loadPlanning(ctx context.Context, st *store.Store, fx *Fixture) error {
	a, s := fx.Authority.ID, fx.Strategy.ID
	var milestones []schedule.MilestoneRecord
	for _, dm := range demoMilestones {
		m := schedule.MilestoneRecord{AuthorityID: a, StrategyID: s, Kind: dm.kind, Title: dm.title, Date: partialdate.FromTime(dm.date), Public: dm.public, Notes: dm.notes}
		if err := st.CreateMilestone(ctx, fx.Actor, &m); err != nil {
			return err
		}
		milestones = append(milestones, m)
	}
	acts, err := st.ActivitiesOf(ctx, a, s)
	if err != nil {
		return err
	}
	objectives, err := st.ActivityObjectives(ctx, a, s)
	if err != nil {
		return err
	}
	objIndex := map[int64]int{}
	order := map[int64]int{}
	for _, o := range objectives {
		if _, ok := order[o.ObjectiveID]; !ok {
			order[o.ObjectiveID] = len(order)
		}
		objIndex[o.ActivityID] = order[o.ObjectiveID]
	}
	// The water activities are carried by the referent's own service, so the referent can update their progress.
	waterService, err := st.MemberService(ctx, a, fx.Users[access.Referent].ID)
	if err != nil {
		return err
	}
	deliberation := milestones[1].Node()
	var prev schedule.Node
	for i, act := range acts {
		sc := demoSchedule(fx, act, i, objIndex[act.ID])
		if sc.Responsible == fx.Users[access.Referent].Name {
			sc.Service = waterService
		}
		// Activities come in threes under each result: the first starts on a date spread along the term
		// (the very first one month after the vote), the next two follow the one before.
		switch {
		case i == 0:
			sc.StartKind, sc.Anchor, sc.AnchorEdge, sc.OffsetN, sc.OffsetUnit = schedule.StartRelative, deliberation, schedule.EdgeEnd, 1, schedule.Months
		case i%3 == 0:
			sc.StartKind, sc.StartDate = schedule.StartAbsolute, day(2027, 1, 4).AddDate(0, (i/3)*5, 0)
		default:
			sc.StartKind, sc.Anchor, sc.AnchorEdge, sc.OffsetN, sc.OffsetUnit = schedule.StartRelative, prev, schedule.EdgeEnd, 2+i%3, schedule.Weeks
		}
		if err := st.SaveSchedule(ctx, fx.Actor, &sc); err != nil {
			return err
		}
		prev = schedule.Node{Kind: schedule.NodeActivity, ID: act.ID}
	}
	return demoDependencies(ctx, st, fx, acts, milestones)
}

// demoSchedule gives an activity its duration, people and status.
func demoSchedule(fx *Fixture, act logframe.ActivityRecord, i, objective int) schedule.ScheduleRecord {
	sc := schedule.ScheduleRecord{ActivityID: act.ID, AuthorityID: fx.Authority.ID, StrategyID: fx.Strategy.ID,
		DurationDays: []int{240, 150, 90, 365, 120, 180, 60}[i%7], PrepDays: []int{30, 0, 14, 0}[i%4], FollowUpDays: []int{0, 15, 0, 30, 0}[i%5],
		Service: act.Owner, Responsible: act.Owner, Status: schedule.Planned, Public: i%4 == 1}
	switch {
	case strings.Contains(act.Owner, "relations internationales"):
		sc.Responsible = fx.Users[access.Agent].Name
	case strings.Contains(act.Owner, "de l'eau et de l'assainissement"), strings.Contains(act.Owner, "Régie des eaux"):
		sc.Responsible = fx.Users[access.Referent].Name
	case strings.Contains(act.Owner, "Association"):
		sc.Responsible = fx.Users[access.Partner].Name
	}
	if objective < len(demoPartners) {
		sc.Partners = demoPartners[objective][:1+i%len(demoPartners[objective])]
	}
	if i < 2 {
		sc.Status, sc.PercentDone = schedule.Running, 10
	}
	if i == 7 {
		sc.Status = schedule.Postponed
	}
	return sc
}

// demoDependencies ties a few activities across results and to the evaluation milestones, as the agent
// would: the economic mission to Senegal goes with the technical mission to Ziguinchor, the evaluations wait
// for the campaign's assessment.
func demoDependencies(ctx context.Context, st *store.Store, fx *Fixture, acts []logframe.ActivityRecord, milestones []schedule.MilestoneRecord) error {
	node := func(i int) schedule.Node { return schedule.Node{Kind: schedule.NodeActivity, ID: acts[i].ID} }
	type link struct {
		from, to schedule.Node
		kind     schedule.Kind
		n        int
		unit     schedule.Unit
	}
	var links []link
	if len(acts) >= 30 {
		links = append(links,
			link{node(4), node(19), schedule.StartToStart, 0, schedule.Days},                // mission filière eau with the technical mission
			link{node(8), milestones[6].Node(), schedule.FinishToStart, 1, schedule.Months}, // mid-term evaluation after the campaign's assessment
			link{node(24), node(27), schedule.FinishToFinish, 2, schedule.Weeks},            // the festival ends after the fund's selection
			link{node(29), milestones[9].Node(), schedule.FinishToStart, 1, schedule.Months},
		)
	}
	for _, l := range links {
		d := schedule.DependencyRecord{AuthorityID: fx.Authority.ID, StrategyID: fx.Strategy.ID, From: l.from, To: l.to, Kind: l.kind, LagN: l.n, LagUnit: l.unit}
		if err := st.CreateDependency(ctx, fx.Actor, &d); err != nil {
			return err
		}
	}
	return nil
}
