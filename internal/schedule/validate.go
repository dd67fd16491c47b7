package schedule

import (
	"boussole/internal/fielderr"
	"fmt"
)

// Validate checks durations, identifiers and dependency ends, and returns a fielderr.List listing every
// problem, or nil. Cycles are found by Compute and CheckDependency.
func (p Plan) Validate() error {
	index := make(map[string]int, len(p.Activities))
	var probs fielderr.List
	for i, a := range p.Activities {
		probs = append(probs, activityProblems(a)...)
		if _, dup := index[a.ID]; dup && a.ID != "" {
			probs = append(probs, fielderr.Error{Field: a.ID, Message: fmt.Sprintf("L'identifiant « %s » est utilisé par deux activités.", a.ID)})
		}
		index[a.ID] = i
	}
	for _, d := range p.Dependencies {
		probs = append(probs, p.dependencyProblems(index, d)...)
	}
	if len(probs) > 0 {
		return probs
	}
	return nil
}

func activityProblems(a Activity) fielderr.List {
	var probs fielderr.List
	add := func(format string) {
		probs = append(probs, fielderr.Error{Field: a.ID, Message: fmt.Sprintf(format, a.label())})
	}
	if a.ID == "" {
		add("L'activité « %s » n'a pas d'identifiant.")
	}
	switch {
	case a.Milestone && a.Duration != 0:
		add("Le jalon « %s » ne peut pas avoir de durée : un jalon est une date.")
	case !a.Milestone && a.Duration <= 0:
		add("La durée de l'activité « %s » doit être d'au moins un jour.")
	}
	if a.Prep < 0 {
		add("La préparation de l'activité « %s » ne peut pas avoir une durée négative.")
	}
	if a.FollowUp < 0 {
		add("Le suivi de l'activité « %s » ne peut pas avoir une durée négative.")
	}
	return probs
}

func (p Plan) dependencyProblems(index map[string]int, d Dependency) fielderr.List {
	name := func(id string) string {
		if i, ok := index[id]; ok {
			return p.Activities[i].label()
		}
		return id
	}
	_, fromOK := index[d.From]
	_, toOK := index[d.To]
	var probs fielderr.List
	switch {
	case !toOK:
		probs = append(probs, fielderr.Error{Field: d.To, Message: fmt.Sprintf("Une dépendance porte sur une activité qui n'existe pas ou plus (« %s »).", d.To)})
	case !fromOK:
		probs = append(probs, fielderr.Error{Field: d.To, Message: fmt.Sprintf("L'activité « %s » dépend d'une activité qui n'existe pas ou plus (« %s »).", name(d.To), d.From)})
	case d.From == d.To:
		probs = append(probs, fielderr.Error{Field: d.To, Message: fmt.Sprintf("L'activité « %s » ne peut pas dépendre d'elle-même.", name(d.To))})
	}
	if d.Kind != "" && !d.Kind.Valid() {
		probs = append(probs, fielderr.Error{Field: d.To, Message: fmt.Sprintf("Le type de la dépendance de « %s » est inconnu.", name(d.To))})
	}
	if d.Lag.Unit != "" && !d.Lag.Unit.Valid() {
		probs = append(probs, fielderr.Error{Field: d.To, Message: fmt.Sprintf("L'unité du décalage de la dépendance de « %s » est inconnue.", name(d.To))})
	}
	return probs
}
