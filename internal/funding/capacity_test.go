package funding

import "testing"

func TestCapacity(t *testing.T) {
	e := func(n int64) *int64 { return &n }
	projects := []Project{{Lines: []Line{
		{Source: SourceProgramme, Programme: "erasmus-plus", Status: LineConsidered, Year: 2027, EffortTenths: e(60)},
		{Source: SourceProgramme, Programme: "ficol", Status: LineApplied, Year: 2027, EffortTenths: e(50)},
		{Source: SourceProgramme, Programme: "life", Status: LineGranted, Year: 2027, EffortTenths: e(90)}, // already granted: no effort ahead
		{Source: SourceOwn, Status: LineConsidered, Year: 2027, EffortTenths: e(90)},                       // own budget: no application
		{Source: SourceProgramme, Programme: "interreg", Status: LineConsidered, Year: 2028},               // not estimated
	}}}
	years := map[int]Year{2027: {Year: 2027, TeamTenths: e(5)}, 2028: {Year: 2028, TeamTenths: e(10)}} // half a person, one person
	got := Capacity(projects, testCatalogue, years)
	if len(got) != 2 {
		t.Fatalf("loads: %+v", got)
	}
	if l := got[0]; l.Year != 2027 || l.NeedTenths != 110 || *l.HaveTenths != 60 || !l.Over {
		t.Errorf("2027: %+v (want 11 person-months needed, 6 available, over)", l)
	}
	if l := got[1]; l.Year != 2028 || l.NeedTenths != 0 || l.Unestimated != 1 || l.Over {
		t.Errorf("2028: %+v", l)
	}
	if l := Capacity(projects, testCatalogue, nil); l[0].HaveTenths != nil || l[0].Over {
		t.Errorf("no team entered: %+v", l[0])
	}
}

func TestExpectedValue(t *testing.T) {
	er, _ := testCatalogue.Programme("erasmus-plus")
	ev := ExpectedValue(100_000_00, er.Rules.SuccessPercent)
	if ev.LowCents == nil || *ev.LowCents != 3_000_00 || *ev.HighCents != 5_000_00 || !ev.ToVerify {
		t.Fatalf("Erasmus+ 100 000 € at 3–5 %%: %+v", ev)
	}
	if per, ok := ev.PerPersonMonth(60); !ok || per != 500_00 {
		t.Errorf("per person-month: %d %v", per, ok)
	}
	ficol, _ := testCatalogue.Programme("ficol")
	if ev := ExpectedValue(100, ficol.Rules.SuccessPercent); ev.LowCents != nil {
		t.Error("FICOL has no known rate: its expected value is unknown, not zero")
	}
}
