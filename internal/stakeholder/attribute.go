package stakeholder

import (
	"fmt"
	"strings"
)

// Threshold is the score (out of 3) from which a criterion counts as marked. An attribute (power, legitimacy,
// interest) is present when at least one of its criteria reaches it: one strong kind of power is enough to
// weigh on a decision, and a stakeholder strongly interested in either the object or the type of action has a
// stake in it. Scores of 0 and 1 (nul, faible) thus never make an attribute present; 2 and 3 (moyen, fort) do.
const Threshold = 2

// Attribute is one of the three salience attributes, computed from its criteria.
type Attribute struct {
	Name     string      // French name: « pouvoir », « légitimité », « intérêt »
	Present  bool        // at least one criterion reaches Threshold
	Level    int         // strongest score, 0–3
	Deciding []criterion // the criteria that made it present, or the strongest ones when absent
}

func attribute(name string, cs []criterion) Attribute {
	a := Attribute{Name: name, Level: level(cs)}
	a.Present = a.Level >= Threshold
	for _, c := range cs {
		if c.score.Value >= Threshold || (!a.Present && c.score.Value == a.Level && a.Level > 0) {
			a.Deciding = append(a.Deciding, c)
		}
	}
	return a
}

// DecidingLabels are the French labels of the criteria that decided this attribute.
func (a Attribute) DecidingLabels() []string {
	out := make([]string, len(a.Deciding))
	for i, c := range a.Deciding {
		out[i] = c.label
	}
	return out
}

// explain says in French why the attribute is present or absent, naming the criteria with their scores.
func (a Attribute) explain(present, absent string) string {
	scores := make([]string, len(a.Deciding))
	for i, c := range a.Deciding {
		scores[i] = fmt.Sprintf("%s %d/%d", c.label, c.score.Value, MaxScore)
	}
	switch {
	case a.Present:
		return fmt.Sprintf("%s (%s)", present, strings.Join(scores, ", "))
	case len(scores) == 0:
		return fmt.Sprintf("%s (tous les critères à 0/%d)", absent, MaxScore)
	default:
		return fmt.Sprintf("%s (aucun critère n'atteint %d/%d ; le plus haut : %s)", absent, Threshold, MaxScore, strings.Join(scores, ", "))
	}
}

func (s Stakeholder) powerAttr() Attribute { return attribute("pouvoir", s.Power.criteria()) }
func (s Stakeholder) legitimacyAttr() Attribute {
	return attribute("légitimité", s.Legitimacy.criteria())
}
func (s Stakeholder) interestAttr() Attribute { return attribute("intérêt", s.Interest.criteria()) }
