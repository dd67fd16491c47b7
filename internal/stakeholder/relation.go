package stakeholder

import "boussole/internal/fielderr"

// RelationKind is the nature of a link between two stakeholders.
type RelationKind string

// Relation kinds.
const (
	RelMemberOf  RelationKind = "member_of"  // From is a member of To
	RelFunds     RelationKind = "funds"      // From funds To
	RelPartnerOf RelationKind = "partner_of" // From and To are partners (symmetric)
	RelInfluence RelationKind = "influences" // From influences To
)

var relationKinds = []struct {
	kind  RelationKind
	label string
}{
	{RelMemberOf, "membre de"},
	{RelFunds, "finance"},
	{RelPartnerOf, "partenaire de"},
	{RelInfluence, "influence"},
}

// RelationKinds returns every relation kind.
func RelationKinds() []RelationKind {
	out := make([]RelationKind, len(relationKinds))
	for i, r := range relationKinds {
		out[i] = r.kind
	}
	return out
}

// Label is the French verb phrase of the relation (« membre de »).
func (k RelationKind) Label() string {
	for _, r := range relationKinds {
		if r.kind == k {
			return r.label
		}
	}
	return string(k)
}

// Valid reports whether k is a known relation kind.
func (k RelationKind) Valid() bool {
	for _, r := range relationKinds {
		if r.kind == k {
			return true
		}
	}
	return false
}

// Symmetric reports whether the relation reads the same both ways, so A–B and B–A are one link.
func (k RelationKind) Symmetric() bool { return k == RelPartnerOf }

// Relation is a directed link from one stakeholder to another.
type Relation struct {
	ID      int64        `json:"id,omitempty"`
	From    int64        `json:"from"`
	To      int64        `json:"to"`
	Kind    RelationKind `json:"kind"`
	Comment string       `json:"comment,omitempty"`
}

// ValidateRelation checks r against the known stakeholders (by ID) and the relations already recorded,
// and returns a French message for the first problem, or nil.
func ValidateRelation(r Relation, known map[int64]string, existing []Relation) error {
	if !r.Kind.Valid() {
		return problem("relation", "Le type de relation « %s » n'existe pas.", r.Kind)
	}
	from, okF := known[r.From]
	to, okT := known[r.To]
	if !okF || !okT {
		return fielderr.Error{Field: "relation", Message: "La relation doit relier deux acteurs de la cartographie."}
	}
	if r.From == r.To {
		return problem("relation", "Un acteur ne peut pas être en relation avec lui-même (« %s »).", from)
	}
	if len([]rune(r.Comment)) > MaxCommentLen {
		return problem("relation", "Le commentaire de la relation dépasse %d caractères.", MaxCommentLen)
	}
	for _, e := range existing {
		if e.ID != 0 && e.ID == r.ID {
			continue // editing this very relation
		}
		if e.Kind == r.Kind && sameEnds(e, r) {
			return problem("relation", "La relation « %s %s %s » existe déjà.", from, r.Kind.Label(), to)
		}
	}
	return nil
}

func sameEnds(a, b Relation) bool {
	if a.From == b.From && a.To == b.To {
		return true
	}
	return a.Kind.Symmetric() && a.From == b.To && a.To == b.From
}
