package logframe

import (
	"regexp"
	"strings"
	"unicode"
)

// smartRules are heuristics on specific objectives: they flag what is likely not SMART, and say why, but a
// human decides. Achievable asks what puts the objective within reach (skills, committed partners, past
// experience); realistic asks for the means below it (resources and costs in its activities).
var smartRules = []checkRule{
	{Rule{"SMART-S", StepLogframe, Advice, "Un objectif spécifique dit quoi et pour qui, plutôt qu'un verbe suivi d'un nom vague (« Renforcer la coopération »)."}, ruleSpecific},
	{Rule{"SMART-M", StepLogframe, ToFix, "Un objectif spécifique est mesurable : il a un indicateur, ou son texte donne un chiffre."}, ruleMeasurable},
	{Rule{"SMART-A", StepLogframe, ToFix, "Un objectif spécifique est atteignable : il dit ce qui le met à portée (compétences, partenaires engagés, expérience acquise)."}, ruleAchievable},
	{Rule{"SMART-R", StepLogframe, ToFix, "Un objectif spécifique est réaliste : des ressources et des coûts sont prévus dans les activités qui le servent."}, ruleRealistic},
	{Rule{"SMART-T", StepLogframe, ToFix, "Un objectif spécifique est daté : il a une échéance, ou son texte cite une date ou la fin de la mandature."}, ruleTimeBound},
}

func ruleSpecific(ix *index, emit func(Ref, string)) {
	for _, o := range ix.objectives {
		if strings.TrimSpace(o.Specific) == "" && IsVague(o.Title) {
			ref := Ref{KindSpecificObjective, o.ID}
			emit(ref, capFirst(ix.name(ref))+" est formulé de façon trop générale : précisez quoi, pour qui et où (par exemple « Permettre à 40 jeunes du territoire un séjour chez nos partenaires »).")
		}
	}
}

func ruleMeasurable(ix *index, emit func(Ref, string)) {
	for _, o := range ix.objectives {
		ref := Ref{KindSpecificObjective, o.ID}
		if len(ix.indicators[ref]) == 0 && !hasDigit(o.Title+" "+o.Description+" "+o.Measure) {
			emit(ref, capFirst(ix.name(ref))+" n'est pas mesurable : ajoutez un indicateur, ou chiffrez ce qui est attendu.")
		}
	}
}

func ruleAchievable(ix *index, emit func(Ref, string)) {
	for _, o := range ix.objectives {
		if strings.TrimSpace(o.Achievable) == "" {
			ref := Ref{KindSpecificObjective, o.ID}
			emit(ref, capFirst(ix.name(ref))+" ne dit pas ce qui le rend atteignable : notez les compétences, les partenaires engagés ou l'expérience sur lesquels il s'appuie.")
		}
	}
}

func ruleRealistic(ix *index, emit func(Ref, string)) {
	for _, o := range ix.objectives {
		resources := strings.TrimSpace(o.Resources) != ""
		costed := false // a known cost, even 0 €, is an estimate; an unknown one is not
		for _, a := range ix.activitiesUnder(o.ID) {
			resources = resources || strings.TrimSpace(a.Resources) != ""
			costed = costed || a.CostCents != nil
		}
		if resources && costed {
			continue
		}
		ref := Ref{KindSpecificObjective, o.ID}
		missing := "ni ressources ni coûts"
		switch {
		case resources:
			missing = "aucun coût"
		case costed:
			missing = "aucune ressource"
		}
		emit(ref, capFirst(ix.name(ref))+" ne prévoit "+missing+" dans ses activités : on ne peut pas juger s'il est réaliste.")
	}
}

func ruleTimeBound(ix *index, emit func(Ref, string)) {
	for _, o := range ix.objectives {
		if o.TargetDate.IsZero() && !mentionsTime(o.Title+" "+o.Description+" "+o.Measure) {
			ref := Ref{KindSpecificObjective, o.ID}
			emit(ref, capFirst(ix.name(ref))+" n'a pas d'échéance : fixez une date, ou indiquez qu'il vaut pour la fin de la mandature.")
		}
	}
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

var yearRe = regexp.MustCompile(`(^|\D)(19|20)\d\d(\D|$)`)

// timePhrases tie a text to a date or to the term (« mandat » also matches « mandature »).
var timePhrases = []string{"d'ici", "d’ici", "mandat", "fin de la stratégie", "échéance"}

// monthWords are matched as whole words, so that « Marseille » is not read as « mars ».
var monthWords = set("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
	"octobre", "novembre", "décembre", "trimestre", "semestre")

func mentionsTime(s string) bool {
	if yearRe.MatchString(s) {
		return true
	}
	s = strings.ToLower(s)
	for _, w := range timePhrases {
		if strings.Contains(s, w) {
			return true
		}
	}
	for _, w := range words(s) {
		if monthWords[w] {
			return true
		}
	}
	return false
}

// words splits lower-cased text into words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// vagueVerbs open titles that announce an intention rather than a change.
var vagueVerbs = set("améliorer", "renforcer", "développer", "favoriser", "promouvoir", "soutenir", "encourager",
	"valoriser", "accompagner", "dynamiser", "consolider", "optimiser", "faciliter", "contribuer", "structurer",
	"pérenniser", "accroître", "augmenter", "intensifier", "élargir", "poursuivre", "approfondir", "diversifier")

// vagueWords are nouns, adjectives and function words that, alone after a vague verb, say neither what nor
// for whom.
var vagueWords = set(
	"le", "la", "les", "l", "de", "des", "du", "d", "un", "une", "et", "ou", "à", "au", "aux", "en", "pour",
	"avec", "sur", "dans", "notre", "nos", "son", "sa", "ses", "leur", "leurs", "ce", "cette", "ces", "plus",
	"coopération", "coopérations", "relation", "relations", "échange", "échanges", "partenariat", "partenariats",
	"lien", "liens", "dialogue", "action", "actions", "attractivité", "rayonnement", "visibilité", "ouverture",
	"solidarité", "dynamique", "dynamiques", "présence", "image", "place", "rôle", "coordination",
	"collaboration", "collaborations", "synergie", "synergies", "politique", "politiques", "stratégie",
	"mobilisation", "acteurs", "capacités", "développement", "qualité", "efficacité", "cohérence",
	"international", "internationale", "internationales", "internationaux", "européen", "européenne",
	"européennes", "européens", "durable", "durables", "territoire", "territorial", "territoriale",
	"mondial", "mondiale", "niveau", "engagement", "implication", "démarche", "projets", "projet")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// IsVague reports whether a title is a bare vague verb followed only by vague words, such as « Renforcer la
// coopération » or « Développer les relations internationales ». A title naming a public, a place, a theme or
// a number is not vague.
func IsVague(title string) bool {
	ws := words(strings.ToLower(title))
	if len(ws) < 2 || !vagueVerbs[ws[0]] {
		return false
	}
	for _, w := range ws[1:] {
		if !vagueWords[w] {
			return false
		}
	}
	return true
}
