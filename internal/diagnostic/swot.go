package diagnostic

import (
	"boussole/internal/fielderr"
	"cmp"
	"errors"
	"slices"
	"strings"
)

// Quadrant is one of the four boxes of the AFOM/SWOT matrix.
type Quadrant string

// The four quadrants, in the order the matrix is read.
const (
	Strengths     Quadrant = "forces"
	Weaknesses    Quadrant = "faiblesses"
	Opportunities Quadrant = "opportunites"
	Threats       Quadrant = "menaces"
)

// Quadrants lists the quadrants in reading order: internal row first, positive column first.
func Quadrants() []Quadrant { return []Quadrant{Strengths, Weaknesses, Opportunities, Threats} }

// Valid reports whether q is one of the four quadrants.
func (q Quadrant) Valid() bool { return slices.Contains(Quadrants(), q) }

// rank is the quadrant's place in reading order; unknown quadrants sort last.
func (q Quadrant) rank() int {
	switch q {
	case Strengths:
		return 0
	case Weaknesses:
		return 1
	case Opportunities:
		return 2
	case Threats:
		return 3
	}
	return 4
}

// Label is the French name of the quadrant.
func (q Quadrant) Label() string {
	switch q {
	case Strengths:
		return "Forces"
	case Weaknesses:
		return "Faiblesses"
	case Opportunities:
		return "Opportunités"
	case Threats:
		return "Menaces"
	}
	return string(q)
}

// Internal reports whether the quadrant describes the CT and its territory (forces, faiblesses)
// rather than its environment (opportunités, menaces).
func (q Quadrant) Internal() bool { return q == Strengths || q == Weaknesses }

// Positive reports whether the quadrant helps the strategy (forces, opportunités).
func (q Quadrant) Positive() bool { return q == Strengths || q == Opportunities }

// Question is a prompt shown beside a quadrant; Boussole marks the ones the guide does not give.
type Question struct {
	Text     string
	Boussole bool // written for Boussole in the guide's spirit, not quoted from the guide
}

// GuidingQuestions returns the prompts for a quadrant: the guide's own for Forces and Faiblesses,
// Boussole's for Opportunités and Menaces, for which the guide leaves the boxes empty.
func GuidingQuestions(q Quadrant) []Question {
	guide := func(ts ...string) []Question { return questions(false, ts) }
	ours := func(ts ...string) []Question { return questions(true, ts) }
	switch q {
	case Strengths:
		return guide(
			"Qu'est-ce qui vous rend unique ?",
			"Quels sont les principaux atouts socio-économiques du territoire ?",
			"Les citoyens ont-ils des besoins, des attentes ?",
			"Y a-t-il des acteurs avec des compétences, de l'influence à mobiliser ?",
			"Des événements ou autres stratégies pouvant servir l'action internationale sont-ils en préparation ?")
	case Weaknesses:
		return guide(
			"Que pourriez-vous améliorer ?",
			"Quelles limites opérationnelles ou autres ?",
			"Quels sont les défis auxquels vous êtes confronté ?",
			"Existe-t-il un contexte international adverse ?")
	case Opportunities:
		return ours(
			"Quels programmes, appels à projets ou événements européens et internationaux pourraient servir votre action ?",
			"Des réseaux, diasporas ou partenaires présents sur le territoire offrent-ils des relations à valoriser ?",
			"Quelles politiques publiques de la CT gagneraient à s'ouvrir à l'international ?",
			"Des financements nouveaux deviennent-ils accessibles (dispositif 1 %, appels à projets, fonds européens) ?",
			"Quelles évolutions du territoire (jeunesse, économie, culture, climat) appellent une ouverture internationale ?")
	case Threats:
		return ours(
			"Quels changements politiques, institutionnels ou budgétaires pourraient fragiliser l'action ?",
			"Le contexte sécuritaire, sanitaire ou climatique chez vos partenaires présente-t-il des risques ?",
			"L'action internationale risque-t-elle d'être mal comprise ou contestée par les habitants ?",
			"Une dépendance (un seul financeur, une seule personne, un seul partenaire) menace-t-elle la continuité ?",
			"D'autres territoires se positionnent-ils sur les mêmes créneaux ou les mêmes financements ?")
	}
	return nil
}

