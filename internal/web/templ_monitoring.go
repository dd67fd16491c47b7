package web

import (
	"strconv"

	"boussole/internal/monitoring"
)

// Helpers of the monitoring pages in templ (page_monitoring_*.templ).

// monitoringLabelled is a closed list of the monitoring package (kind, conduct, criterion, response,
// follow-up): its value is its code, Label its French name.
type monitoringLabelled interface {
	~string
	Label() string
}

// monitoringChoices turns a closed list into the options of a select.
func monitoringChoices[T monitoringLabelled](l []T) []option {
	out := make([]option, len(l))
	for i, x := range l {
		out[i] = option{Value: string(x), Label: x.Label()}
	}
	return out
}

// monitoringNavItems are the section's own links, the current one marked; validating measurements adds
// the import.
func monitoringNavItems(ws *workspace, cur string, mayImport bool) []navItem {
	p := ws.Prefix() + "/suivi-evaluation"
	items := []navItem{
		{p, "Tableau de bord", cur == "board"},
		{p + "/tableaux", "Par objectif, thème, pays, ODD", cur == "axes"},
		{p + "/synthese", "En une page", cur == "summary"},
		{p + "/a-mettre-a-jour", "Ce que je dois mettre à jour", cur == "mine"},
		{p + "/evaluations", "Évaluations", cur == "evaluations"},
		{p + "/strategie-suivante", "Préparer la stratégie suivante", cur == "revision"},
	}
	if mayImport {
		items = append(items, navItem{p + "/import", "Importer des mesures", cur == "import"})
	}
	return items
}

// monitoringCount is « 3 recommandations », « 1 recommandation »: n and the word, plural from 2.
func monitoringCount(n int, word string) string {
	return strconv.Itoa(n) + " " + word + plural(n, "s")
}

// evaluationLead is the evaluation's summary line: its strategy, its opening, who evaluates, and how
// many recommendations were made, accepted and done.
func evaluationLead(d evaluationPage) string {
	e := d.E
	s := "Stratégie « " + d.Strategy + " » · ouverte le " + frenchDate(e.SnapshotOn)
	if e.Evaluator != "" {
		s += " · évaluée par " + e.Evaluator
	}
	return s + " · " + monitoringCount(len(e.Recommendations), "recommandation") + ", " +
		monitoringCount(d.Accepted, "acceptée") + " (en tout ou partie), " + monitoringCount(d.Done, "réalisée") + "."
}

// evaluationQuestionsOf are the evaluation's questions under one criterion, in their order.
func evaluationQuestionsOf(e monitoring.Evaluation, c monitoring.Criterion) []monitoring.Question {
	var out []monitoring.Question
	for _, q := range e.Questions {
		if q.Criterion == c {
			out = append(out, q)
		}
	}
	return out
}

// indicatorLead is the indicator's summary line: its level, unit or measure, direction, periodicity and
// owner.
func indicatorLead(d measurementsPage) string {
	in := d.Indicator
	s := d.Line.Level + " · "
	if in.Unit != "" {
		s += "en " + in.Unit
	} else {
		s += in.Measure.Label()
	}
	if in.Ascending {
		s += " · plus c'est haut, mieux c'est"
	} else {
		s += " · plus c'est bas, mieux c'est"
	}
	if in.Periodicity != "" {
		s += " · périodicité « " + in.Periodicity + " »"
	} else {
		s += " · périodicité non renseignée"
	}
	if d.Line.Owner != "" {
		s += " · responsable : " + d.Line.Owner
	}
	return s
}

// unitInBrackets is « (personnes) » after a label, nothing without a unit.
func unitInBrackets(unit string) string {
	if unit == "" {
		return ""
	}
	return " (" + unit + ")"
}

// upcomingPeriodsText names the periods not started yet, which the table leaves out.
func upcomingPeriodsText(d measurementsPage) string {
	if d.Upcoming > 1 {
		return "Puis " + strconv.Itoa(d.Upcoming) + " périodes à venir, de « " + d.NextPeriod + " » à « " + d.LastPeriod + " »."
	}
	return "Puis " + strconv.Itoa(d.Upcoming) + " période à venir : « " + d.NextPeriod + " »."
}

// lastValueWhen is an indicator's latest value and, when known, its date.
func lastValueWhen(l indicatorLine) string {
	if l.LastWhen == "" {
		return l.Last
	}
	return l.Last + ", au " + l.LastWhen
}
