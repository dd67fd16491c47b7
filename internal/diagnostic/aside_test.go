package diagnostic

import "testing"

func TestValidateAside(t *testing.T) {
	base := Item{Quadrant: Weaknesses, Scope: ScopeAuthority, Text: "Peu de moyens", Weight: 3}
	for _, tc := range []struct {
		name    string
		aside   bool
		reason  string
		wantErr bool
	}{
		{"not left aside", false, "", false},
		{"left aside with a reason", true, "Relève du plan de mandat, pas de la stratégie.", false},
		{"left aside without a reason", true, "  ", true},
		{"a reason without the choice", false, "Hors sujet", true},
		{"reason too long", true, string(make([]byte, maxAsideReason+1)), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it := base
			it.LeftAside, it.AsideReason = tc.aside, tc.reason
			if got := it.Validate().Has("asideReason"); got != tc.wantErr {
				t.Errorf("error on asideReason = %v, want %v (%v)", got, tc.wantErr, it.Validate())
			}
		})
	}
}
