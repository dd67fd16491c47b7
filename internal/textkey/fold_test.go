package textkey

import "testing"

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"Paris", "paris"},
		{"Évry-Courcouronnes", "evry courcouronnes"},
		{"Saint-Étienne", "saint etienne"},
		{"L'Abergement-Clémenciat", "l abergement clemenciat"},
		{"L’Île-d’Yeu", "l ile d yeu"},
		{"Provence-Alpes-Côte d'Azur", "provence alpes cote d azur"},
		{"Œuilly", "oeuilly"},
		{"Bœurs-en-Othe", "boeurs en othe"},
		{"  CA du   Grand Angoulême ", "ca du grand angouleme"},
		{"Houaïlou", "houailou"},
		{"Ÿ ÿ", "y y"},
		{"2A004", "2a004"},
		{"CC Faucigny - Glières", "cc faucigny glieres"},
		{"Eurométropole (CUS)", "eurometropole cus"},
		{"E\u0301vry", "evry"}, // decomposed accent
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"Ελλάδα", "ελλάδα"},
		{"already folded", "already folded"},
		{"--", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldIdempotent(t *testing.T) {
	for _, s := range []string{"Évry", "Saint-Étienne-de-Tinée", " a  b ", "Œ-Æ"} {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", s, twice, once)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		Fold("Saint-Étienne-de-Saint-Geoirs")
	}
}
