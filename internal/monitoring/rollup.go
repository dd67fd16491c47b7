package monitoring

import "boussole/internal/logframe"

// Part is one contribution to a roll-up: an indicator's progress, an activity's completion, or the roll-up of
// a lower level. Progress is nil when unknown; Weight 0 means no weight was set.
type Part struct {
	Progress *float64
	Weight   int
}

// Rollup is the progress of a level made of its parts.
type Rollup struct {
	Progress *float64 // nil when no part is known
	Known    int      // parts whose progress is known
	Total    int
	Weighted bool // some known part carried a weight
}

// RollupRule says how a level's progress is made, as the pages spell it out.
const RollupRule = "L'avancement d'un résultat est la moyenne de l'avancement de ses indicateurs et du taux de réalisation de ses " +
	"activités (la planification) ; celui d'un objectif, la moyenne de ses indicateurs et de ses résultats ; celui de la stratégie, " +
	"la moyenne des indicateurs de l'objectif général et des objectifs spécifiques. La moyenne est pondérée quand des poids sont " +
	"donnés aux indicateurs (un élément sans poids compte pour 1) ; chaque avancement est borné entre 0 et 100 %. Un élément sans " +
	"valeur connue est laissé de côté, jamais compté comme zéro."

// Roll averages the known parts, each clamped to [0, 1], weighted by their weights (1 when unset).
func Roll(parts []Part) Rollup {
	r := Rollup{Total: len(parts)}
	var sum, weights float64
	for _, p := range parts {
		if p.Progress == nil {
			continue
		}
		w := 1.0
		if p.Weight > 0 {
			w, r.Weighted = float64(p.Weight), true
		}
		r.Known++
		sum += Clamp(*p.Progress) * w
		weights += w
	}
	if r.Known > 0 {
		v := sum / weights
		r.Progress = &v
	}
	return r
}

// Tree is the roll-up of a strategy: per result, per objective, and for the strategy.
type Tree struct {
	Results    map[int64]Rollup
	Objectives map[int64]Rollup
	Strategy   Rollup
}

// RollUp computes the tree. progress holds each indicator's known progress (absent when unknown), weights
// the weights set on indicators, completion each activity's share done from the planning (absent when the
// activity is not scheduled, or dropped).
func RollUp(s logframe.Strategy, progress map[int64]float64, weights map[int64]int, completion map[int64]float64) Tree {
	t := Tree{Results: map[int64]Rollup{}, Objectives: map[int64]Rollup{}}
	byLevel := map[logframe.Ref][]Part{}
	for _, in := range s.Indicators {
		ref := in.Level
		if ref.Kind == logframe.KindActivity {
			// An activity's indicator tells how its result goes.
			for _, a := range s.Activities {
				if a.ID == ref.ID {
					ref = logframe.Ref{Kind: logframe.KindResult, ID: a.ResultID}
				}
			}
		}
		byLevel[ref] = append(byLevel[ref], Part{Progress: known(progress, in.ID), Weight: weights[in.ID]})
	}
	for _, a := range s.Activities {
		ref := logframe.Ref{Kind: logframe.KindResult, ID: a.ResultID}
		byLevel[ref] = append(byLevel[ref], Part{Progress: known(completion, a.ID)})
	}
	for _, r := range s.Results {
		ref := logframe.Ref{Kind: logframe.KindResult, ID: r.ID}
		t.Results[r.ID] = Roll(byLevel[ref])
		o := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: r.ObjectiveID}
		byLevel[o] = append(byLevel[o], Part{Progress: t.Results[r.ID].Progress})
	}
	var top []Part
	for _, o := range s.Objectives {
		t.Objectives[o.ID] = Roll(byLevel[logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}])
		top = append(top, Part{Progress: t.Objectives[o.ID].Progress})
	}
	for ref, parts := range byLevel {
		if ref.Kind == logframe.KindGeneralObjective {
			top = append(top, parts...)
		}
	}
	t.Strategy = Roll(top)
	return t
}

func known(m map[int64]float64, id int64) *float64 {
	if v, ok := m[id]; ok {
		return &v
	}
	return nil
}
