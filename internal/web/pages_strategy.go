package web

import (
	"boussole/internal/model"
	"boussole/internal/process"
)

// The data of the strategy's pages: its home (the tracker), the list of strategies, a step, the forms.

// trackerPage is the strategy's home page. Its optional blocks are pointers: nil hides the block.
type trackerPage struct {
	Strategy   model.Strategy
	Steps      []trackerRow
	Progress   process.Progress
	Current    process.Definition
	Advice     string
	Strategies []model.Strategy
	Requests   []model.AccessRequest
	Diagnostic *diagnosticHomeData // nil for an adopted strategy or a role that may not see it
	Framework  *frameworkHomeData  // nil when the framework cannot be read
	Brief      *homeBrief          // nil for the roles that fill in rather than read
	Comments   *commentBlock
	Monitoring *homeMonitoring // nil when the strategy has no indicator yet
}

// homeEmptyPage is the workspace home before any strategy.
type homeEmptyPage struct{ Requests []model.AccessRequest }

type strategiesPage struct{ Strategies []model.Strategy }

type strategyNewPage struct{ Adopted []model.StrategyStatus }

type strategyEditPage struct {
	Strategy model.Strategy
	Theirs   *model.Strategy // the stored version, after an edit conflict
}

type stepPage struct {
	Strategy model.Strategy
	Step     model.StepState
	Theirs   *model.StepState // the stored version, after an edit conflict
}

// sectionPage is a section of the method that has no page of its own yet.
type sectionPage struct {
	Section section
	Step    process.Definition
}