func questions(boussole bool, texts []string) []Question {
	out := make([]Question, len(texts))
	for i, t := range texts {
		out[i] = Question{Text: t, Boussole: boussole}
	}
	return out
}

// Scope is what a SWOT item is about; the guide asks the analysis to cover all five.
type Scope string

// The five scopes the guide names.
const (
	ScopeAuthority   Scope = "ct"
	ScopeTerritory   Scope = "territoire"
	ScopeActors      Scope = "acteurs"
	ScopePopulations Scope = "populations"
	ScopeDynamics    Scope = "dynamiques"
)

// Scopes lists the scopes in the guide's order.
func Scopes() []Scope {
	return []Scope{ScopeAuthority, ScopeTerritory, ScopeActors, ScopePopulations, ScopeDynamics}
}

// Valid reports whether s is one of the five scopes.
func (s Scope) Valid() bool { return slices.Contains(Scopes(), s) }

// Label is the French label of the scope.
func (s Scope) Label() string {
	switch s {
	case ScopeAuthority:
		return "La CT elle-même"
	case ScopeTerritory:
		return "Le territoire"
	case ScopeActors:
		return "Les acteurs et parties prenantes"
	case ScopePopulations:
		return "Les populations"
	case ScopeDynamics:
		return "Les dynamiques culturelles et socio-économiques"
	}
	return string(s)
}

// Item is one entry of the SWOT matrix.
type Item struct {
	ID         string
	Quadrant   Quadrant
	Scope      Scope
	Text       string
	Evidence   string // evidence or source backing the item
	Weight     int    // 1 (minor) to 3 (major)
	ProposedBy string
	Position   int      // 1-based rank within its quadrant
	Links      []string // identifiers of the objectives that answer this item
	// LeftAside marks an item the strategy deliberately does not answer; AsideReason says why.
	LeftAside   bool
	AsideReason string
}

// Limits of a SWOT item, in characters.
const (
	MaxItemText  = 500
	maxEvidence  = 1000
	MinWeight    = 1
	MaxWeight    = 3
	itemJoinText = "\n"
)

// Validate checks an item and returns French messages per field.
func (it Item) Validate() fielderr.List {
	var errs fielderr.List
	if !it.Quadrant.Valid() {
		errs.Addf("quadrant", "Choisissez un quadrant : forces, faiblesses, opportunités ou menaces.")
	}
	if !it.Scope.Valid() {
		errs.Addf("scope", "Choisissez ce que l'élément concerne : la CT, le territoire, les acteurs, les populations ou les dynamiques.")
	}
	requireText(&errs, "text", it.Text, MaxItemText)
	limitText(&errs, "evidence", it.Evidence, maxEvidence)
	if it.Weight < MinWeight || it.Weight > MaxWeight {
		errs.Addf("weight", "Le poids va de 1 (mineur) à 3 (majeur).")
	}
	limitText(&errs, "proposedBy", it.ProposedBy, maxName)
	it.validateAside(&errs)
	return errs
}

// fielderr.List returned by the matrix operations, in French since the web layer shows them as they are.
var (
	ErrItemNotFound  = errors.New("élément introuvable dans la matrice")
	ErrMergeSelf     = errors.New("un élément ne peut pas être fusionné avec lui-même")
	ErrMergeQuadrant = errors.New("seuls deux éléments du même quadrant peuvent être fusionnés")
)

// Ordered returns a copy of items sorted by quadrant, then position, then ID, the order the matrix is shown in.
func Ordered(items []Item) []Item {
	out := cloneItems(items)
	slices.SortStableFunc(out, func(a, b Item) int {
		return cmp.Or(
			cmp.Compare(a.Quadrant.rank(), b.Quadrant.rank()),
			cmp.Compare(a.Position, b.Position),
			strings.Compare(a.ID, b.ID))
	})
	return out
}

// InQuadrant returns the items of one quadrant in display order.
func InQuadrant(items []Item, q Quadrant) []Item {
	var out []Item
	for _, it := range Ordered(items) {
		if it.Quadrant == q {
			out = append(out, it)
		}
	}
	return out
}

