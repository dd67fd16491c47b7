package funding

import (
	"strings"
	"testing"

	"boussole/internal/stakeholder"
)

func pct(n int64) *int64 { return &n }

func solidarityFund() Scheme {
	return Scheme{Name: "Fonds de solidarité internationale", MaxRatePercent: pct(50), CapCents: cents(8000), EnvelopeCents: cents(40000),
		MaxSalaryPercent: pct(30), Applicants: []stakeholder.Kind{stakeholder.KindAssociation, stakeholder.KindDiaspora},
		Countries: []string{"SN", "ML"}, Themes: []Theme{"eau-assainissement", "education-formation"}, SDGs: []int{4, 6}}
}

func goodApplication() Application {
	return Application{ID: 1, Applicant: "Amis de Ségou", ApplicantKind: stakeholder.KindAssociation, StakeholderID: 3, Title: "Puits", Year: 2026,
		Country: "ML", Theme: "eau-assainissement", CostCents: cents(12000), AskedCents: cents(6000), SalaryPercent: pct(20), SDGs: []int{6}}
}

// TestReviewApplication gives each rule a passing application (the good one) and a failing one, and
// checks the finding is at its field.
func TestReviewApplication(t *testing.T) {
	granted := func(id int64, year int, euros int64) Application {
		return Application{ID: id, Year: year, Decision: DecisionGranted, GrantedCents: cents(euros)}
	}
	cases := []struct {
		name   string
		change func(*Application)
		others []Application
		rule   string
		field  string
		sev    Severity
		say    string
	}{
		{"applicant kind", func(a *Application) { a.ApplicantKind = stakeholder.KindCompany }, nil, "demandeur", FieldAppApplicant, Blocking, "n'est pas d'une catégorie éligible"},
		{"country", func(a *Application) { a.Country = "BR" }, nil, "pays", FieldAppCountry, Blocking, "Brésil"},
		{"country unknown", func(a *Application) { a.Country = "" }, nil, "pays", FieldAppCountry, ToFix, "n'est pas renseigné"},
		{"theme", func(a *Application) { a.Theme = "culture" }, nil, "theme", FieldAppTheme, Blocking, "Culture"},
		{"ODD", func(a *Application) { a.SDGs = []int{13} }, nil, "odd", FieldAppSDGs, Blocking, "ODD 4, 6"},
		{"rate", func(a *Application) { a.AskedCents = cents(7000) }, nil, "taux", FieldAppAsked, Blocking, "dépasse 50 %"},
		{"cap", func(a *Application) { a.CostCents, a.AskedCents = cents(30000), cents(9000) }, nil, "plafond", FieldAppAsked, Blocking, "plafond de 8"},
		{"salaries", func(a *Application) { a.SalaryPercent = pct(50) }, nil, "salaires", FieldAppSalary, ToFix, "le coût retenu est de 9"},
		// 50 % of salaries on 12 000 €: 2 400 € ineligible, 9 600 € retained, 4 800 € at most.
		{"salaries lower the rate's base", func(a *Application) { a.SalaryPercent = pct(50) }, nil, "taux", FieldAppAsked, Blocking, "4\u202f800"},
		{"envelope", func(a *Application) {}, []Application{granted(2, 2026, 20000), granted(3, 2026, 16000)}, "enveloppe", FieldAppAsked, ToFix, "il reste 4"},
	}
	base := ReviewApplication(solidarityFund(), goodApplication(), []Application{granted(2, 2025, 39000)})
	if len(base.Findings) != 0 || !base.Eligible() {
		t.Fatalf("the good application: %+v", base.Findings)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := goodApplication()
			c.change(&a)
			r := ReviewApplication(solidarityFund(), a, c.others)
			for _, f := range r.At(c.field) {
				if f.Rule == c.rule && f.Severity == c.sev && strings.Contains(f.Message, c.say) && f.Source != "" {
					return
				}
			}
			t.Errorf("no %s finding at %s saying %q: %+v", c.rule, c.field, c.say, r.Findings)
		})
	}
}

