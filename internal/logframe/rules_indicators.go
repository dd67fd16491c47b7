package logframe

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"boussole/internal/number"
)

// MaxIndicatorsPerElement is the most indicators one objective or result should carry. The guide wants
// indicators « toujours peu nombreux », easy to check and cheap: each one is data someone must collect every
// period, and tools that track municipal strategies report that most indicators left to update go stale.
// Three leaves room for one indicator of quantity, one of quality and one of reach per element.
const MaxIndicatorsPerElement = 3

// indicatorRules check the indicators, level by level and field by field (the guide's table: unité, valeur
// de référence, valeur cible dans un temps précis, périodicité, sources).
var indicatorRules = []checkRule{
	{Rule{"IND-NONE", StepIndicators, Blocking, "La stratégie compte au moins un indicateur."}, ruleNoIndicator},
	{Rule{"IND-GENERAL", StepIndicators, Advice, "L'objectif général a un indicateur d'impact."}, ruleGeneralIndicator},
	{Rule{"IND-OBJ", StepIndicators, ToFix, "Chaque objectif spécifique a au moins un indicateur."}, ruleObjectiveIndicator},
	{Rule{"IND-RES", StepIndicators, ToFix, "Chaque résultat attendu a au moins un indicateur."}, ruleResultIndicator},
	{Rule{"IND-LEVEL", StepIndicators, Advice, "Les indicateurs mesurent l'objectif général, les objectifs spécifiques ou les résultats, pas les activités."}, ruleIndicatorLevel},
	{Rule{"IND-TOO-MANY", StepIndicators, Advice, "Un élément porte au plus " + strconv.Itoa(MaxIndicatorsPerElement) + " indicateurs : peu nombreux, faciles à contrôler et peu onéreux."}, ruleTooMany},
	{Rule{"IND-UNIT", StepIndicators, ToFix, "Un indicateur chiffré a une unité."}, ruleUnit},
	{Rule{"IND-BASELINE", StepIndicators, ToFix, "Chaque indicateur a une valeur de référence."}, ruleBaseline},
	{Rule{"IND-TARGET", StepIndicators, ToFix, "Chaque indicateur a une valeur cible datée, comprise dans la mandature."}, ruleTarget},
	{Rule{"IND-DIRECTION", StepIndicators, ToFix, "Les valeurs cibles évoluent dans le sens de l'indicateur (à la hausse s'il est croissant, à la baisse sinon)."}, ruleDirection},
	{Rule{"IND-PERIODICITY", StepIndicators, ToFix, "Chaque indicateur a une périodicité de collecte."}, rulePeriodicity},
	{Rule{"IND-SOURCE", StepIndicators, ToFix, "Chaque indicateur a au moins une source de vérification."}, ruleSource},
	{Rule{"IND-OWNER", StepIndicators, Advice, "Chaque indicateur a un responsable de sa mise à jour."}, ruleIndicatorOwner},
}

// eachIndicator visits indicators in framework order: by the place of the element they measure, then by
// position. The order is computed once per check.
func (ix *index) eachIndicator(f func(in *Indicator, ref Ref)) {
	if ix.sortedIndicators == nil {
		ins := make([]*Indicator, 0, len(ix.s.Indicators))
		for i := range ix.s.Indicators {
			ins = append(ins, &ix.s.Indicators[i])
		}
		slices.SortStableFunc(ins, func(a, b *Indicator) int {
			if c := cmp.Compare(ix.rank(a.Level), ix.rank(b.Level)); c != 0 {
				return c
			}
			return byPos(a.Position, a.ID, b.Position, b.ID)
		})
		ix.sortedIndicators = ins
	}
	for _, in := range ix.sortedIndicators {
		f(in, Ref{KindIndicator, in.ID})
	}
}

// rank places an element in reading order: general objective first, then the tree depth-first, unknown last.
func (ix *index) rank(r Ref) int {
	if r.Kind == KindGeneralObjective {
		return -1
	}
	if o, ok := ix.order[r]; ok {
		return o
	}
	return len(ix.order)
}

func ruleNoIndicator(ix *index, emit func(Ref, string)) {
	if len(ix.s.Indicators) == 0 {
		emit(Ref{KindGeneralObjective, generalID(ix)}, "La stratégie n'a aucun indicateur : sans eux, ni le suivi ni l'évaluation à mi-parcours et finale ne sont possibles.")
	}
}

