package stakeholder

import "fmt"

// Quadrant is a cell of the power/interest grid (Mendelow), each calling for a kind of engagement.
type Quadrant string

// The four quadrants.
const (
	QuadrantManageClosely Quadrant = "manage_closely" // high power, high interest
	QuadrantKeepSatisfied Quadrant = "keep_satisfied" // high power, low interest
	QuadrantKeepInformed  Quadrant = "keep_informed"  // low power, high interest
	QuadrantMonitor       Quadrant = "monitor"        // low power, low interest
)

type quadrantInfo struct {
	quadrant Quadrant
	label    string
	level    Level
	advice   string
}

var quadrants = []quadrantInfo{
	{QuadrantManageClosely, "Gérer de près", LevelCollaborate,
		"l'associer étroitement à chaque étape, jusqu'à collaborer voire co-décider"},
	{QuadrantKeepSatisfied, "Satisfaire", LevelConsult,
		"répondre à ses attentes sans la solliciter à l'excès, et la consulter sur les décisions qui la touchent"},
	{QuadrantKeepInformed, "Informer", LevelInform,
		"l'informer régulièrement et l'écouter sur les sujets qui l'intéressent"},
	{QuadrantMonitor, "Surveiller", LevelInform,
		"suivre son évolution avec un effort limité, car son pouvoir ou son intérêt peut grandir"},
}

// Quadrants returns the four quadrants, the most demanding first.
func Quadrants() []Quadrant {
	out := make([]Quadrant, len(quadrants))
	for i, q := range quadrants {
		out[i] = q.quadrant
	}
	return out
}

func (q Quadrant) info() quadrantInfo {
	for _, qi := range quadrants {
		if qi.quadrant == q {
			return qi
		}
	}
	return quadrantInfo{quadrant: q, label: string(q)}
}

// Label is the French name of the quadrant (« Gérer de près »).
func (q Quadrant) Label() string { return q.info().label }

// SuggestedLevel is the engagement level the quadrant calls for, as a starting point for the officer.
func (q Quadrant) SuggestedLevel() Level { return q.info().level }

// Advice is the French description of the engagement the quadrant calls for.
func (q Quadrant) Advice() string { return q.info().advice }

// Placement is a stakeholder's quadrant with the attributes that placed it there.
type Placement struct {
	Quadrant Quadrant
	Power    Attribute
	Interest Attribute
}

// Placement computes the stakeholder's power/interest quadrant; high means the attribute is present
// (same Threshold as salience, so the grid and the salience diagram never disagree).
func (s Stakeholder) Placement() Placement {
	p, i := s.powerAttr(), s.interestAttr()
	q := QuadrantMonitor
	switch {
	case p.Present && i.Present:
		q = QuadrantManageClosely
	case p.Present:
		q = QuadrantKeepSatisfied
	case i.Present:
		q = QuadrantKeepInformed
	}
	return Placement{Quadrant: q, Power: p, Interest: i}
}

// Explanation says in French why the stakeholder is in its quadrant and what engagement that calls for.
func (pl Placement) Explanation() string {
	return fmt.Sprintf("%s : %s ; %s. Engagement conseillé : %s (niveau « %s »).",
		pl.Quadrant.Label(),
		pl.Power.explain("pouvoir élevé", "pouvoir faible"),
		pl.Interest.explain("intérêt élevé", "intérêt faible"),
		pl.Quadrant.Advice(), pl.Quadrant.SuggestedLevel().Label())
}
