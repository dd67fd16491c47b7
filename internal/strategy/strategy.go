package strategy

import (
	"boussole/internal/consultation"
	"boussole/internal/diagnostic"
	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/stakeholder"
)

// Part names one part of a strategy a reader asks for; parts combine with |.
type Part uint

// The parts of a strategy. The AFOM matrix (Framework.SWOT) comes with the framework, whose objectives
// answer it, and with the diagnostic; the planning comes with the framework's activities.
const (
	PartFramework Part = 1 << iota
	PartAwareness
	PartDiagnostic
	PartStakeholders
	PartPlanning
	PartSteps
	PartMonitoring
	PartFunding
	PartConsultations
	// PartMonitoringSummary is the monitoring part with each measurement read for assessment only (its
	// period, value or text, day, review and lock; not its source, comment, evidence or who entered it):
	// what dashboards compute from, at a fraction of the cost. PartMonitoring includes it.
	PartMonitoringSummary

	// Whole is every part: what a document, an export or the API reads.
	Whole = PartFramework | PartAwareness | PartDiagnostic | PartStakeholders | PartPlanning | PartSteps | PartMonitoring | PartFunding |
		PartConsultations
)

// Has reports whether p includes every part of q.
func (p Part) Has(q Part) bool { return p&q == q }

// Strategy is one strategy of an authority with the parts a reader asked for; the parts not asked for are
// empty. Authority-wide registers (partnerships, stakeholders) are the authority's as they stood when the
// strategy was read.
type Strategy struct {
	Authority model.Authority
	Record    model.Strategy
	Parts     Part // what was read

	Steps        []model.StepState // the method's steps, in the guide's order
	Framework    Framework
	Awareness    Awareness
	Diagnostic   Diagnostic
	Stakeholders Stakeholders
	Planning     Planning
	Monitoring   Monitoring
	Funding      Funding
	// Consultations are the authority's citizen consultations with their questions (not their
	// contributions), latest opening first; a reader shows publicly only those whose Public() is true.
	Consultations []consultation.Consultation
}

// Awareness is what the sensibilisation step holds: the argument for élus and services, the self-assessment
// of the principles, the awareness sessions and the authority's services they reach.
type Awareness struct {
	Argument   diagnostic.ArgumentRecord
	Assessment diagnostic.AssessmentRecord
	Sessions   []diagnostic.SessionRecord // latest first
	Services   diagnostic.ServiceListRecord
}

// Diagnostic is what the diagnostic holds of a strategy: the AFOM matrix and the authority's register of
// partnerships.
type Diagnostic struct {
	Partnerships []diagnostic.PartnershipRecord // by partner
	// The AFOM matrix is Framework.SWOT, read with this part: objectives and results answer its items.
}

// Stakeholders is the authority's map of actors and the relations between them.
type Stakeholders struct {
	List      []stakeholder.Record // by name
	Relations []stakeholder.Relation
}

// Planning is the schedule of a strategy's activities (Framework.Activities): when each runs, the
// milestones, the dependencies, and the objective each activity serves.
type Planning struct {
	Schedules    []schedule.ScheduleRecord // by activity
	Milestones   []schedule.MilestoneRecord
	Dependencies []schedule.DependencyRecord
	Objectives   []schedule.ActivityObjective // by activity, in the framework's order
}
