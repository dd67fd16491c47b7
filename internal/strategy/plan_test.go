package strategy

import (
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/schedule"
)

func TestPlanRecordsFeedThePlanningPackage(t *testing.T) {
	s := &Strategy{
		Authority: model.Authority{OfficialID: "commune:67482"}, // Strasbourg: Alsace-Moselle's public holidays
		Record:    model.Strategy{TermStart: 2026, TermEnd: 2032},
		Framework: Framework{Activities: []logframe.ActivityRecord{{Activity: logframe.Activity{ID: 4, Title: "Mission"}}}},
		Planning: Planning{Schedules: []schedule.ScheduleRecord{{ActivityID: 4, StartKind: schedule.StartAbsolute,
			StartDate: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), DurationDays: 5}}},
	}
	r := s.PlanRecords()
	if !r.Calendar.AlsaceMoselle || r.Term != s.Record.Dates() || r.Schedules[4].DurationDays != 5 {
		t.Fatalf("records %+v", r)
	}
	if p := r.Plan(false); len(p.Activities) != 1 || p.Activities[0].ID != "a4" || p.Term.End != schedule.DateOf(2033, 1, 1) {
		t.Errorf("plan %+v", p)
	}
	if CalendarOf(model.Authority{OfficialID: "commune:69123"}).AlsaceMoselle || CalendarOf(model.Authority{}).AlsaceMoselle {
		t.Error("Lyon, or an organisation outside the official list, has the national calendar")
	}
}
