package partialdate

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in         string
		want       Date
		iso, words string
	}{
		{"1962", OfYear(1962), "1962", "1962"},
		{" 1962 ", OfYear(1962), "1962", "1962"},
		{"12/2020", OfMonth(2020, 12), "2020-12", "décembre 2020"},
		{"3/2021", OfMonth(2021, 3), "2021-03", "mars 2021"},
		{"2020-12", OfMonth(2020, 12), "2020-12", "décembre 2020"},
		{"2020/12", OfMonth(2020, 12), "2020-12", "décembre 2020"},
		{"décembre 2020", OfMonth(2020, 12), "2020-12", "décembre 2020"},
		{"Décembre\u00a02020", OfMonth(2020, 12), "2020-12", "décembre 2020"},
		{"decembre 2020", OfMonth(2020, 12), "2020-12", "décembre 2020"},
		{"déc. 2020", OfMonth(2020, 12), "2020-12", "décembre 2020"},
		{"août 2019", OfMonth(2019, 8), "2019-08", "août 2019"},
		{"FÉVRIER 2024", OfMonth(2024, 2), "2024-02", "février 2024"},
		{"2020-12-15", Of(2020, 12, 15), "2020-12-15", "15 décembre 2020"},
		{"15/12/2020", Of(2020, 12, 15), "2020-12-15", "15 décembre 2020"},
		{"15-12-2020", Of(2020, 12, 15), "2020-12-15", "15 décembre 2020"},
		{"15.12.2020", Of(2020, 12, 15), "2020-12-15", "15 décembre 2020"},
		{"15 12 2020", Of(2020, 12, 15), "2020-12-15", "15 décembre 2020"},
		{"15 décembre 2020", Of(2020, 12, 15), "2020-12-15", "15 décembre 2020"},
		{"1er mai 2021", Of(2021, 5, 1), "2021-05-01", "1er mai 2021"},
		{"01/05/2021", Of(2021, 5, 1), "2021-05-01", "1er mai 2021"},
		{"29/02/2024", Of(2024, 2, 29), "2024-02-29", "29 février 2024"},
		{"", Date{}, "", ""},
		{"   ", Date{}, "", ""},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got != c.want || got.ISO() != c.iso || got.String() != c.words {
			t.Errorf("Parse(%q) = %#v (%q, %q), want %#v (%q, %q)", c.in, got, got.ISO(), got.String(), c.want, c.iso, c.words)
		}
		// What a form shows back reads back to the same date.
		if again, err := Parse(got.Input()); err != nil || again != got {
			t.Errorf("Parse(Input %q) = %v, %v; want %v", got.Input(), again, err, got)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	cases := []struct{ in, wantIn string }{
		{"31/02/2020", "n'existe pas"},
		{"29/02/2023", "ce mois a 28 jours"},
		{"13/2020", "entre 1 et 12"},
		{"2020-00", "entre 1 et 12"},
		{"00/12/2020", "entre 1 et 31"},
		{"0 mai 2020", "entre 1 et 31"},
		{"12/20", "quatre chiffres"},
		{"20", "quatre chiffres"},
		{"decembr 2020", "Mois non reconnu"},
		{"décembre", "Date non comprise"},
		{"décembre vingt", "Date non comprise"},
		{"hier", "Date non comprise"},
		{"2020-12-15-01", "Date non comprise"},
		{"1/2/3/2020", "Date non comprise"},
		{"12345", "Date non comprise"},
		{"0999", "quatre chiffres"},
		{"NaN", "Date non comprise"},
		{"15/122/2020", "Date non comprise"},
		{"32 mai 2020", "n'existe pas"},
	}
	for _, c := range cases {
		d, err := Parse(c.in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want an error", c.in, d)
			continue
		}
		if !strings.Contains(err.Error(), c.wantIn) {
			t.Errorf("Parse(%q) error %q, want it to say %q", c.in, err, c.wantIn)
		}
	}
}

func TestPeriod(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		d           Date
		first, last time.Time
		prefixed    string
	}{
		{OfYear(1962), day(1962, 1, 1), day(1962, 12, 31), "en 1962"},
		{OfMonth(2024, 2), day(2024, 2, 1), day(2024, 2, 29), "en février 2024"},
		{OfMonth(2020, 12), day(2020, 12, 1), day(2020, 12, 31), "en décembre 2020"},
		{Of(2020, 12, 15), day(2020, 12, 15), day(2020, 12, 15), "le 15 décembre 2020"},
	}
	for _, c := range cases {
		if !c.d.First().Equal(c.first) || !c.d.Last().Equal(c.last) || c.d.Prefixed() != c.prefixed {
			t.Errorf("%v: first %v last %v %q, want %v %v %q", c.d, c.d.First(), c.d.Last(), c.d.Prefixed(), c.first, c.last, c.prefixed)
		}
	}
	if !(Date{}).First().IsZero() || !(Date{}).Last().IsZero() || (Date{}).String() != "" {
		t.Error("the zero Date must stay unknown")
	}
}

