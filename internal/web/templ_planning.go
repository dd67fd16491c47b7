package web

import (
	"maps"
	"slices"
	"strconv"

	"boussole/internal/schedule"
)

// Helpers of the planning's templ pages (page_planning_*.templ).

// extraKeys are the names of the parameters the strategy choice keeps, in order.
func (a planStrategyArgs) extraKeys() []string { return slices.Sorted(maps.Keys(a.Extra)) }

// planDepSentence reads a dependency in French, from the successor to the predecessor.
func planDepSentence(plan *planData, dep schedule.DependencyRecord) string {
	s := "Commence"
	if dep.Kind == schedule.FinishToFinish {
		s += " ou finit"
	}
	s += " : « " + plan.NodeName(dep.To) + " » " + dep.Kind.Label() + " « " + plan.NodeName(dep.From) + " »"
	if dep.LagN != 0 || dep.LagUnit == schedule.WorkingDays {
		s += ", décalage de " + dep.LagText()
	}
	return s
}

// planDependents names what depends on an activity or a milestone.
func planDependents(plan *planData, out []schedule.DependencyRecord) string {
	s := "Ce qui en dépend : "
	for i, dep := range out {
		if i > 0 {
			s += ", "
		}
		s += "« " + plan.NodeName(dep.To) + " »"
	}
	return s + "."
}

func planYesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}

// planPublishedNote says that a milestone is on the public calendar.
func planPublishedNote(public bool) string {
	if public {
		return " Publié dans le calendrier public."
	}
	return ""
}

// planActivityURL is the schedule page of a roadmap's activity.
func planActivityURL(ws *workspace, it roadmapItem) string {
	return ws.Prefix() + "/planification/activites/" + strconv.FormatInt(it.Node.ID, 10)
}

// planRoadmapYearURL is the feuille de route of one year, keeping the strategy chosen.
func planRoadmapYearURL(ws *workspace, year int, q string, strategyID int64) string {
	u := ws.Prefix() + "/planification/feuille-de-route?annee=" + strconv.Itoa(year)
	if q != "" {
		u += "&strategie=" + strconv.FormatInt(strategyID, 10)
	}
	return u
}

// planRoadmapTitle is the feuille de route's heading, with its year when the plan could be computed.
func planRoadmapTitle(y *roadmapYear) string {
	if y == nil {
		return "Feuille de route"
	}
	return "Feuille de route " + strconv.Itoa(y.Year)
}

// planAgendaButton makes the person's first secret link, or replaces it.
func planAgendaButton(none bool) string {
	if none {
		return "Créer mon lien d'abonnement"
	}
	return "Remplacer mon lien d'abonnement"
}

// planTimingText says when an activity happens as the plan computes it, and how much slack it has.
func planTimingText(t *schedule.Timing) string {
	s := "Dates calculées : "
	if t.Milestone {
		s += "le " + frenchDate(t.Start.Time())
	} else {
		s += "du " + frenchDate(t.Start.Time()) + " au " + frenchDate(t.Finish.AddDays(-1).Time())
	}
	if t.Critical {
		s += ", sur le chemin critique"
	} else {
		s += ", marge de " + strconv.Itoa(t.Slack) + " jours"
	}
	return s + "."
}

// planStartText says how an activity's start is set.
func planStartText(sc *schedule.ScheduleRecord) string {
	if sc.StartKind == schedule.StartAbsolute {
		return "le " + frenchDate(sc.StartDate)
	}
	return "par rapport à une autre activité ou à un jalon"
}

// planDurationText is an activity's duration with its preparation and follow-up.
func planDurationText(sc *schedule.ScheduleRecord) string {
	s := strconv.Itoa(sc.DurationDays) + " jours"
	if sc.PrepDays != 0 {
		s += ", préparation " + strconv.Itoa(sc.PrepDays) + " jours"
	}
	if sc.FollowUpDays != 0 {
		s += ", suivi " + strconv.Itoa(sc.FollowUpDays) + " jours"
	}
	return s
}
