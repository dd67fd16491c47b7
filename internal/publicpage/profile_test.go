package publicpage

import (
	"strings"
	"testing"
)

func TestProfileCheck(t *testing.T) {
	for _, tc := range []struct {
		name  string
		p     Profile
		field string
		msg   string
	}{
		{"published without contact", Profile{Published: true}, "contact", "contact"},
		{"long intro", Profile{Intro: strings.Repeat("é", MaxIntro+1)}, "intro", "2000 caractères"},
		{"long dpo", Profile{DPO: strings.Repeat("a", MaxContact+1)}, "dpo", "254 caractères"},
	} {
		if got := tc.p.Check()[tc.field]; !strings.Contains(got, tc.msg) {
			t.Errorf("%s: %q", tc.name, got)
		}
	}
	if errs := (Profile{Published: true, Contact: "ri@belval.test"}).Check(); len(errs) != 0 {
		t.Errorf("a sound profile is refused: %v", errs)
	}
	ctl := Profile{Address: "1 place", Contact: "c@x.fr", DPO: "dpo@x.fr"}.Controller("Ville")
	if ctl.Name != "Ville" || ctl.DPO != "dpo@x.fr" || len(ctl.Missing()) != 0 {
		t.Errorf("controller: %+v", ctl)
	}
}
