// Package process describes the guide's method as steps a strategy goes through, with their statuses and
// the planned calendar the guide advises (6 months to a year to a concerted document).
package process

import "time"

// Step identifies one step or cross-cutting part of the method.
type Step string

// The guide's four steps, then its cross-cutting parts, in the order the tracker shows them.
const (
	Awareness    Step = "sensibilisation"
	Diagnostic   Step = "diagnostic"
	KeyElements  Step = "elements-cles"
	Monitoring   Step = "suivi-evaluation"
	Stakeholders Step = "parties-prenantes"
	Comms        Step = "communication"
	Deliberation Step = "deliberation"
)

// Definition is what the tracker says about a step.
type Definition struct {
	Step        Step
	Title       string
	Summary     string // one French sentence from the guide
	CrossCut    bool   // a part that runs across the steps rather than one of the four steps
	StartMonth  int    // planned start, in months after the beginning of the elaboration
	LengthMonth int    // planned length, in months
}

// Steps is the method in tracker order. The default calendar spreads it over ten months, inside the
// guide's six to twelve, with the deliberation at the end.
var Steps = []Definition{
	{Awareness, "Sensibilisation et engagement des équipes",
		"Informer et sensibiliser les élus et les services grâce à un argumentaire de l'action internationale.", false, 0, 2},
	{Diagnostic, "Diagnostic",
		"Analyser atouts, faiblesses, opportunités et menaces, cartographier les acteurs et revoir les partenariats en cours.", false, 1, 3},
	{KeyElements, "Éléments clés de la stratégie",
		"Co-construire valeurs, vision, mission, objectifs et priorités géographiques et thématiques.", false, 4, 3},
	{Monitoring, "Suivi et évaluation",
		"Définir des indicateurs peu nombreux et simples, et prévoir les évaluations à mi-parcours et finale.", false, 6, 3},
	{Stakeholders, "Engagement des parties prenantes",
		"Associer les parties prenantes tout au long du processus, en sachant jusqu'où la collectivité s'engage.", true, 0, 9},
	{Comms, "Communication",
		"Communiquer en interne et auprès des citoyens, publier le calendrier, conduire la consultation citoyenne.", true, 0, 10},
	{Deliberation, "Délibération",
		"Faire adopter le document stratégique par une délibération de l'assemblée.", true, 9, 1},
}

// Lookup returns the definition of a step.
func Lookup(s Step) (Definition, bool) {
	for _, d := range Steps {
		if d.Step == s {
			return d, true
		}
	}
	return Definition{}, false
}

// Status is where a step stands.
type Status string

// Statuses of a step.
const (
	NotStarted Status = "a-faire"
	InProgress Status = "en-cours"
	Done       Status = "termine"
	Blocked    Status = "bloque"
)

// Statuses lists the statuses in display order.
var Statuses = []Status{NotStarted, InProgress, Done, Blocked}

var statusLabels = map[Status]string{
	NotStarted: "À faire", InProgress: "En cours", Done: "Terminée", Blocked: "Bloquée",
}

// Label returns the French label of a status.
func (s Status) Label() string { return statusLabels[s] }

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := statusLabels[s]; return ok }

// PlannedDates returns the default planned start and end of a step for an elaboration that begins on start.
func (d Definition) PlannedDates(start time.Time) (time.Time, time.Time) {
	from := start.AddDate(0, d.StartMonth, 0)
	return from, from.AddDate(0, d.LengthMonth, -1)
}

// StartingStatus is the status the steps of a new strategy start with: « à faire » for one about to be
// elaborated, « terminée » for one registered as already adopted, whose elaboration is over.
func StartingStatus(adopted bool) Status {
	if adopted {
		return Done
	}
	return NotStarted
}
