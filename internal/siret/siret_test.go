package siret

import "testing"

func TestValid(t *testing.T) {
	for s, want := range map[string]bool{"21060004500392": true, "52499120500013": true, "21060004500393": false, "2106000450039": false,
		"2106000450039A": false, "35600000000001": true, "35600000000002": false} {
		if Valid(s) != want {
			t.Errorf("SIRET %s: %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"W333216789": true, "W3332167890": false, "A333216789": false, "W33321678X": false} {
		if ValidRNA(s) != want {
			t.Errorf("RNA %s: %v", s, !want)
		}
	}
}
