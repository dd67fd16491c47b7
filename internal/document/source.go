package document

import (
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/stakeholder"
)

// Source is what the documents show of one strategy, in the domain's own types; FromStrategy fills it from
// the strategy the store reads in one transaction, so every part belongs to the same moment.
type Source struct {
	Authority    model.Authority
	Strategy     model.Strategy
	Framework    logframe.Strategy // key elements, objectives, results, activities, indicators, risks, priorities
	Thematic     []logframe.ThematicPriorityRecord
	Argument     diagnostic.ArgumentInput
	Principles   []diagnostic.PrincipleAssessment
	SWOT         []diagnostic.Item
	Partnerships []diagnostic.Partnership
	Stakeholders []stakeholder.Stakeholder
	Relations    []stakeholder.Relation
	Milestones   []schedule.MilestoneRecord
	Adoption     *Adoption // the vote that adopted this version, nil for a draft
	Generated    time.Time // shown on the cover
	// Base is the workspace's address (« /ct/grand-belval »), for the notes that say where to fill in a
	// missing section.
	Base string
}

// Adoption is the council's vote on the strategy: the record that freezes a version.
type Adoption struct {
	Date   string // « le 12 mars 2027 », « en mars 2027 »: a month is enough for an older vote
	Body   string // « conseil communautaire »
	Number string // the deliberation's number, « 2027-03-015 »
	Result string // « adoptée à l'unanimité », « 38 pour, 4 contre, 2 abstentions »
	Hash   string // the content hash of the frozen version, shown on the document
}
