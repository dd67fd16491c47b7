package logframe

import "slices"

// MoveError explains, in French, why a move was refused.
type MoveError struct {
	Cycle   bool // the new parent lies below the moved element
	Message string
}

func (e *MoveError) Error() string { return e.Message }

// Move places node under parent at index among its new siblings (index < 0 or past the end: last) and
// renumbers the positions of both the old and the new siblings. Children follow their parent because they
// point at its ID. Results go under specific objectives, activities under results, specific objectives under
// the general objective; anything else is refused with a French message, and a move under one's own
// descendant is reported as a cycle.
func (s *Strategy) Move(node, parent Ref, index int) error {
	if node == parent {
		return &MoveError{Cycle: true, Message: "Impossible de déplacer un élément sous lui-même."}
	}
	if err := s.refuseCycle(node, parent); err != nil {
		return err
	}
	switch {
	case node.Kind == KindSpecificObjective && parent.Kind == KindGeneralObjective:
		return s.moveObjective(node.ID, index)
	case node.Kind == KindResult && parent.Kind == KindSpecificObjective:
		return s.moveResult(node.ID, parent.ID, index)
	case node.Kind == KindActivity && parent.Kind == KindResult:
		return s.moveActivity(node.ID, parent.ID, index)
	}
	return &MoveError{Message: "Déplacement impossible : " + article(node.Kind) + node.Kind.Noun() +
		" ne peut pas être placé sous " + article(parent.Kind) + parent.Kind.Noun() + "."}
}

func article(k Kind) string { return nouns[k].article }

// refuseCycle reports a move of an element under one of its own descendants.
func (s *Strategy) refuseCycle(node, parent Ref) error {
	switch node.Kind {
	case KindSpecificObjective:
		if parent.Kind == KindResult && s.resultParent(parent.ID) == node.ID {
			return &MoveError{Cycle: true, Message: "Impossible de déplacer un objectif sous l'un de ses propres résultats."}
		}
		if parent.Kind == KindActivity && s.resultParent(s.activityParent(parent.ID)) == node.ID {
			return &MoveError{Cycle: true, Message: "Impossible de déplacer un objectif sous l'une de ses propres activités."}
		}
	case KindResult:
		if parent.Kind == KindActivity && s.activityParent(parent.ID) == node.ID {
			return &MoveError{Cycle: true, Message: "Impossible de déplacer un résultat sous l'une de ses propres activités."}
		}
	case KindGeneralObjective:
		if parent.Kind == KindSpecificObjective || parent.Kind == KindResult || parent.Kind == KindActivity {
			return &MoveError{Cycle: true, Message: "Impossible de déplacer l'objectif général sous l'un de ses propres éléments."}
		}
	}
	return nil
}

func (s *Strategy) resultParent(id int64) int64 {
	for _, r := range s.Results {
		if r.ID == id {
			return r.ObjectiveID
		}
	}
	return -1
}

func (s *Strategy) activityParent(id int64) int64 {
	for _, a := range s.Activities {
		if a.ID == id {
			return a.ResultID
		}
	}
	return -1
}

var errNotFound = &MoveError{Message: "L'élément à déplacer ou sa nouvelle place n'existe plus ; rechargez la page."}

func (s *Strategy) moveObjective(id int64, index int) error {
	i := slices.IndexFunc(s.Objectives, func(o SpecificObjective) bool { return o.ID == id })
	if i < 0 {
		return errNotFound
	}
	ids := siblingOrder(s.Objectives, func(o SpecificObjective) (bool, int, int64) { return true, o.Position, o.ID })
	renumber(s.Objectives, place(ids, id, index), func(o *SpecificObjective) int64 { return o.ID },
		func(o *SpecificObjective, p int) { o.Position = p })
	return nil
}

func (s *Strategy) moveResult(id, objectiveID int64, index int) error {
	i := slices.IndexFunc(s.Results, func(r ExpectedResult) bool { return r.ID == id })
	if i < 0 || !slices.ContainsFunc(s.Objectives, func(o SpecificObjective) bool { return o.ID == objectiveID }) {
		return errNotFound
	}
	old := s.Results[i].ObjectiveID
	s.Results[i].ObjectiveID = objectiveID
	get := func(r *ExpectedResult) int64 { return r.ID }
	set := func(r *ExpectedResult, p int) { r.Position = p }
	for _, parent := range []int64{old, objectiveID} {
		ids := siblingOrder(s.Results, func(r ExpectedResult) (bool, int, int64) { return r.ObjectiveID == parent, r.Position, r.ID })
		if parent == objectiveID {
			ids = place(ids, id, index)
		}
		renumber(s.Results, ids, get, set)
	}
	return nil
}

func (s *Strategy) moveActivity(id, resultID int64, index int) error {
	i := slices.IndexFunc(s.Activities, func(a Activity) bool { return a.ID == id })
	if i < 0 || !slices.ContainsFunc(s.Results, func(r ExpectedResult) bool { return r.ID == resultID }) {
		return errNotFound
	}
	old := s.Activities[i].ResultID
	s.Activities[i].ResultID = resultID
	get := func(a *Activity) int64 { return a.ID }
	set := func(a *Activity, p int) { a.Position = p }
	for _, parent := range []int64{old, resultID} {
		ids := siblingOrder(s.Activities, func(a Activity) (bool, int, int64) { return a.ResultID == parent, a.Position, a.ID })
		if parent == resultID {
			ids = place(ids, id, index)
		}
		renumber(s.Activities, ids, get, set)
	}
	return nil
}

// siblingOrder lists the IDs of the elements keep selects, in display order.
func siblingOrder[T any](xs []T, keep func(T) (bool, int, int64)) []int64 {
	type row struct {
		pos int
		id  int64
	}
	var rows []row
	for _, x := range xs {
		if ok, p, id := keep(x); ok {
			rows = append(rows, row{p, id})
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return byPos(a.pos, a.id, b.pos, b.id) })
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	return ids
}

// place moves id to index within ids (appending it if absent).
func place(ids []int64, id int64, index int) []int64 {
	ids = slices.DeleteFunc(ids, func(x int64) bool { return x == id })
	if index < 0 || index > len(ids) {
		index = len(ids)
	}
	return slices.Insert(ids, index, id)
}

// renumber gives the elements listed in ids the positions 0, 1, 2… in that order.
func renumber[T any](xs []T, ids []int64, id func(*T) int64, set func(*T, int)) {
	pos := make(map[int64]int, len(ids))
	for i, x := range ids {
		pos[x] = i
	}
	for i := range xs {
		if p, ok := pos[id(&xs[i])]; ok {
			set(&xs[i], p)
		}
	}
}
