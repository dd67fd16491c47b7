package schedule

import (
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/process"
)

func activityRecord(id int64, title string) logframe.ActivityRecord {
	return logframe.ActivityRecord{Activity: logframe.Activity{ID: id, Title: title}}
}

func TestAnchorDependency(t *testing.T) {
	m := Node{NodeMilestone, 3}
	tests := []struct {
		name string
		sc   ScheduleRecord
		want Dependency
		ok   bool
	}{
		{"from the anchor's end", ScheduleRecord{ActivityID: 1, StartKind: StartRelative, Anchor: m, AnchorEdge: EdgeEnd, OffsetN: 2, OffsetUnit: Weeks},
			Dependency{From: "m3", To: "a1", Kind: FinishToStart, Lag: Lag{2, Weeks}}, true},
		{"from the anchor's start", ScheduleRecord{ActivityID: 1, StartKind: StartRelative, Anchor: m, AnchorEdge: EdgeStart, OffsetUnit: Days},
			Dependency{From: "m3", To: "a1", Kind: StartToStart, Lag: Lag{0, Days}}, true},
		{"lost anchor", ScheduleRecord{ActivityID: 1, StartKind: StartRelative}, Dependency{}, false},
		{"absolute start", ScheduleRecord{ActivityID: 1, StartKind: StartAbsolute, Anchor: m}, Dependency{}, false},
	}
	for _, tt := range tests {
		got, ok := tt.sc.AnchorDependency()
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: got %+v, %v, want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRecordsPlan(t *testing.T) {
	start := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	r := Records{
		Term:       logframe.Term{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}, // end unknown
		Activities: []logframe.ActivityRecord{activityRecord(1, "Mission"), activityRecord(2, "Accueil"), activityRecord(3, "Sans calendrier"), activityRecord(4, "Ancre perdue")},
		Schedules: map[int64]ScheduleRecord{
			1: {ActivityID: 1, StartKind: StartAbsolute, StartDate: start, DurationDays: 10},
			2: {ActivityID: 2, StartKind: StartRelative, Anchor: Node{NodeActivity, 1}, AnchorEdge: EdgeEnd, OffsetN: 1, OffsetUnit: Months, DurationDays: 5},
			4: {ActivityID: 4, StartKind: StartRelative, Anchor: Node{NodeActivity, 3}, DurationDays: 5},
		},
		Milestones: []MilestoneRecord{{ID: 7, Title: "Délibération", Date: partialdate.OfMonth(2027, 6)}},
		Dependencies: []DependencyRecord{
			{From: Node{NodeActivity, 2}, To: Node{NodeMilestone, 7}, Kind: FinishToFinish, LagN: 3, LagUnit: WorkingDays},
			{From: Node{NodeActivity, 3}, To: Node{NodeMilestone, 7}}, // an activity with no schedule: left out
		},
		Steps: []model.StepState{{Step: process.Steps[0].Step, PlannedStart: start, PlannedEnd: start.AddDate(0, 0, 9)}},
	}
	p := r.Plan(false)
	if got := TermOf(r.Term); p.Term != got || got.End != DateOf(2033, 1, 1) {
		t.Errorf("term %+v, want the horizon's exclusive end 2033-01-01", p.Term)
	}
	var ids []string
	for _, a := range p.Activities {
		ids = append(ids, a.ID)
	}
	if want := []string{"a1", "a2", "a4", "m7"}; len(ids) != len(want) || ids[0] != "a1" || ids[1] != "a2" || ids[2] != "a4" || ids[3] != "m7" {
		t.Fatalf("activities %v, want %v", ids, want)
	}
	if p.Activities[0].Start != FromTime(start) || p.Activities[3].Start != DateOf(2027, 6, 1) {
		t.Errorf("starts %v and %v, want the absolute date and the milestone's first day", p.Activities[0].Start, p.Activities[3].Start)
	}
	want := []Dependency{{From: "a1", To: "a2", Kind: FinishToStart, Lag: Lag{1, Months}}, {From: "a2", To: "m7", Kind: FinishToFinish, Lag: Lag{3, WorkingDays}}}
	if len(p.Dependencies) != len(want) || p.Dependencies[0] != want[0] || p.Dependencies[1] != want[1] {
		t.Errorf("dependencies %+v, want %+v", p.Dependencies, want)
	}
	withSteps := r.Plan(true)
	if n := len(withSteps.Activities); n != 5 || withSteps.Activities[4].Duration != 10 {
		t.Errorf("with the process: %d activities (last %+v), want 5 with a 10-day step", n, withSteps.Activities[n-1])
	}
	if _, err := Compute(p); err != nil {
		t.Errorf("the built plan does not compute: %v", err)
	}
}
