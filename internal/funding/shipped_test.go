package funding

import (
	"strings"
	"testing"
)

// TestShippedCatalogue: every programme the issue and the guide name is there, valid, each rule with a
// value has a source, and the figures the guide gives are the guide's.
func TestShippedCatalogue(t *testing.T) {
	list := Shipped()
	seen := map[string]bool{}
	for _, p := range list {
		if seen[p.Code] {
			t.Errorf("code %s twice", p.Code)
		}
		seen[p.Code] = true
		if errs := p.Validate(); len(errs) > 0 {
			t.Errorf("%s: %v", p.Code, errs)
		}
		if len(p.Sources) == 0 || p.Notes == "" {
			t.Errorf("%s: no source or no note", p.Code)
		}
		for _, q := range p.Prerequisites {
			if q.Source == "" {
				t.Errorf("%s: prerequisite %s without source", p.Code, q.Code)
			}
		}
		if len(p.AuthorityKinds.Value) > 0 && p.AuthorityKinds.Source == "" {
			t.Errorf("%s: authority kinds without source", p.Code)
		}
	}
	for _, code := range []string{"1pc-eau", "1pc-assainissement", "1pc-energie", "1pc-dechets", "1pc-mobilite", "meae-generaliste", "ficol",
		"erasmus-plus", "life", "europe-creative", "horizon-europe", "interreg", "urbact", "cerv", "fami", "fsi", "mie", "sante", "global-europe",
		"iap", "fonds-bekou", "icd", "ip", "icsp", "icsn", "volontaires-aide-ue", "taiex", "jumelages-ue", "droits-valeurs"} {
		if !seen[code] {
			t.Errorf("%s missing from the catalogue", code)
		}
	}
	c := NewCatalogue(list)
	ficol, _ := c.Programme("ficol")
	if ficol.Rules.MinGrantCents.Int() != 20_000_000 || ficol.Rules.MaxGrantCents.Int() != 150_000_000 || ficol.Rules.MinOwnSharePercent.Int() != 30 ||
		ficol.Rules.MaxMonths.Int() != 36 || ficol.Rules.MaxMonths.ToVerify || !strings.Contains(ficol.Rules.MaxMonths.Source, "3 ans") {
		t.Errorf("FICOL rules: %+v", ficol.Rules)
	}
	meae, _ := c.Programme("meae-generaliste")
	if meae.Rules.MaxRatePercent.Int() != 70 || meae.Rules.MaxRateLDCPercent.Int() != 90 || !meae.Rules.MaxRatePercent.ToVerify {
		t.Errorf("MEAE rates: %+v", meae.Rules)
	}
	// What no source gives stays unknown: no success rate for FICOL, no grant bounds for Erasmus+.
	if ficol.Rules.SuccessPercent.Known() {
		t.Error("FICOL success rate invented")
	}
	if er, _ := c.Programme("erasmus-plus"); er.Rules.MaxGrantCents.Known() || er.Rules.EffortPersonMonths.Known() || !er.Rules.SuccessPercent.ToVerify {
		t.Errorf("Erasmus+ rules: %+v", er.Rules)
	}
}

func TestProgrammeValidate(t *testing.T) {
	base, _ := testCatalogue.Programme("ficol")
	v := func(n int64) *int64 { return &n }
	cases := map[string]func(p *Programme){
		"max_rate":      func(p *Programme) { p.Rules.MaxRatePercent = Rule{Value: v(120), Source: "x"} },
		"min_grant":     func(p *Programme) { p.Rules.MinGrantCents = Rule{Value: v(-1), Source: "x"} },
		"max_grant":     func(p *Programme) { p.Rules.MaxGrantCents = Rule{Value: v(100), Source: "x"} },
		"effort_source": func(p *Programme) { p.Rules.EffortPersonMonths = Rule{Value: v(3)} },
		"name":          func(p *Programme) { p.Name = " " },
		"code":          func(p *Programme) { p.Code = "FICOL !" },
		"success":       func(p *Programme) { p.Rules.SuccessPercent = Rule{Value: v(5), High: v(3), Source: "x"} },
	}
	for field, change := range cases {
		p := base
		change(&p)
		if errs := p.Validate(); errs.For(field) == "" {
			t.Errorf("%s: no message (%v)", field, errs)
		}
	}
}
