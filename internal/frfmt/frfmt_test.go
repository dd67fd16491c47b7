package frfmt

import (
	"strings"
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	cases := map[string]time.Time{
		"25 novembre 2026": time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC),
		"1er janvier 2027": time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC),
		"14 août 2025":     time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC),
		"":                 {},
	}
	for want, in := range cases {
		if got := Date(in); got != want {
			t.Errorf("Date(%v) = %q, want %q", in, got, want)
		}
		if !in.IsZero() {
			if got := string(AppendDate(nil, in.Year(), in.Month(), in.Day())); got != want {
				t.Errorf("AppendDate(%v) = %q, want %q", in, got, want)
			}
		}
	}
	if got := DateTime(time.Date(2026, 3, 2, 9, 5, 0, 0, time.UTC)); got != "2 mars 2026 à 9 h 05" {
		t.Errorf("DateTime = %q", got)
	}
}

func TestAmounts(t *testing.T) {
	plain := func(s string) string { return strings.ReplaceAll(s, nbsp, " ") }
	cases := []struct {
		cents int64
		want  string
	}{
		{123456700, "1 234 567 €"},
		{0, "0 €"},
		{99, "0,99 €"},
		{123450, "1 234,50 €"},
		{-150000, "-1 500 €"},
	}
	for _, c := range cases {
		if got := plain(Euros(c.cents)); got != c.want {
			t.Errorf("Euros(%d) = %q, want %q", c.cents, got, c.want)
		}
	}
	if got := plain(Integer(1000)); got != "1 000" {
		t.Errorf("Integer(1000) = %q", got)
	}
	if got := plain(Percent(0.425)); got != "43 %" {
		t.Errorf("Percent = %q", got)
	}
}
