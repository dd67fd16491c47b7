package schedule

import (
	"testing"
	"time"
)

func TestDateArithmetic(t *testing.T) {
	cases := []struct {
		name string
		got  Date
		want Date
	}{
		{"normalise day", DateOf(2027, time.April, 31), Date{2027, time.May, 1}},
		{"normalise month", DateOf(2026, 13, 1), Date{2027, time.January, 1}},
		{"add days across year", Date{2026, time.December, 30}.AddDays(3), Date{2027, time.January, 2}},
		{"subtract days", Date{2027, time.March, 1}.AddDays(-1), Date{2027, time.February, 28}},
		{"leap day", Date{2028, time.February, 28}.AddDays(1), Date{2028, time.February, 29}},
		{"month clamps", Date{2027, time.January, 31}.AddMonths(1), Date{2027, time.February, 28}},
		{"month clamps leap", Date{2028, time.January, 31}.AddMonths(1), Date{2028, time.February, 29}},
		{"months back across year", Date{2027, time.February, 15}.AddMonths(-3), Date{2026, time.November, 15}},
		{"many months", Date{2026, time.March, 31}.AddMonths(18), Date{2027, time.September, 30}},
		{"before epoch", DateOf(1969, time.December, 31).AddDays(2), Date{1970, time.January, 2}},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestDateMatchesTimePackage(t *testing.T) {
	base := time.Date(1890, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := 0; n < 200*366; n += 13 {
		want := base.AddDate(0, 0, n)
		d := FromTime(base).AddDays(n)
		if !d.Time().Equal(want) {
			t.Fatalf("day %d: got %v, want %v", n, d, want)
		}
		if d.Sub(FromTime(base)) != n {
			t.Fatalf("Sub after %d days = %d", n, d.Sub(FromTime(base)))
		}
	}
}

func TestParseDate(t *testing.T) {
	d, err := ParseDate("2027-03-15")
	if err != nil || d != (Date{2027, time.March, 15}) || d.String() != "2027-03-15" {
		t.Errorf("ParseDate = %v, %v", d, err)
	}
	if _, err := ParseDate("15/03/2027"); err == nil {
		t.Error("ParseDate accepted a French-style date")
	}
}

func TestLagLatestInvertsApply(t *testing.T) {
	lags := []Lag{{2, Days}, {-5, Days}, {3, Weeks}, {1, Months}, {-2, Months}, {13, Months},
		{0, WorkingDays}, {1, WorkingDays}, {5, WorkingDays}, {-1, WorkingDays}, {-7, WorkingDays}, {260, WorkingDays}}
	start := Date{2027, time.January, 1}.days()
	w := newWorkdays(Calendar{AlsaceMoselle: true})
	for _, l := range lags {
		for y := start; y < start+800; y++ {
			x := l.latest(y, w)
			if l.apply(x, w) > y || l.apply(x+1, w) <= y {
				t.Fatalf("lag %v: latest(%v) = %v is not the latest day with apply <= y", l, fromDays(y), fromDays(x))
			}
		}
	}
}

func TestLagString(t *testing.T) {
	cases := map[Lag]string{{1, Days}: "1 jour", {-3, Days}: "-3 jours", {2, Weeks}: "2 semaines", {1, Weeks}: "1 semaine", {6, Months}: "6 mois",
		{1, WorkingDays}: "1 jour ouvré", {-1, WorkingDays}: "-1 jour ouvré", {10, WorkingDays}: "10 jours ouvrés"}
	for l, want := range cases {
		if got := l.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", l, got, want)
		}
	}
}
