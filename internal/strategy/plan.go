package strategy

import (
	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/territory"
)

// PlanRecords returns the planning part (with the framework's activities, the method's steps and the
// authority's working days) as the planning package builds the engine's plan from it: whole.PlanRecords().Plan
// is what a page, a document or an export computes and draws.
func (s *Strategy) PlanRecords() schedule.Records {
	r := schedule.Records{Term: s.Record.Dates(), Calendar: CalendarOf(s.Authority), Activities: s.Framework.Activities,
		Schedules: make(map[int64]schedule.ScheduleRecord, len(s.Planning.Schedules)), Milestones: s.Planning.Milestones,
		Dependencies: s.Planning.Dependencies, Steps: s.Steps}
	for _, sc := range s.Planning.Schedules {
		r.Schedules[sc.ActivityID] = sc
	}
	return r
}

// CalendarOf is the working-day calendar of an authority: Alsace-Moselle's where the official list places it
// there, the national one otherwise (and for an organisation outside the list).
func CalendarOf(a model.Authority) schedule.Calendar {
	t, ok := territory.ByID(a.OfficialID)
	return schedule.Calendar{AlsaceMoselle: ok && t.AlsaceMoselle()}
}
