package oda

import (
	"testing"

	"boussole/internal/refdata/country"
)

func TestEligible(t *testing.T) {
	for code, want := range map[string]Group{"BF": LeastDeveloped, "sn": LeastDeveloped, "MA": LowerMiddle, "VN": LowerMiddle,
		"XK": UpperMiddle, "KP": LowIncome, "PS": LowerMiddle} {
		if g, ok := Eligible(code); !ok || g != want {
			t.Errorf("%s: %q %v, want %q", code, g, ok, want)
		}
	}
	// Members of the EU or the G8, high-income countries and graduated ones are not recipients.
	for _, code := range []string{"FR", "DE", "RU", "US", "CL", "UY", "SC", "AG", "CK", "", "ZZ"} {
		if _, ok := Eligible(code); ok {
			t.Errorf("%s should not be eligible", code)
		}
	}
	n := 0
	for _, c := range country.All() {
		if _, ok := Eligible(c.Alpha2); ok {
			n++
		}
	}
	if n != len(load()) || n < 135 || n > 150 {
		t.Errorf("%d eligible countries known to the country list, %d in the ODA list", n, len(load()))
	}
	if !Covers(2025) || Covers(2026) || LeastDeveloped.Label() == "" {
		t.Error("edition years or labels")
	}
}