// TestOrder checks that the stored texts sort as the dates do, so ORDER BY on the column is right.
func TestOrder(t *testing.T) {
	dates := []Date{Of(2021, 1, 5), OfYear(1962), OfMonth(2020, 12), Of(2020, 12, 15), OfYear(2020), Of(2020, 2, 1), {}}
	byText := slices.Clone(dates)
	slices.SortFunc(byText, func(a, b Date) int { return strings.Compare(a.ISO(), b.ISO()) })
	byDate := slices.Clone(dates)
	slices.SortStableFunc(byDate, func(a, b Date) int {
		if c := a.First().Compare(b.First()); c != 0 {
			return c
		}
		return int(a.Precision()) - int(b.Precision())
	})
	if !slices.Equal(byText, byDate) {
		t.Errorf("text order %v, date order %v", byText, byDate)
	}
}

func TestJSONAndISO(t *testing.T) {
	in := struct{ A, B, C, D Date }{OfYear(1962), OfMonth(2020, 12), Of(2020, 12, 15), Date{}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"A":"1962","B":"2020-12","C":"2020-12-15","D":""}` {
		t.Errorf("JSON %s", b)
	}
	var out struct{ A, B, C, D Date }
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("read back %v, %v", out, err)
	}
	// A SQLite DATE written by the driver before partial dates existed.
	if d, err := ParseISO("2019-03-04 00:00:00+00:00"); err != nil || d != Of(2019, 3, 4) {
		t.Errorf("ParseISO of an old value = %v, %v", d, err)
	}
	for _, bad := range []string{"15/12/2020", "2020-1", "20-12-15", "décembre 2020"} {
		if _, err := ParseISO(bad); err == nil {
			t.Errorf("ParseISO(%q) must be refused", bad)
		}
	}
}

// FuzzParse checks that whatever is typed, Parse either refuses it with a French message or returns a real
// date that survives the round trips through its stored and shown forms.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"1962", "12/2020", "décembre 2020", "2020-12", "2020-12-15", "15/12/2020", "1er mai 2021", "31/02/2020", "", "\x00", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			if msg := err.Error(); msg == "" || strings.Contains(msg, "strconv") {
				t.Fatalf("Parse(%q): message %q", s, msg)
			}
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(s) != "" && normalise(s) != "" {
				t.Fatalf("Parse(%q) gave the zero Date without an error", s)
			}
			return
		}
		if iso, err := ParseISO(d.ISO()); err != nil || iso != d {
			t.Fatalf("ISO round trip of %q: %v → %q → %v, %v", s, d, d.ISO(), iso, err)
		}
		if in, err := Parse(d.Input()); err != nil || in != d {
			t.Fatalf("Input round trip of %q: %v → %q → %v, %v", s, d, d.Input(), in, err)
		}
		if words, err := Parse(d.String()); err != nil || words != d {
			t.Fatalf("French round trip of %q: %v → %q → %v, %v", s, d, d.String(), words, err)
		}
		if d.Last().Before(d.First()) || FromTime(d.First()).Year != d.Year {
			t.Fatalf("period of %v: %v – %v", d, d.First(), d.Last())
		}
	})
}
