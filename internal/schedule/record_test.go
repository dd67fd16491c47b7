package schedule

import "testing"

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
