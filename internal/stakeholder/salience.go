package stakeholder

import (
	"fmt"
	"strings"
)

// Class is a salience class in the spirit of Mitchell, Agle and Wood (1997): which of power, legitimacy and
// urgency (here the guide's interest) a stakeholder holds.
type Class string

// The eight salience classes.
const (
	ClassDefinitive    Class = "definitive"    // power, legitimacy, interest
	ClassDominant      Class = "dominant"      // power, legitimacy
	ClassDangerous     Class = "dangerous"     // power, interest
	ClassDependent     Class = "dependent"     // legitimacy, interest
	ClassDormant       Class = "dormant"       // power only
	ClassDiscretionary Class = "discretionary" // legitimacy only
	ClassDemanding     Class = "demanding"     // interest only
	ClassNone          Class = "none"          // none of them, though some criteria are scored
	ClassUnscored      Class = "unscored"      // no criterion scored yet: unknown, not « none »
)

type classInfo struct {
	class   Class
	label   string
	meaning string
}

var classes = []classInfo{
	{ClassDefinitive, "définitive", "Elle réunit pouvoir, légitimité et intérêt : c'est une priorité, à associer à chaque étape."},
	{ClassDominant, "dominante", "Elle a pouvoir et légitimité sans intérêt marqué : ses attentes comptent, il faut susciter son intérêt."},
	{ClassDangerous, "dangereuse", "Elle a pouvoir et intérêt sans légitimité reconnue : elle peut peser sur la démarche, à suivre avec attention."},
	{ClassDependent, "dépendante", "Elle est légitime et intéressée mais sans pouvoir propre : elle dépend d'autres acteurs pour se faire entendre."},
	{ClassDormant, "dormante", "Elle a du pouvoir sans légitimité ni intérêt marqués : à surveiller, car elle peut s'éveiller."},
	{ClassDiscretionary, "discrétionnaire", "Elle est légitime sans pouvoir ni intérêt marqués : la collectivité choisit de l'associer ou non."},
	{ClassDemanding, "exigeante", "Elle est intéressée sans pouvoir ni légitimité marqués : à écouter sans lui donner plus de place que nécessaire."},
	{ClassNone, "non partie prenante", "Aucun des trois attributs n'est marqué : elle n'est pas, à ce stade, une partie prenante de la stratégie."},
	{ClassUnscored, "non renseigné", "Aucun critère n'est encore noté : notez son pouvoir, sa légitimité et son intérêt pour la situer."},
}

// Classes returns the classes from the most to the least salient.
func Classes() []Class {
	out := make([]Class, len(classes))
	for i, c := range classes {
		out[i] = c.class
	}
	return out
}

func (c Class) info() classInfo {
	for _, ci := range classes {
		if ci.class == c {
			return ci
		}
	}
	return classInfo{class: c, label: string(c)}
}

// Label is the French adjective of the class (« définitive »).
func (c Class) Label() string { return c.info().label }

// Meaning is one French sentence saying what the class means for the authority.
func (c Class) Meaning() string { return c.info().meaning }

// classOf maps the three attributes to a class.
func classOf(p, l, i bool) Class {
	switch {
	case p && l && i:
		return ClassDefinitive
	case p && l:
		return ClassDominant
	case p && i:
		return ClassDangerous
	case l && i:
		return ClassDependent
	case p:
		return ClassDormant
	case l:
		return ClassDiscretionary
	case i:
		return ClassDemanding
	}
	return ClassNone
}

// Salience is a computed salience class with the attributes that gave it.
type Salience struct {
	Class      Class
	Power      Attribute
	Legitimacy Attribute
	Interest   Attribute
}

// Salience computes the stakeholder's salience class from its criteria.
func (s Stakeholder) Salience() Salience {
	p, l, i := s.powerAttr(), s.legitimacyAttr(), s.interestAttr()
	class := classOf(p.Present, l.Present, i.Present)
	if !s.Scored() {
		class = ClassUnscored
	}
	return Salience{Class: class, Power: p, Legitimacy: l, Interest: i}
}

// Scored reports whether any criterion has a score above 0 or a comment: an actor nobody has assessed yet
// is unknown (« non renseigné »), not an actor found to have no stake.
func (s Stakeholder) Scored() bool {
	for _, cs := range [][]criterion{s.Power.criteria(), s.Legitimacy.criteria(), s.Interest.criteria()} {
		for _, c := range cs {
			if c.score.Value > 0 || strings.TrimSpace(c.score.Comment) != "" {
				return true
			}
		}
	}
	return false
}

// Explanation says in French which class the stakeholder is in and which criteria put it there.
func (sa Salience) Explanation() string {
	head := "Partie prenante " + sa.Class.Label()
	switch sa.Class {
	case ClassNone:
		head = "Non partie prenante"
	case ClassUnscored:
		return "Saillance non renseignée : " + sa.Class.Meaning()
	}
	return fmt.Sprintf("%s : %s ; %s ; %s. %s", head,
		sa.Power.explain("pouvoir présent", "pouvoir absent"),
		sa.Legitimacy.explain("légitimité présente", "légitimité absente"),
		sa.Interest.explain("intérêt présent", "intérêt absent"),
		sa.Class.Meaning())
}
