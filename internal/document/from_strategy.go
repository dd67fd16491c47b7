package document

import (
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/stakeholder"
	"boussole/internal/strategy"
)

// Parts are the parts of a strategy the documents show; read them with store.ReadStrategy.
const Parts = strategy.PartFramework | strategy.PartAwareness | strategy.PartDiagnostic | strategy.PartStakeholders | strategy.PartPlanning

// FromStrategy takes from a strategy read whole what the documents show. base is the workspace's address,
// for the notes that say where to fill in a missing section; generated dates the cover.
func FromStrategy(s *strategy.Strategy, base string, generated time.Time) Source {
	src := Source{Authority: s.Authority, Strategy: s.Record, Framework: s.Framework.Logframe, Thematic: s.Framework.Thematic,
		Argument: s.Awareness.Argument.Input, Principles: s.Awareness.Assessment.Principles, Relations: s.Stakeholders.Relations,
		Milestones: s.Planning.Milestones, Generated: generated, Base: base}
	src.SWOT = make([]diagnostic.Item, 0, len(s.Framework.SWOT))
	for _, it := range s.Framework.SWOT {
		src.SWOT = append(src.SWOT, it.Item)
	}
	src.Partnerships = make([]diagnostic.Partnership, 0, len(s.Diagnostic.Partnerships))
	for _, p := range s.Diagnostic.Partnerships {
		src.Partnerships = append(src.Partnerships, p.Partnership)
	}
	src.Stakeholders = make([]stakeholder.Stakeholder, 0, len(s.Stakeholders.List))
	for _, x := range s.Stakeholders.List {
		src.Stakeholders = append(src.Stakeholders, x.Stakeholder)
	}
	return src
}
