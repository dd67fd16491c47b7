package logframe

import "strings"

// logframeRules check the structure of the framework: objectives → results → activities, owners, assumptions.
var logframeRules = []checkRule{
	{Rule{"LF-OBJECTIVES", StepLogframe, Blocking, "Le cadre logique compte au moins un objectif spécifique."}, ruleObjectives},
	{Rule{"LF-ORPHAN", StepLogframe, Blocking, "Chaque résultat est rattaché à un objectif spécifique existant, chaque activité à un résultat existant."}, ruleOrphans},
	{Rule{"LF-OBJ-RESULT", StepLogframe, Blocking, "Chaque objectif spécifique a au moins un résultat attendu."}, ruleObjectiveResults},
	{Rule{"LF-RES-ACTIVITY", StepLogframe, ToFix, "Chaque résultat attendu a au moins une activité."}, ruleResultActivities},
	{Rule{"LF-ACT-OWNER", StepLogframe, ToFix, "Chaque activité a un responsable."}, ruleActivityOwner},
	{Rule{"LF-ASSUMPTIONS", StepLogframe, Advice, "Les hypothèses (facteurs hors du contrôle de la stratégie) sont notées au niveau des objectifs."}, ruleAssumptions},
}

func ruleObjectives(ix *index, emit func(Ref, string)) {
	if len(ix.objectives) == 0 {
		emit(Ref{KindGeneralObjective, generalID(ix)}, "Le cadre logique n'a aucun objectif spécifique : ce sont eux qui traduisent concrètement l'objectif général.")
	}
}

func generalID(ix *index) int64 {
	if g := ix.s.Key.General; g != nil {
		return g.ID
	}
	return 0
}

func ruleOrphans(ix *index, emit func(Ref, string)) {
	for _, r := range ix.s.Results {
		if ix.objByID[r.ObjectiveID] == nil {
			emit(Ref{KindResult, r.ID}, "Le résultat "+quote(r.Title)+" n'est rattaché à aucun objectif spécifique existant : placez-le sous l'objectif auquel il contribue.")
		}
	}
	for _, a := range ix.s.Activities {
		if ix.resByID[a.ResultID] == nil {
			emit(Ref{KindActivity, a.ID}, "L'activité "+quote(a.Title)+" n'est rattachée à aucun résultat existant : placez-la sous le résultat qu'elle sert.")
		}
	}
}

func ruleObjectiveResults(ix *index, emit func(Ref, string)) {
	for _, o := range ix.objectives {
		if len(ix.results[o.ID]) == 0 {
			ref := Ref{KindSpecificObjective, o.ID}
			emit(ref, capFirst(ix.name(ref))+" n'a aucun résultat attendu : sans résultat, on ne voit pas ce qu'il produira concrètement.")
		}
	}
}

func ruleResultActivities(ix *index, emit func(Ref, string)) {
	for _, o := range ix.objectives {
		for _, r := range ix.results[o.ID] {
			if len(ix.activities[r.ID]) == 0 {
				ref := Ref{KindResult, r.ID}
				emit(ref, capFirst(ix.name(ref))+" n'a aucune activité : rien n'est prévu pour l'atteindre.")
			}
		}
	}
}

func ruleActivityOwner(ix *index, emit func(Ref, string)) {
	for _, o := range ix.objectives {
		for _, a := range ix.activitiesUnder(o.ID) {
			if strings.TrimSpace(a.Owner) == "" {
				ref := Ref{KindActivity, a.ID}
				emit(ref, capFirst(ix.name(ref))+" n'a pas de responsable : le guide demande d'attribuer les responsabilités de chaque activité.")
			}
		}
	}
}

func ruleAssumptions(ix *index, emit func(Ref, string)) {
	for _, a := range ix.s.Assumptions {
		if a.Target.Kind == KindGeneralObjective || a.Target.Kind == KindSpecificObjective {
			return
		}
	}
	emit(Ref{KindGeneralObjective, generalID(ix)}, "Aucune hypothèse n'est notée pour l'objectif général ni pour les objectifs spécifiques : quels facteurs hors du contrôle de la collectivité pourraient empêcher de les atteindre ?")
}
