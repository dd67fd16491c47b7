package monitoring

import "boussole/internal/logframe"

// Coverage is what one heading of a dashboard (a theme, a country, an ODD) stands for in the framework: the
// elements attached to it and everything under them, each indicator and activity once.
type Coverage struct {
	Indicators []int64 // in the framework's order
	Activities []int64 // in the framework's order
}

// Empty reports whether nothing of the framework is attached to the heading.
func (c Coverage) Empty() bool { return len(c.Indicators) == 0 && len(c.Activities) == 0 }

// CoverageRule says what a heading covers and how its progress is made, as the pages spell it out.
const CoverageRule = "Un thème, un pays ou un ODD couvre les éléments du cadre logique qui y sont rattachés (par une étiquette " +
	"ODD, une priorité géographique ou un projet) et tout ce qui est dessous : un objectif couvre ses résultats, un résultat " +
	"ses activités. Son avancement est la moyenne de l'avancement des indicateurs de ces éléments et du taux de réalisation " +
	"de leurs activités, chacun compté une fois, pondérée comme celle des objectifs. Sans valeur connue, il est « non " +
	"renseigné », jamais zéro."

// CoverageOf returns what the elements cover in the strategy s: an objective its results, a result its
// activities, and each element the indicators that measure it; an indicator named itself counts alone. The
// general objective covers its own indicators only, not the whole strategy.
func CoverageOf(s logframe.Strategy, refs []logframe.Ref) Coverage {
	objectives, results, activities, indicators := map[int64]bool{}, map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
	general := false
	for _, r := range refs {
		switch r.Kind {
		case logframe.KindSpecificObjective:
			objectives[r.ID] = true
		case logframe.KindResult:
			results[r.ID] = true
		case logframe.KindActivity:
			activities[r.ID] = true
		case logframe.KindIndicator:
			indicators[r.ID] = true
		case logframe.KindGeneralObjective:
			general = true
		}
	}
	for _, r := range s.Results {
		if objectives[r.ObjectiveID] {
			results[r.ID] = true
		}
	}
	var c Coverage
	for _, a := range s.Activities {
		if results[a.ResultID] {
			activities[a.ID] = true
		}
		if activities[a.ID] {
			c.Activities = append(c.Activities, a.ID)
		}
	}
	for _, in := range s.Indicators {
		var covered bool
		switch in.Level.Kind {
		case logframe.KindGeneralObjective:
			covered = general
		case logframe.KindSpecificObjective:
			covered = objectives[in.Level.ID]
		case logframe.KindResult:
			covered = results[in.Level.ID]
		case logframe.KindActivity:
			covered = activities[in.Level.ID]
		}
		if covered || indicators[in.ID] {
			c.Indicators = append(c.Indicators, in.ID)
		}
	}
	return c
}

// Roll rolls the covered indicators' progress (weighted as in RollUp) and the activities' completion.
func (c Coverage) Roll(progress map[int64]float64, weights map[int64]int, completion map[int64]float64) Rollup {
	parts := make([]Part, 0, len(c.Indicators)+len(c.Activities))
	for _, id := range c.Indicators {
		parts = append(parts, Part{Progress: known(progress, id), Weight: weights[id]})
	}
	for _, id := range c.Activities {
		parts = append(parts, Part{Progress: known(completion, id)})
	}
	return Roll(parts)
}