func ruleGeneralIndicator(ix *index, emit func(Ref, string)) {
	g := ix.s.Key.General
	if g == nil || len(ix.indicators[Ref{KindGeneralObjective, g.ID}]) > 0 {
		return
	}
	emit(Ref{KindGeneralObjective, g.ID}, "L'objectif général "+quote(g.Title)+" n'a aucun indicateur : un indicateur d'impact, même unique, permettra de dire à la fin de la mandature si le changement visé a eu lieu.")
}

func ruleObjectiveIndicator(ix *index, emit func(Ref, string)) {
	for _, o := range ix.objectives {
		ref := Ref{KindSpecificObjective, o.ID}
		if len(ix.indicators[ref]) == 0 {
			emit(ref, capFirst(ix.name(ref))+" n'a aucun indicateur : on ne pourra pas dire s'il est atteint.")
		}
	}
}

func ruleResultIndicator(ix *index, emit func(Ref, string)) {
	for _, o := range ix.objectives {
		for _, r := range ix.results[o.ID] {
			ref := Ref{KindResult, r.ID}
			if len(ix.indicators[ref]) == 0 {
				emit(ref, capFirst(ix.name(ref))+" n'a aucun indicateur : on ne pourra pas dire s'il est obtenu.")
			}
		}
	}
}

func ruleIndicatorLevel(ix *index, emit func(Ref, string)) {
	ix.eachIndicator(func(in *Indicator, ref Ref) {
		switch in.Level.Kind {
		case KindActivity:
			emit(ref, capFirst(ix.name(ref))+" mesure une activité : le guide lie les indicateurs aux objectifs et aux résultats ; une activité se suit par ses ressources, ses coûts et son calendrier.")
		case KindGeneralObjective, KindSpecificObjective, KindResult:
			if !ix.exists(in.Level) {
				emit(ref, capFirst(ix.name(ref))+" n'est rattaché à aucun élément existant du cadre logique.")
			}
		default:
			emit(ref, capFirst(ix.name(ref))+" n'est rattaché à aucun élément du cadre logique.")
		}
	})
}

func (ix *index) exists(r Ref) bool {
	switch r.Kind {
	case KindGeneralObjective:
		return ix.s.Key.General != nil && ix.s.Key.General.ID == r.ID
	case KindSpecificObjective:
		return ix.objByID[r.ID] != nil
	case KindResult:
		return ix.resByID[r.ID] != nil
	case KindActivity:
		return ix.actByID[r.ID] != nil
	}
	return false
}

func ruleTooMany(ix *index, emit func(Ref, string)) {
	levels := []Ref{}
	if g := ix.s.Key.General; g != nil {
		levels = append(levels, Ref{KindGeneralObjective, g.ID})
	}
	for _, o := range ix.objectives {
		levels = append(levels, Ref{KindSpecificObjective, o.ID})
		for _, r := range ix.results[o.ID] {
			levels = append(levels, Ref{KindResult, r.ID})
		}
	}
	for _, l := range levels {
		if n := len(ix.indicators[l]); n > MaxIndicatorsPerElement {
			emit(l, capFirst(ix.name(l))+" porte "+strconv.Itoa(n)+" indicateurs : le guide les veut peu nombreux, faciles à contrôler et peu onéreux ; gardez-en "+strconv.Itoa(MaxIndicatorsPerElement)+" au plus.")
		}
	}
}

func ruleUnit(ix *index, emit func(Ref, string)) {
	ix.eachIndicator(func(in *Indicator, ref Ref) {
		if (in.Measure == MeasureUnit || in.Measure == MeasureOrdinal) && strings.TrimSpace(in.Unit) == "" {
			emit(ref, capFirst(ix.name(ref))+" n'a pas d'unité : dites dans quoi il se mesure (personnes, projets, euros, niveau sur une échelle…).")
		}
	})
}

func ruleBaseline(ix *index, emit func(Ref, string)) {
	ix.eachIndicator(func(in *Indicator, ref Ref) {
		switch b := in.Baseline; {
		case b == nil:
			emit(ref, capFirst(ix.name(ref))+" n'a pas de valeur de référence : sans point de départ, la progression ne se mesure pas.")
		case b.Value == nil && strings.TrimSpace(b.Text) == "":
			emit(ref, capFirst(ix.name(ref))+" a une valeur de référence non renseignée : indiquez la valeur mesurée au départ.")
		}
	})
}

