package logframe

import (
	"slices"
	"strconv"
	"strings"
)

// Impact is what deleting an element takes with it, for the confirmation page.
type Impact struct {
	Target      Ref
	Results     []int64
	Activities  []int64
	Indicators  []int64
	Assumptions []int64
	Risks       []int64 // risks that stay but lose their link
}

// DeletionImpact lists what deleting target would remove (results, activities, indicators and assumptions
// below it) and which risks would lose their link. It changes nothing.
func (s *Strategy) DeletionImpact(target Ref) Impact {
	im := Impact{Target: target}
	gone := map[Ref]bool{target: true}
	switch target.Kind {
	case KindSpecificObjective:
		for _, r := range s.Results {
			if r.ObjectiveID == target.ID {
				im.Results = append(im.Results, r.ID)
				gone[Ref{KindResult, r.ID}] = true
			}
		}
		fallthrough
	case KindResult:
		for _, a := range s.Activities {
			if gone[Ref{KindResult, a.ResultID}] {
				im.Activities = append(im.Activities, a.ID)
				gone[Ref{KindActivity, a.ID}] = true
			}
		}
	}
	for _, in := range s.Indicators {
		if gone[in.Level] {
			im.Indicators = append(im.Indicators, in.ID)
		}
	}
	for _, a := range s.Assumptions {
		if gone[a.Target] {
			im.Assumptions = append(im.Assumptions, a.ID)
		}
	}
	for _, r := range s.Risks {
		if gone[r.Linked] {
			im.Risks = append(im.Risks, r.ID)
		}
	}
	return im
}

// Message says in French what the deletion takes with it, naming the element by its number:
// « Supprimer l'objectif 2 supprime aussi 3 résultats et 7 activités. »
func (im Impact) Message(n Numbers) string {
	var b strings.Builder
	b.WriteString("Supprimer ")
	b.WriteString(shortName(im.Target, n))
	var parts []string
	for _, p := range []struct {
		n         int
		one, many string
	}{
		{len(im.Results), "résultat", "résultats"},
		{len(im.Activities), "activité", "activités"},
		{len(im.Indicators), "indicateur", "indicateurs"},
		{len(im.Assumptions), "hypothèse", "hypothèses"},
	} {
		switch {
		case p.n == 1:
			parts = append(parts, "1 "+p.one)
		case p.n > 1:
			parts = append(parts, strconv.Itoa(p.n)+" "+p.many)
		}
	}
	if len(parts) == 0 {
		b.WriteString(" ne supprime aucun autre élément.")
	} else {
		b.WriteString(" supprime aussi ")
		b.WriteString(joinFrench(parts))
		b.WriteString(".")
	}
	switch len(im.Risks) {
	case 0:
	case 1:
		b.WriteString(" 1 risque restera au registre, sans élément lié.")
	default:
		b.WriteString(" " + strconv.Itoa(len(im.Risks)) + " risques resteront au registre, sans élément lié.")
	}
	return b.String()
}

// shortName names an element by its number, as on the confirmation page (« l'objectif 2 », « le résultat 1.3 »).
func shortName(r Ref, n Numbers) string {
	noun := r.Kind.Noun()
	if r.Kind == KindSpecificObjective {
		noun = "objectif"
	}
	s := article(r.Kind) + noun
	if num := n.Of(r); num != "" {
		s += " " + num
	}
	return s
}

// joinFrench joins « a, b et c ».
func joinFrench(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " et " + parts[len(parts)-1]
}

// Delete removes target and everything DeletionImpact lists with it; risks linked to a removed element stay
// in the register with their link cleared, since a risk is still worth watching. It returns the impact applied.
func (s *Strategy) Delete(target Ref) Impact {
	im := s.DeletionImpact(target)
	drop := func(ids []int64, extra int64) func(int64) bool {
		return func(id int64) bool { return id == extra || slices.Contains(ids, id) }
	}
	objGone := func(int64) bool { return false }
	resGone, actGone := drop(im.Results, -1), drop(im.Activities, -1)
	indGone, asmGone := drop(im.Indicators, -1), drop(im.Assumptions, -1)
	switch target.Kind {
	case KindSpecificObjective:
		objGone = func(id int64) bool { return id == target.ID }
	case KindResult:
		resGone = drop(im.Results, target.ID)
	case KindActivity:
		actGone = drop(im.Activities, target.ID)
	case KindIndicator:
		indGone = drop(nil, target.ID)
	case KindAssumption:
		asmGone = drop(nil, target.ID)
	case KindRisk:
		s.Risks = slices.DeleteFunc(s.Risks, func(r Risk) bool { return r.ID == target.ID })
	}
	s.Objectives = slices.DeleteFunc(s.Objectives, func(o SpecificObjective) bool { return objGone(o.ID) })
	s.Results = slices.DeleteFunc(s.Results, func(r ExpectedResult) bool { return resGone(r.ID) })
	s.Activities = slices.DeleteFunc(s.Activities, func(a Activity) bool { return actGone(a.ID) })
	s.Indicators = slices.DeleteFunc(s.Indicators, func(in Indicator) bool { return indGone(in.ID) })
	s.Assumptions = slices.DeleteFunc(s.Assumptions, func(a Assumption) bool { return asmGone(a.ID) })
	for i := range s.Risks {
		if slices.Contains(im.Risks, s.Risks[i].ID) {
			s.Risks[i].Linked = Ref{}
		}
	}
	for i := range s.Geo {
		s.Geo[i].ActivityIDs = slices.DeleteFunc(s.Geo[i].ActivityIDs, actGone)
	}
	return im
}

// Removed is every element the deletion removes: the target first, then the results, activities,
// indicators and assumptions below it.
func (im Impact) Removed() []Ref {
	gone := []Ref{im.Target}
	for _, part := range []struct {
		kind Kind
		ids  []int64
	}{{KindResult, im.Results}, {KindActivity, im.Activities}, {KindIndicator, im.Indicators}, {KindAssumption, im.Assumptions}} {
		for _, id := range part.ids {
			gone = append(gone, Ref{Kind: part.kind, ID: id})
		}
	}
	return gone
}

// TitleOf is the title of the objective, result, activity or indicator ref names, "" when the strategy has
// none such.
func (s *Strategy) TitleOf(ref Ref) string {
	switch ref.Kind {
	case KindSpecificObjective:
		for _, o := range s.Objectives {
			if o.ID == ref.ID {
				return o.Title
			}
		}
	case KindResult:
		for _, r := range s.Results {
			if r.ID == ref.ID {
				return r.Title
			}
		}
	case KindActivity:
		for _, a := range s.Activities {
			if a.ID == ref.ID {
				return a.Title
			}
		}
	case KindIndicator:
		for _, in := range s.Indicators {
			if in.ID == ref.ID {
				return in.Title
			}
		}
	}
	return ""
}
