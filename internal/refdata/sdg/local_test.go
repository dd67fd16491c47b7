package sdg

import (
	"errors"
	"testing"
)

func TestParseLocal(t *testing.T) {
	tests := []struct {
		in   string
		want LocalTarget
		msg  string
	}{
		{"11.6-local", LocalTarget{Code: "11.6-local", Target: "11.6", Seq: 1}, ""},
		{"11.6-local-2", LocalTarget{Code: "11.6-local-2", Target: "11.6", Seq: 2}, ""},
		{"11.6.1-local", LocalTarget{Code: "11.6.1-local", Target: "11.6", Indicator: "11.6.1", Seq: 1}, ""},
		{" 11.6.1-LOCAL-12 ", LocalTarget{Code: "11.6.1-local-12", Target: "11.6", Indicator: "11.6.1", Seq: 12}, ""},
		{"6.b-local", LocalTarget{Code: "6.b-local", Target: "6.b", Seq: 1}, ""},
		{"", LocalTarget{}, "Indiquez le code de la cible locale, par exemple « 11.6-local »."},
		{"11.6", LocalTarget{}, "Le code « 11.6 » doit être une cible ou un indicateur ODD suivi de « -local », par exemple « 11.6-local » ou « 11.6.1-local-2 »."},
		{"-local", LocalTarget{}, "Le code « -local » doit être une cible ou un indicateur ODD suivi de « -local », par exemple « 11.6-local » ou « 11.6.1-local-2 »."},
		{"11.99-local", LocalTarget{}, "La cible ODD 11.99 n'existe pas."},
		{"11.6.9-local", LocalTarget{}, "L'indicateur ODD 11.6.9 n'existe pas."},
		{"11-local", LocalTarget{}, "« 11 » n'est ni une cible ODD (forme 11.6) ni un indicateur ODD (forme 11.6.1)."},
		{"11.6-local-1", LocalTarget{}, "Après « -local », seul un numéro de 2 à 99 peut suivre, par exemple « 11.6-local-2 »."},
		{"11.6-local-02", LocalTarget{}, "Après « -local », seul un numéro de 2 à 99 peut suivre, par exemple « 11.6-local-2 »."},
		{"11.6-local-100", LocalTarget{}, "Après « -local », seul un numéro de 2 à 99 peut suivre, par exemple « 11.6-local-2 »."},
		{"11.6-locale", LocalTarget{}, "Après « -local », seul un numéro de 2 à 99 peut suivre, par exemple « 11.6-local-2 »."},
		{"11.6-local-x", LocalTarget{}, "Après « -local », seul un numéro de 2 à 99 peut suivre, par exemple « 11.6-local-2 »."},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseLocal(tt.in)
			if got != tt.want {
				t.Errorf("ParseLocal(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			if errText(err) != tt.msg {
				t.Errorf("message %q, want %q", errText(err), tt.msg)
			}
			var ce *CodeError
			if err != nil && !errors.As(err, &ce) {
				t.Errorf("error %T is not a *CodeError", err)
			}
		})
	}
}
