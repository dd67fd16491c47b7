package funding

import (
	"testing"
	"time"
)

func TestValidateCall(t *testing.T) {
	cat := NewCatalogue(Shipped())
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	ok := Call{Programme: "ficol", Title: "Notes d'intention", Opens: day(2027, 1, 10), Deadline: day(2027, 3, 15), Decision: day(2027, 6, 1),
		URL: "https://exemple.fr/appel"}
	if errs := ValidateCall(ok, cat); errs != nil {
		t.Fatalf("a sound call refused: %v", errs)
	}
	for field, bad := range map[string]func(*Call){
		FieldCallProgramme: func(c *Call) { c.Programme = "inconnu" },
		FieldCallTitle:     func(c *Call) { c.Title = "  " },
		FieldCallDeadline:  func(c *Call) { c.Deadline = time.Time{} },
		FieldCallOpens:     func(c *Call) { c.Opens = day(2027, 4, 1) },
		FieldCallDecision:  func(c *Call) { c.Decision = day(2027, 3, 1) },
		FieldCallURL:       func(c *Call) { c.URL = "javascript:alert(1)" },
	} {
		c := ok
		bad(&c)
		if msg := ValidateCall(c, cat).For(field); msg == "" {
			t.Errorf("%s: no message", field)
		}
	}
}

func TestStartByAndUpcoming(t *testing.T) {
	c := Call{Deadline: time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)}
	for effort, want := range map[int64]time.Time{
		60: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),  // six person-months: a year ahead
		15: time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC), // one and a half: three months, rounded up
		1:  time.Date(2027, 2, 15, 0, 0, 0, 0, time.UTC),  // a few days' work still takes a month
	} {
		if got := StartBy(c, effort); !got.Equal(want) {
			t.Errorf("effort %d tenths: start by %v, want %v", effort, got, want)
		}
	}
	today := time.Date(2027, 2, 1, 15, 0, 0, 0, time.UTC)
	list := Upcoming([]Call{{ID: 1, Deadline: time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)}, {ID: 2, Deadline: time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)},
		{ID: 3, Deadline: time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)}}, today)
	if len(list) != 2 || list[0].ID != 3 || list[1].ID != 1 {
		t.Errorf("upcoming %+v: the call closing today first, the past one gone", list)
	}
}