func ruleTarget(ix *index, emit func(Ref, string)) {
	t := ix.s.Term
	ix.eachIndicator(func(in *Indicator, ref Ref) {
		if len(in.Targets) == 0 {
			emit(ref, capFirst(ix.name(ref))+" n'a pas de valeur cible : fixez au moins la cible de fin de mandature.")
			return
		}
		for _, tg := range in.Targets {
			switch {
			case tg.Value == nil && strings.TrimSpace(tg.Text) == "":
				emit(ref, capFirst(ix.name(ref))+" a une cible sans valeur : indiquez la valeur à atteindre, en chiffres ou en texte.")
				return
			case tg.Date.IsZero():
				emit(ref, capFirst(ix.name(ref))+" a une valeur cible sans date : une cible se fixe « dans un temps précis ».")
				return
			case t.IsSet() && !t.Overlaps(tg.Date):
				emit(ref, capFirst(ix.name(ref))+" a une cible "+tg.Date.Prefixed()+", hors de la mandature ("+FrenchDate(t.Start)+" – "+FrenchDate(t.End)+").")
				return
			}
		}
	})
}

func ruleDirection(ix *index, emit func(Ref, string)) {
	ix.eachIndicator(func(in *Indicator, ref Ref) {
		if !in.Measure.Numeric() || len(in.Targets) == 0 {
			return
		}
		ts := slices.Clone(in.Targets)
		slices.SortStableFunc(ts, func(a, b Target) int { return a.Date.Compare(b.Date) })
		// Only known values are compared: an unknown baseline or target says nothing about the direction.
		var prev *number.Decimal
		what := ""
		if in.Baseline != nil && in.Baseline.Value != nil {
			prev, what = in.Baseline.Value, "la valeur de référence"
		}
		for _, tg := range ts {
			if tg.Value == nil {
				continue
			}
			if wrongWay(in.Ascending, prev, tg.Value) {
				sense, cmpWord := "croissant (plus la valeur est haute, mieux c'est)", "inférieure"
				if !in.Ascending {
					sense, cmpWord = "décroissant (plus la valeur est basse, mieux c'est)", "supérieure"
				}
				emit(ref, capFirst(ix.name(ref))+" est "+sense+", mais sa cible "+tg.Date.Prefixed()+" ("+tg.Value.French()+") est "+cmpWord+" à "+what+" ("+prev.French()+") : corrigez la cible ou le sens de l'indicateur.")
				return
			}
			prev, what = tg.Value, "la cible précédente"
		}
	})
}

func rulePeriodicity(ix *index, emit func(Ref, string)) {
	ix.eachIndicator(func(in *Indicator, ref Ref) {
		if strings.TrimSpace(in.Periodicity) == "" {
			emit(ref, capFirst(ix.name(ref))+" n'a pas de périodicité : dites à quel rythme l'information sera recueillie (annuelle, semestrielle…).")
		}
	})
}

func ruleSource(ix *index, emit func(Ref, string)) {
	ix.eachIndicator(func(in *Indicator, ref Ref) {
		for _, s := range in.Sources {
			if strings.TrimSpace(s) != "" {
				return
			}
		}
		emit(ref, capFirst(ix.name(ref))+" n'a pas de source de vérification : d'où viendra l'information, et comment l'obtenir ?")
	})
}

func ruleIndicatorOwner(ix *index, emit func(Ref, string)) {
	ix.eachIndicator(func(in *Indicator, ref Ref) {
		if strings.TrimSpace(in.Owner) == "" {
			emit(ref, capFirst(ix.name(ref))+" n'a pas de responsable : un indicateur que personne n'est chargé de mettre à jour cesse vite d'être renseigné.")
		}
	})
}

// wrongWay reports whether going from prev to next goes against the indicator's direction; nothing is wrong
// when there is no previous known value.
func wrongWay(ascending bool, prev, next *number.Decimal) bool {
	if prev == nil {
		return false
	}
	c := next.Cmp(*prev)
	return ascending && c < 0 || !ascending && c > 0
}
