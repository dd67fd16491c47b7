package logframe

import "testing"

func TestIsVague(t *testing.T) {
	tests := []struct {
		title string
		vague bool
	}{
		{"Renforcer la coopération", true},
		{"Développer les relations internationales", true},
		{"Favoriser l'ouverture à l'international", true},
		{"Améliorer la qualité des partenariats", true},
		{"Renforcer la coopération avec Kayes sur l'eau", false},
		{"Permettre à 200 jeunes un séjour à l'étranger", false},
		{"Coopération", false},
		{"Développer les échanges scolaires", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := IsVague(tc.title); got != tc.vague {
			t.Errorf("IsVague(%q) = %v, want %v", tc.title, got, tc.vague)
		}
	}
}

func TestMentionsTime(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"d'ici 2030", true},
		{"avant la fin de la mandature", true},
		{"en septembre", true},
		{"à Marseille", false},
		{"200 jeunes", false},
		{"budget de 12030 euros", false},
	}
	for _, tc := range tests {
		if got := mentionsTime(tc.text); got != tc.want {
			t.Errorf("mentionsTime(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
