package logframe

import (
	"strconv"
	"strings"
)

// keyRules check the guide's « éléments clés »: term, general objective, vision, mission, values,
// dimensions, and the links from the diagnostic (SWOT) and the geographic priorities to the framework.
var keyRules = []checkRule{
	{Rule{"KE-TERM", StepKeyElements, Blocking, "La stratégie couvre une mandature dont les dates de début et de fin sont connues."}, ruleTerm},
	{Rule{"KE-GENERAL", StepKeyElements, Blocking, "La stratégie a un objectif général, qui dit le changement visé."}, ruleGeneral},
	{Rule{"KE-VISION", StepKeyElements, ToFix, "La vision décrit ce que la collectivité veut atteindre à long terme."}, ruleVision},
	{Rule{"KE-MISSION", StepKeyElements, ToFix, "La mission traduit la finalité de l'action internationale, aujourd'hui."}, ruleMission},
	{Rule{"KE-VALUES", StepKeyElements, ToFix, "Au moins une valeur est énoncée, chacune avec une courte explication."}, ruleValues},
	{Rule{"KE-DIMENSIONS", StepKeyElements, ToFix, "Les dimensions choisies sont nommées et leurs poids font 100 %."}, ruleDimensions},
	{Rule{"SWOT-ANSWER", StepKeyElements, ToFix, "Chaque faiblesse ou opportunité majeure du diagnostic trouve une réponse dans un objectif ou un résultat, ou est écartée de façon motivée."}, ruleSWOT},
	{Rule{"GEO-REFLECTED", StepKeyElements, ToFix, "Chaque priorité géographique se traduit par au moins une activité ou un projet."}, ruleGeo},
}

func ruleTerm(ix *index, emit func(Ref, string)) {
	t := ix.s.Term
	switch {
	case !t.Start.IsZero() && t.End.IsZero():
		emit(Ref{KindTerm, ix.s.ID}, "La fin de la mandature n'est pas renseignée : sans elle, les échéances des objectifs et des indicateurs ne peuvent pas être vérifiées.")
	case !t.IsSet():
		emit(Ref{KindTerm, ix.s.ID}, "Les dates de la mandature ne sont pas renseignées : sans elles, les échéances des objectifs et des indicateurs ne peuvent pas être vérifiées.")
	case !t.End.After(t.Start):
		emit(Ref{KindTerm, ix.s.ID}, "La fin de la mandature ("+FrenchDate(t.End)+") ne vient pas après son début ("+FrenchDate(t.Start)+").")
	}
}

func ruleGeneral(ix *index, emit func(Ref, string)) {
	if g := ix.s.Key.General; g == nil || strings.TrimSpace(g.Title) == "" {
		emit(Ref{KindGeneralObjective, 0}, "La stratégie n'a pas d'objectif général : c'est lui qui exprime le changement visé par rapport à la situation initiale, et tout le cadre logique en découle.")
	}
}

func ruleVision(ix *index, emit func(Ref, string)) {
	if strings.TrimSpace(ix.s.Key.Vision) == "" {
		emit(Ref{KindKeyElements, ix.s.ID}, "La vision n'est pas rédigée : elle décrit ce que la collectivité souhaite atteindre sur le long terme avec son action internationale.")
	}
}

func ruleMission(ix *index, emit func(Ref, string)) {
	if strings.TrimSpace(ix.s.Key.Mission) == "" {
		emit(Ref{KindKeyElements, ix.s.ID}, "La mission n'est pas rédigée : elle traduit la finalité de l'action internationale envers les habitants comme envers les services.")
	}
}

func ruleValues(ix *index, emit func(Ref, string)) {
	vs := ix.s.Key.Values
	if len(vs) == 0 {
		emit(Ref{KindKeyElements, ix.s.ID}, "Aucune valeur n'est énoncée : les valeurs sont les principes sur lesquels repose l'action internationale (par exemple la réciprocité dans les partenariats).")
		return
	}
	for _, v := range vs {
		if strings.TrimSpace(v.Explanation) == "" {
			emit(Ref{KindValue, v.ID}, capFirst(ix.name(Ref{KindValue, v.ID}))+" n'a pas d'explication : une phrase suffit pour dire ce qu'elle engage.")
		}
	}
}

func ruleDimensions(ix *index, emit func(Ref, string)) {
	ds := ix.s.Key.Dimensions
	if len(ds) == 0 {
		emit(Ref{KindKeyElements, ix.s.ID}, "Aucune dimension n'est choisie (coopération décentralisée, programmes européens, solidarité internationale, mobilité des jeunes, jumelages, réseaux, aide d'urgence…) : elles orientent toute la stratégie.")
		return
	}
	sum := 0
	for _, d := range ds {
		if d.Weight == nil {
			emit(Ref{KindKeyElements, ix.s.ID}, "Le poids de la dimension "+quote(d.Name)+" n'est pas renseigné : donnez à chaque dimension sa part, en pourcentage.")
			return
		}
		sum += *d.Weight
	}
	if sum != 100 {
		emit(Ref{KindKeyElements, ix.s.ID}, "Les poids des dimensions totalisent "+strconv.Itoa(sum)+" % au lieu de 100 % : ajustez-les pour que la place de chacune soit claire.")
	}
}

func ruleSWOT(ix *index, emit func(Ref, string)) {
	answered := make(map[int64]bool)
	for _, o := range ix.objectives {
		for _, id := range o.SWOTIDs {
			answered[id] = true
		}
	}
	for _, r := range ix.s.Results {
		for _, id := range r.SWOTIDs {
			answered[id] = true
		}
	}
	for _, w := range ix.s.SWOT {
		if (w.Quadrant != Weakness && w.Quadrant != Opportunity) || w.Weight < MajorSWOTWeight || answered[w.ID] {
			continue
		}
		what := "La faiblesse majeure "
		if w.Quadrant == Opportunity {
			what = "L'opportunité majeure "
		}
		ref := Ref{KindSWOT, w.ID}
		switch {
		case !w.LeftAside:
			emit(ref, what+quote(w.Title)+" du diagnostic ne trouve de réponse dans aucun objectif ni résultat : reliez-la à l'objectif qui y répond, ou écartez-la en disant pourquoi.")
		case strings.TrimSpace(w.AsideReason) == "":
			emit(ref, what+quote(w.Title)+" est écartée sans raison : dites pourquoi la stratégie n'y répond pas, pour que le choix soit assumé.")
		}
	}
}

func ruleGeo(ix *index, emit func(Ref, string)) {
	for _, g := range ix.s.Geo {
		reflected := len(g.ProjectIDs) > 0
		for _, id := range g.ActivityIDs {
			if ix.actByID[id] != nil {
				reflected = true
				break
			}
		}
		if !reflected {
			ref := Ref{KindGeoPriority, g.ID}
			emit(ref, capFirst(ix.name(ref))+" ne se traduit par aucune activité ni aucun projet : une priorité sans action reste une intention.")
		}
	}
}
