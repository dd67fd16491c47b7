package strategy

import "boussole/internal/funding"

// Funding is the resources part of a strategy: its projects with their financing plans (lines, links to
// the framework, thematic priorities), the authority's yearly figures the checks use (the 1 % budgets, the
// team) and the catalogue in force when the strategy was read, so that a reader can check each plan
// (funding.Check) without another read.
type Funding struct {
	Projects  []funding.Project // by title
	Years     map[int]funding.Year
	Catalogue *funding.Catalogue
}
