package diagnostic

import (
	"reflect"
	"testing"
)

func TestSummarize(t *testing.T) {
	items := []Item{
		{Quadrant: Strengths, Scope: ScopeTerritory, Weight: 3},
		{Quadrant: Strengths, Scope: ScopeAuthority, Weight: 1},
		{Quadrant: Threats, Scope: ScopeTerritory, Weight: 3},
	}
	ps := register()
	ps[0].YearlyBudgetCents, ps[3].YearlyBudgetCents, ps[1].YearlyBudgetCents = new(int64(100)), new(int64(50)), new(int64(999))
	ps[3].Review.Decision = DecisionRefocus
	ps[2].Review.Decision = DecisionStop
	sessions := []Session{{Attendees: []Attendee{{"A", "Culture"}, {"B", "Culture"}}}}
	s := Summarize(items, ps, sessions, []string{"Culture", "Sport"})

	forces := s.SWOT[0]
	if forces.Quadrant != Strengths || forces.Total != 2 || forces.Major != 1 || forces.ByScope[0].Count != 1 || forces.ByScope[1].Count != 1 {
		t.Errorf("forces = %+v", forces)
	}
	if s.SWOT[2].Total != 0 || s.SWOT[3].Total != 1 || len(s.SWOT[3].ByScope) != 5 {
		t.Errorf("other quadrants = %+v", s.SWOT[2:])
	}
	if !reflect.DeepEqual(s.UncoveredScopes, []Scope{ScopeActors, ScopePopulations, ScopeDynamics}) {
		t.Errorf("uncovered = %v", s.UncoveredScopes)
	}
	wantStatus := []StatusCount{{StatusActive, 2}, {StatusDormant, 1}, {StatusEnded, 1}}
	if !reflect.DeepEqual(s.ByStatus, wantStatus) {
		t.Errorf("by status = %v", s.ByStatus)
	}
	wantDecision := []DecisionCount{{NoDecision, 2}, {DecisionContinue, 0}, {DecisionRefocus, 1}, {DecisionSuspend, 0}, {DecisionStop, 1}}
	if !reflect.DeepEqual(s.ByDecision, wantDecision) {
		t.Errorf("by decision = %v", s.ByDecision)
	}
	if s.Partnerships != 4 || s.Countries != 3 || s.ActiveBudgetCents != 150 || s.ActiveBudgetKnown != 2 || s.ActiveCount != 2 || s.UnreviewedRunning != 2 {
		t.Errorf("partnership counts = %+v", s)
	}
	if s.Sessions != 1 || s.Attendances != 2 || s.ServicesListed != 2 || s.ServicesReached != 1 || !reflect.DeepEqual(s.Unreached, []string{"Sport"}) {
		t.Errorf("awareness counts = %+v", s)
	}
}

// An active partnership whose budget is not known is counted as unknown, not as 0 €.
func TestSummarizeUnknownBudget(t *testing.T) {
	ps := register()
	ps[0].YearlyBudgetCents, ps[3].YearlyBudgetCents = new(int64(100)), nil
	s := Summarize(nil, ps, nil, nil)
	if s.ActiveCount != 2 || s.ActiveBudgetKnown != 1 || s.ActiveBudgetCents != 100 {
		t.Errorf("active %d, known %d, budget %d; want 2, 1, 100", s.ActiveCount, s.ActiveBudgetKnown, s.ActiveBudgetCents)
	}
}
