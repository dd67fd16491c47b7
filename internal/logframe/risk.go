package logframe

// Risk is one entry of the register of internal and external risks.
type Risk struct {
	ID          int64
	Position    int
	Description string
	Category    RiskCategory
	Likelihood  int // 1–4
	Impact      int // 1–4
	Mitigation  string
	Owner       string
	Status      string // one of RiskStatuses
	Linked      Ref    // objective, result or activity it threatens
}

// RiskStatuses are the states a risk goes through, in order; the first is a new risk's.
var RiskStatuses = []string{"identifié", "en traitement", "maîtrisé", "survenu"}

// riskTargets are the kinds of element a risk can threaten.
var riskTargets = []Kind{KindSpecificObjective, KindResult, KindActivity}

// RiskCategory tells whether a risk comes from inside the authority or from outside.
type RiskCategory string

// Risk categories.
const (
	RiskInternal RiskCategory = "interne"
	RiskExternal RiskCategory = "externe"
)

// Criticality is likelihood × impact, from 1 to 16; 0 when either is missing.
func (r Risk) Criticality() int {
	if r.Likelihood < 1 || r.Impact < 1 {
		return 0
	}
	return r.Likelihood * r.Impact
}

// CriticalityClass returns the French class of a criticality: the 4×4 grid's products split in four bands
// (1–3, 4–6, 8–9, 12–16) so that a risk certain and severe never shares a class with a rare, mild one.
func CriticalityClass(c int) string {
	switch {
	case c <= 0:
		return "non évaluée"
	case c <= 3:
		return "faible"
	case c <= 6:
		return "modérée"
	case c <= 9:
		return "élevée"
	}
	return "critique"
}

// Class returns the French criticality class of the risk.
func (r Risk) Class() string { return CriticalityClass(r.Criticality()) }
