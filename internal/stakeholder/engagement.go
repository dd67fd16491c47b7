package stakeholder

// Level is how far the authority commits to a stakeholder, from the least to the most binding.
type Level string

// Engagement levels, from informing to sharing the decision.
const (
	LevelInform      Level = "inform"
	LevelConsult     Level = "consult"
	LevelInvolve     Level = "involve"
	LevelCollaborate Level = "collaborate"
	LevelCodecide    Level = "codecide"
)

type levelInfo struct {
	level   Level
	label   string
	promise string // « L'engagement de la CT »
	ask     string // « Ce que cela représente pour les parties prenantes »
}

// levels holds the default wording of the guide's engagement table; an officer may rewrite both per stakeholder.
var levels = []levelInfo{
	{LevelInform, "Informer",
		"La collectivité tient la partie prenante informée, de façon claire et régulière, des choix et de leur avancement.",
		"Prendre connaissance des informations transmises ; aucune contribution n'est attendue."},
	{LevelConsult, "Consulter",
		"La collectivité recueille son avis avant de décider et lui dit comment cet avis a pesé sur la décision.",
		"Donner son avis lors des consultations prévues, dans les délais fixés."},
	{LevelInvolve, "Associer",
		"La collectivité reprend ses attentes dans les options étudiées et lui montre comment elles ont été prises en compte.",
		"Participer aux ateliers et réunions de travail tout au long de l'étape."},
	{LevelCollaborate, "Collaborer",
		"La collectivité construit les solutions avec elle et retient ses recommandations autant que possible.",
		"Contribuer aux travaux avec du temps, de l'expertise ou des moyens, et partager ses informations."},
	{LevelCodecide, "Co-décider",
		"La collectivité met en œuvre ce qui a été décidé ensemble, dans le cadre de ses compétences.",
		"Partager la décision et la responsabilité qui en découle, y compris dans la mise en œuvre."},
}

// Levels returns every engagement level, from the least to the most binding.
func Levels() []Level {
	out := make([]Level, len(levels))
	for i, l := range levels {
		out[i] = l.level
	}
	return out
}

func (l Level) info() (levelInfo, bool) {
	for _, li := range levels {
		if li.level == l {
			return li, true
		}
	}
	return levelInfo{}, false
}

// Valid reports whether l is a known level.
func (l Level) Valid() bool { _, ok := l.info(); return ok }

// Label is the French name of the level.
func (l Level) Label() string {
	if li, ok := l.info(); ok {
		return li.label
	}
	return string(l)
}

// Promise is the default wording of what the authority commits to at this level.
func (l Level) Promise() string { li, _ := l.info(); return li.promise }

// Ask is the default wording of what this level represents for the stakeholder.
func (l Level) Ask() string { li, _ := l.info(); return li.ask }

// ParseLevel reads a level from its code name or French label, ignoring case and accents.
func ParseLevel(s string) (Level, bool) {
	f := fold(s)
	for _, li := range levels {
		if f == fold(string(li.level)) || f == fold(li.label) {
			return li.level, true
		}
	}
	return "", false
}

// Step is a step of the strategy process in which a stakeholder can take part.
type Step string

// Steps of the process, in order.
const (
	StepDiagnostic     Step = "diagnostic"
	StepDefinition     Step = "definition"
	StepImplementation Step = "implementation"
	StepEvaluation     Step = "evaluation"
	StepRevision       Step = "revision"
)

var steps = []struct {
	step  Step
	label string
}{
	{StepDiagnostic, "Diagnostic"},
	{StepDefinition, "Définition de la stratégie"},
	{StepImplementation, "Mise en œuvre"},
	{StepEvaluation, "Évaluation"},
	{StepRevision, "Révision"},
}

// Steps returns the steps of the process in order.
func Steps() []Step {
	out := make([]Step, len(steps))
	for i, s := range steps {
		out[i] = s.step
	}
	return out
}

// Label is the French name of the step.
func (s Step) Label() string {
	for _, si := range steps {
		if si.step == s {
			return si.label
		}
	}
	return string(s)
}

// Valid reports whether s is a known step.
func (s Step) Valid() bool {
	for _, si := range steps {
		if si.step == s {
			return true
		}
	}
	return false
}

// ParseStep reads a step from its code name or French label (« définition » alone is accepted).
func ParseStep(s string) (Step, bool) {
	f := fold(s)
	for _, si := range steps {
		if f == fold(string(si.step)) || f == fold(si.label) {
			return si.step, true
		}
	}
	if f == "mise en oeuvre" {
		return StepImplementation, true
	}
	return "", false
}

// Engagement is the authority's commitment to one stakeholder. Empty Promise or Ask mean the level's default.
type Engagement struct {
	Level   Level  `json:"level,omitempty"`
	Steps   []Step `json:"steps,omitempty"`
	Promise string `json:"promise,omitempty"`
	Ask     string `json:"ask,omitempty"`
}

// EffectivePromise is the promise to show: the officer's own words, or the level's default.
func (e Engagement) EffectivePromise() string {
	if e.Promise != "" {
		return e.Promise
	}
	return e.Level.Promise()
}

// EffectiveAsk is what is asked of the stakeholder: the officer's own words, or the level's default.
func (e Engagement) EffectiveAsk() string {
	if e.Ask != "" {
		return e.Ask
	}
	return e.Level.Ask()
}

// In reports whether the stakeholder takes part in step s.
func (e Engagement) In(s Step) bool {
	for _, x := range e.Steps {
		if x == s {
			return true
		}
	}
	return false
}
