package schedule

import (
	"slices"
	"testing"
	"time"
)

func TestEaster(t *testing.T) {
	// Dates published by the Bureau des longitudes for the years around the strategies' terms.
	want := map[int]Date{2024: d(2024, 3, 31), 2025: d(2025, 4, 20), 2026: d(2026, 4, 5), 2027: d(2027, 3, 28),
		2028: d(2028, 4, 16), 2029: d(2029, 4, 1), 2030: d(2030, 4, 21), 2031: d(2031, 4, 13), 2032: d(2032, 3, 28),
		2038: d(2038, 4, 25), 2285: d(2285, 3, 22)}
	for y, e := range want {
		if got := Easter(y); got != e {
			t.Errorf("Easter(%d) = %v, want %v", y, got, e)
		}
	}
}

func holidayDates(c Calendar, year int) []string {
	var out []string
	for _, h := range c.Holidays(year) {
		out = append(out, h.Date.String()+" "+h.Name)
	}
	return out
}

func TestHolidays(t *testing.T) {
	cases := []struct {
		name string
		cal  Calendar
		year int
		want []string
	}{
		{"France 2026", Calendar{}, 2026, []string{
			"2026-01-01 Jour de l'an", "2026-04-06 Lundi de Pâques", "2026-05-01 Fête du Travail", "2026-05-08 Victoire 1945",
			"2026-05-14 Ascension", "2026-05-25 Lundi de Pentecôte", "2026-07-14 Fête nationale", "2026-08-15 Assomption",
			"2026-11-01 Toussaint", "2026-11-11 Armistice 1918", "2026-12-25 Noël"}},
		{"France 2027", Calendar{}, 2027, []string{
			"2027-01-01 Jour de l'an", "2027-03-29 Lundi de Pâques", "2027-05-01 Fête du Travail", "2027-05-06 Ascension",
			"2027-05-08 Victoire 1945", "2027-05-17 Lundi de Pentecôte", "2027-07-14 Fête nationale", "2027-08-15 Assomption",
			"2027-11-01 Toussaint", "2027-11-11 Armistice 1918", "2027-12-25 Noël"}},
		{"Alsace-Moselle 2026", Calendar{AlsaceMoselle: true}, 2026, []string{
			"2026-01-01 Jour de l'an", "2026-04-03 Vendredi saint", "2026-04-06 Lundi de Pâques", "2026-05-01 Fête du Travail",
			"2026-05-08 Victoire 1945", "2026-05-14 Ascension", "2026-05-25 Lundi de Pentecôte", "2026-07-14 Fête nationale",
			"2026-08-15 Assomption", "2026-11-01 Toussaint", "2026-11-11 Armistice 1918", "2026-12-25 Noël", "2026-12-26 Saint-Étienne"}},
		{"Alsace-Moselle 2027", Calendar{AlsaceMoselle: true}, 2027, []string{
			"2027-01-01 Jour de l'an", "2027-03-26 Vendredi saint", "2027-03-29 Lundi de Pâques", "2027-05-01 Fête du Travail",
			"2027-05-06 Ascension", "2027-05-08 Victoire 1945", "2027-05-17 Lundi de Pentecôte", "2027-07-14 Fête nationale",
			"2027-08-15 Assomption", "2027-11-01 Toussaint", "2027-11-11 Armistice 1918", "2027-12-25 Noël", "2027-12-26 Saint-Étienne"}},
	}
	for _, c := range cases {
		if got := holidayDates(c.cal, c.year); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %v\nwant %v", c.name, got, c.want)
		}
	}
}

func TestWorkingDays(t *testing.T) {
	fr, am := Calendar{}, Calendar{AlsaceMoselle: true}
	cases := []struct {
		name string
		cal  Calendar
		from Date
		n    int
		want Date
	}{
		{"within a week", fr, d(2026, 1, 5), 3, d(2026, 1, 8)}, // Monday + 3 = Thursday
		{"over a weekend", fr, d(2026, 1, 8), 2, d(2026, 1, 12)},
		{"zero keeps a working day", fr, d(2026, 1, 7), 0, d(2026, 1, 7)},
		{"zero moves a Saturday to Monday", fr, d(2026, 1, 10), 0, d(2026, 1, 12)},
		{"Saturday plus one is Tuesday", fr, d(2026, 1, 10), 1, d(2026, 1, 13)},
		{"over Easter Monday", fr, d(2026, 4, 2), 2, d(2026, 4, 7)},            // Thu, Fri, (Sat, Sun, Easter Monday) → Tuesday
		{"Good Friday in Alsace-Moselle", am, d(2026, 4, 2), 2, d(2026, 4, 8)}, // Thu, (Good Friday, weekend, Monday), Tue → Wednesday
		{"Ascension bridge", fr, d(2026, 5, 13), 1, d(2026, 5, 15)},
		{"Christmas in Alsace-Moselle 2026", am, d(2026, 12, 24), 1, d(2026, 12, 28)},
		{"Christmas 2027 falls on a Saturday", fr, d(2027, 12, 24), 1, d(2027, 12, 27)},
		{"back over a weekend", fr, d(2026, 1, 12), -1, d(2026, 1, 9)},
		{"back over Whit Monday", fr, d(2026, 5, 26), -1, d(2026, 5, 22)},
		// 1, 8 and 14 May 2026 are off: the ten working days are 4–7, 11–13, 15, 18 and 19 May.
		{"ten working days of May 2026", fr, d(2026, 5, 1), 10, d(2026, 5, 20)},
	}
	for _, c := range cases {
		if got := c.cal.AddWorkingDays(c.from, c.n); got != c.want {
			t.Errorf("%s: %v + %d jours ouvrés = %v (%s), want %v", c.name, c.from, c.n, got, got.Time().Weekday(), c.want)
		}
	}
	// A whole year: 2026 has 261 weekdays; 9 national holidays fall on one of them (15 August and 1 November
	// are a Saturday and a Sunday), and Good Friday adds one in Alsace-Moselle (26 December is a Saturday).
	for cal, want := range map[Calendar]int{fr: 252, am: 251} {
		n := 0
		for day := d(2026, 1, 1); day.Before(d(2027, 1, 1)); day = day.AddDays(1) {
			if cal.Working(day) {
				n++
			}
		}
		if n != want {
			t.Errorf("%+v: %d working days in 2026, want %d", cal, n, want)
		}
	}
	if stephen := (Date{2025, time.December, 26}); !fr.Working(stephen) || am.Working(stephen) {
		t.Error("Friday 26 December 2025 is worked in France but not in Alsace-Moselle")
	}
}

func TestWorkingDayLagInThePlan(t *testing.T) {
	p := Plan{Term: term, Activities: []Activity{{ID: "A", Start: d(2026, 3, 30), Duration: 4}, act("B", 5)},
		Dependencies: []Dependency{fs("A", "B", Lag{2, WorkingDays})}}
	r, err := Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	// A ends on Thursday 2 April (exclusive end Friday 3 April); two working days: Friday 3 and Tuesday 7 (Easter
	// Monday is off): B starts on Wednesday 8 April.
	if b, _ := r.Timing("B"); b.Start != d(2026, 4, 8) {
		t.Errorf("B starts %v, want 2026-04-08", b.Start)
	}
	p.Calendar.AlsaceMoselle = true // Good Friday is off too
	r, _ = Compute(p)
	if b, _ := r.Timing("B"); b.Start != d(2026, 4, 9) {
		t.Errorf("in Alsace-Moselle B starts %v, want 2026-04-09", b.Start)
	}
}