// TestReviewUnsetRules: a scheme with no rule checks nothing, and says so for each rule.
func TestReviewUnsetRules(t *testing.T) {
	a := goodApplication()
	a.AskedCents = cents(1_000_000)
	r := ReviewApplication(Scheme{Name: "Fonds sans règle"}, a, nil)
	if len(r.Findings) != 0 {
		t.Errorf("findings without rules: %+v", r.Findings)
	}
	if len(r.Unchecked) != 8 {
		t.Errorf("unchecked rules: %q", r.Unchecked)
	}
	s := solidarityFund()
	a = goodApplication()
	a.CostCents, a.SalaryPercent = nil, nil
	r = ReviewApplication(s, a, nil)
	if len(r.Findings) != 0 || !strings.Contains(strings.Join(r.Unchecked, " "), "Taux maximal : le coût du projet") {
		t.Errorf("unknown cost: %+v %q", r.Findings, r.Unchecked)
	}
}

func TestSchemeValidation(t *testing.T) {
	known := func(c string) bool { return c == "SN" }
	bad := Scheme{MaxRatePercent: pct(120), CapCents: cents(-1), Countries: []string{"XX"}, Applicants: []stakeholder.Kind{"martien"}, SDGs: []int{18}}
	errs := bad.Validate(known)
	for _, f := range []string{FieldSchemeName, FieldSchemeRate, FieldSchemeCap, FieldSchemeCountries, FieldSchemeApplicant, FieldSchemeSDGs} {
		if errs.For(f) == "" {
			t.Errorf("no message at %s: %v", f, errs)
		}
	}
	if errs := solidarityFund().Validate(func(string) bool { return true }); errs != nil {
		t.Errorf("the fund: %v", errs)
	}
	badApp := Application{Title: "x", Year: 1999, Country: "XX", Theme: "inconnu", CostCents: cents(-1), AskedCents: cents(0), SalaryPercent: pct(101), SDGs: []int{0}}
	errs = badApp.Validate(known)
	for _, f := range []string{FieldAppApplicant, FieldAppYear, FieldAppCountry, FieldAppTheme, FieldAppCost, FieldAppAsked, FieldAppSalary, FieldAppSDGs} {
		if errs.For(f) == "" {
			t.Errorf("no message at %s of the application: %v", f, errs)
		}
	}
	if errs := goodApplication().Validate(func(string) bool { return true }); errs != nil {
		t.Errorf("the good application: %v", errs)
	}
	a := goodApplication()
	a.Decision, a.GrantedCents = DecisionGranted, cents(7000)
	if a.ValidateDecision().For(FieldAppGranted) == "" {
		t.Error("granted more than asked")
	}
	a.GrantedCents, a.Payments = cents(1000), []Payment{{Year: 2026, AmountCents: 200000}}
	if a.ValidateDecision().For(FieldAppGranted) == "" {
		t.Error("granted less than already paid")
	}
	a.GrantedCents, a.Payments = cents(5000), nil
	if errs := a.ValidatePayment(Payment{Year: 2026, AmountCents: 600000}); errs.For(FieldPayAmount) == "" {
		t.Error("paid more than granted")
	}
	a.Decision = DecisionRefused
	if errs := a.ValidatePayment(Payment{Year: 2026, AmountCents: 100}); errs.For(FieldPayAmount) == "" {
		t.Error("paid a refused application")
	}
}

func TestEnvelopeYears(t *testing.T) {
	apps := []Application{
		{Year: 2026, Decision: DecisionGranted, GrantedCents: cents(30000), Payments: []Payment{{Year: 2026, AmountCents: 1000000}, {Year: 2027, AmountCents: 500000}}},
		{Year: 2026, Decision: DecisionGranted, GrantedCents: cents(15000)},
		{Year: 2026, AskedCents: cents(2000)},
	}
	ys := EnvelopeYears(solidarityFund(), apps)
	if len(ys) != 2 || ys[0].Granted != 4500000 || *ys[0].Left != -500000 || !ys[0].Overdraw || ys[0].Paid != 1000000 || ys[1].Paid != 500000 || ys[0].Asked != 200000 {
		t.Errorf("years %+v", ys)
	}
}