// Renumber returns the items in display order with positions 1..n within each quadrant, closing gaps.
func Renumber(items []Item) []Item {
	out := Ordered(items)
	pos := map[Quadrant]int{}
	for i := range out {
		pos[out[i].Quadrant]++
		out[i].Position = pos[out[i].Quadrant]
	}
	return out
}

// MoveTo moves an item to the 1-based position pos within its quadrant; positions outside the quadrant are clamped.
// The input is left untouched and the result is in display order.
func MoveTo(items []Item, id string, pos int) ([]Item, error) {
	all := Renumber(items)
	at := slices.IndexFunc(all, func(it Item) bool { return it.ID == id })
	if at < 0 {
		return nil, ErrItemNotFound
	}
	moved := all[at]
	var quad []Item
	for _, it := range all {
		if it.Quadrant == moved.Quadrant && it.ID != id {
			quad = append(quad, it)
		}
	}
	pos = min(max(pos, 1), len(quad)+1)
	quad = slices.Insert(quad, pos-1, moved)
	for i := range quad {
		quad[i].Position = i + 1
	}
	return replaceQuadrant(all, moved.Quadrant, quad), nil
}

// MoveUp moves an item one place up in its quadrant; the first item stays first.
func MoveUp(items []Item, id string) ([]Item, error) { return moveBy(items, id, -1) }

// MoveDown moves an item one place down in its quadrant; the last item stays last.
func MoveDown(items []Item, id string) ([]Item, error) { return moveBy(items, id, +1) }

func moveBy(items []Item, id string, delta int) ([]Item, error) {
	all := Renumber(items)
	at := slices.IndexFunc(all, func(it Item) bool { return it.ID == id })
	if at < 0 {
		return nil, ErrItemNotFound
	}
	return MoveTo(all, id, all[at].Position+delta)
}

// replaceQuadrant swaps the items of quadrant q in all (display order) for quad.
func replaceQuadrant(all []Item, q Quadrant, quad []Item) []Item {
	out := make([]Item, 0, len(all))
	for _, it := range all {
		if it.Quadrant != q {
			out = append(out, it)
		}
	}
	return Ordered(append(out, quad...))
}

// Merge folds item goneID into keepID, both of the same quadrant: texts and evidence are joined (without repeating
// identical ones), the higher weight is kept, proposers and links are united, and goneID disappears.
// The merged item is validated, so a merge that would exceed the text limit is refused with field messages
// rather than silently truncated.
func Merge(items []Item, keepID, goneID string) ([]Item, error) {
	if keepID == goneID {
		return nil, ErrMergeSelf
	}
	all := Renumber(items)
	ki := slices.IndexFunc(all, func(it Item) bool { return it.ID == keepID })
	gi := slices.IndexFunc(all, func(it Item) bool { return it.ID == goneID })
	if ki < 0 || gi < 0 {
		return nil, ErrItemNotFound
	}
	keep, gone := all[ki], all[gi]
	if keep.Quadrant != gone.Quadrant {
		return nil, ErrMergeQuadrant
	}
	keep.Text = joinDistinct(itemJoinText, keep.Text, gone.Text)
	keep.Evidence = joinDistinct(itemJoinText, keep.Evidence, gone.Evidence)
	keep.ProposedBy = joinDistinct(", ", keep.ProposedBy, gone.ProposedBy)
	keep.Weight = max(keep.Weight, gone.Weight)
	keep.Links = unionStrings(keep.Links, gone.Links)
	if errs := keep.Validate(); errs != nil {
		return nil, errs
	}
	all[ki] = keep
	return Renumber(slices.Delete(all, gi, gi+1)), nil
}

// joinDistinct joins the non-blank parts that differ from each other.
func joinDistinct(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(kept, p) {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// unionStrings keeps the first occurrence of each value, in order.
func unionStrings(a, b []string) []string {
	var out []string
	for _, s := range slices.Concat(a, b) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func cloneItems(items []Item) []Item {
	out := slices.Clone(items)
	for i := range out {
		out[i].Links = slices.Clone(out[i].Links)
	}
	return out
}
