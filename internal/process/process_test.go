package process

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func defaultStates(start time.Time) []State {
	var out []State
	for _, d := range Steps {
		from, to := d.PlannedDates(start)
		out = append(out, State{Step: d.Step, Status: NotStarted, PlannedStart: from, PlannedEnd: to})
	}
	return out
}

func TestDefaultCalendarFollowsTheGuide(t *testing.T) {
	states := defaultStates(day(2026, 1, 1))
	if advice := CalendarAdvice(states); advice != "" {
		t.Errorf("default calendar should fit 6-12 months, got advice %q", advice)
	}
	_, end := Steps[len(Steps)-1].PlannedDates(day(2026, 1, 1))
	if want := day(2026, 10, 31); !end.Equal(want) {
		t.Errorf("deliberation planned to end %v, want %v", end, want)
	}
}

func TestCalendarAdvice(t *testing.T) {
	short := []State{{PlannedStart: day(2026, 1, 1), PlannedEnd: day(2026, 3, 31)}}
	long := []State{{PlannedStart: day(2026, 1, 1), PlannedEnd: day(2027, 6, 30)}}
	if CalendarAdvice(short) == "" || CalendarAdvice(long) == "" {
		t.Error("expected advice for a 3-month and an 18-month calendar")
	}
	if CalendarAdvice(nil) != "" {
		t.Error("no dates, no advice")
	}
}

func TestSummarise(t *testing.T) {
	states := defaultStates(day(2026, 1, 1))
	states[0].Status = Done
	p := Summarise(states, day(2026, 6, 1))
	if p.Done != 1 || p.Total != len(Steps) {
		t.Errorf("done %d/%d", p.Done, p.Total)
	}
	if p.Current != Diagnostic {
		t.Errorf("current = %s, want diagnostic", p.Current)
	}
	if len(p.Late) != 1 || p.Late[0] != Diagnostic {
		t.Errorf("late = %v, want [diagnostic]", p.Late)
	}
	for i := range states {
		states[i].Status = Done
	}
	if p := Summarise(states, day(2030, 1, 1)); p.Current != "" || len(p.Late) != 0 || p.Done != p.Total {
		t.Errorf("all done: %+v", p)
	}
}

func TestLookupAndLabels(t *testing.T) {
	if _, ok := Lookup("nope"); ok {
		t.Error("unknown step found")
	}
	for _, s := range Statuses {
		if !s.Valid() || s.Label() == "" {
			t.Errorf("status %s", s)
		}
	}
}

func TestAdoptedStrategyStandsAtNoStep(t *testing.T) {
	states := defaultStates(day(2019, 1, 1))
	states[len(states)-1].Status = Done
	p := SummariseAdopted(states)
	if !p.Adopted || p.Current != "" || len(p.Late) != 0 {
		t.Errorf("adopted strategy summarised as %+v", p)
	}
	if p.Done != 1 || p.Total != len(Steps) {
		t.Errorf("done %d/%d, want 1/%d", p.Done, p.Total, len(Steps))
	}
	// The same tracker of a strategy in preparation stands at its first step, late in 2026.
	if d := Summarise(states, day(2026, 1, 1)); d.Adopted || d.Current != Awareness || len(d.Late) == 0 {
		t.Errorf("draft summarised as %+v", d)
	}
	if StartingStatus(true) != Done || StartingStatus(false) != NotStarted {
		t.Error("an adopted strategy's steps start done, a new one's to do")
	}
}
