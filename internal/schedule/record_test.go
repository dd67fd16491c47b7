package schedule

import (
	"strings"
	"testing"
)

func TestScheduleServedBy(t *testing.T) {
	tests := []struct {
		schedule, member string
		want             bool
	}{
		{"Direction de l'eau", "Direction de l'eau", true},
		{"  direction de l'eau ", "Direction de l'EAU", true},
		{"Direction de l'eau", "Direction de la culture", false},
		{"", "", false},
		{"Direction de l'eau", "", false},
		{"", "Direction de l'eau", false},
	}
	for _, tt := range tests {
		if got := (ScheduleRecord{Service: tt.schedule}).ServedBy(tt.member); got != tt.want {
			t.Errorf("ServedBy(%q) on %q = %v, want %v", tt.member, tt.schedule, got, tt.want)
		}
	}
}

func TestSplitPartnersDropsBlanksAndRepeats(t *testing.T) {
	for in, want := range map[string]string{
		"":                                  "",
		"Ziguinchor":                        "Ziguinchor",
		" Ziguinchor ;\r\nNeustadt\n\n; ":   "Ziguinchor|Neustadt",
		"Neustadt;neustadt;NEUSTADT;Kayes;": "Neustadt|Kayes",
		";;\n":                              "",
	} {
		if got := strings.Join(SplitPartners(in), "|"); got != want {
			t.Errorf("SplitPartners(%q) = %q, want %q", in, got, want)
		}
	}
}
