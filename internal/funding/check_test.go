package funding

import (
	"slices"
	"strings"
	"testing"

	"boussole/internal/frfmt"
	"boussole/internal/partialdate"
)

func cents(euros int64) *int64 { c := euros * 100; return &c }

var testCatalogue = NewCatalogue(Shipped())

// plan builds a dated project of cost euros with lines; dates span months months from January 2027.
func plan(cost int64, months int, lines ...Line) Project {
	p := Project{ID: 1, Title: "Projet", Status: StatusDrafting, Countries: []string{"SN"}, BudgetCents: cents(cost),
		Start: partialdate.OfMonth(2027, 1), HasAgreement: true, HasDeliberation: true, HasReports: true, OwnCompetence: true}
	if months > 0 {
		end := p.Start.First().AddDate(0, months-1, 0)
		p.End = partialdate.OfMonth(end.Year(), end.Month())
	} else {
		p.Start = partialdate.Date{}
	}
	for i := range lines {
		lines[i].ID = int64(i + 1)
		if lines[i].Status == "" {
			lines[i].Status = LineApplied
		}
	}
	p.Lines = lines
	return p
}

func own(euros int64) Line { return Line{Source: SourceOwn, AmountCents: euros * 100} }
func prog(code string, euros int64) Line {
	return Line{Source: SourceProgramme, Programme: code, AmountCents: euros * 100, Year: 2027}
}

func rules(r Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Rule)
	}
	return out
}

// TestCheckRules gives each rule of the testCatalogue programmes a plan that passes and one that fails.
func TestCheckRules(t *testing.T) {
	ctx := Context{Catalogue: testCatalogue, AuthorityKind: "epci"}
	ldc := func(p Project) Project { p.LeastDeveloped = true; return p }
	noAgreement := func(p Project) Project { p.HasAgreement = false; return p }
	cases := []struct {
		name string
		p    Project
		want string // the rule that must fire, "" for none of the rules listed in absent
		not  []string
	}{
		{"balanced plan", plan(1000, 12, own(400), prog("meae-generaliste", 600)), "", []string{"plan-desequilibre"}},
		{"plan short of the cost", plan(1000, 12, own(300), prog("meae-generaliste", 600)), "plan-desequilibre", nil},
		{"plan over the cost", plan(1000, 12, own(500), prog("meae-generaliste", 600)), "plan-desequilibre", nil},
		{"refused line does not count", plan(1000, 12, own(400), prog("meae-generaliste", 600), Line{Source: SourceOther, Label: "X", AmountCents: 50000, Status: LineRefused}), "", []string{"plan-desequilibre"}},
		{"FICOL at the minimum", plan(400_000, 36, own(200_000), prog("ficol", 200_000)), "", []string{"montant-min", "montant-max", "part-propre", "duree-max"}},
		{"FICOL below the minimum", plan(300_000, 24, own(200_000), prog("ficol", 100_000)), "montant-min", nil},
		{"FICOL above the maximum", plan(3_000_000, 24, own(1_400_000), prog("ficol", 1_600_000)), "montant-max", nil},
		{"FICOL own share 30 %", plan(1_000_000, 24, own(300_000), prog("ficol", 700_000)), "", []string{"part-propre"}},
		{"FICOL own share under 30 %", plan(1_000_000, 24, own(290_000), prog("ficol", 710_000)), "part-propre", nil},
		{"FICOL partners count in own share", plan(1_000_000, 24, own(100_000), Line{Source: SourcePartner, Label: "Région", AmountCents: 20_000_000}, prog("ficol", 700_000)), "", []string{"part-propre"}},
		{"FICOL 36 months", plan(400_000, 36, own(200_000), prog("ficol", 200_000)), "", []string{"duree-max"}},
		{"FICOL 37 months", plan(400_000, 37, own(200_000), prog("ficol", 200_000)), "duree-max", nil},
		{"FICOL undated", plan(400_000, 0, own(200_000), prog("ficol", 200_000)), "duree-inconnue", []string{"duree-max"}},
		{"MEAE 70 % elsewhere", plan(1000, 12, own(300), prog("meae-generaliste", 700)), "", []string{"taux-max"}},
		{"MEAE 71 % elsewhere", plan(1000, 12, own(290), prog("meae-generaliste", 710)), "taux-max", nil},
		{"MEAE 90 % in an LDC", ldc(plan(1000, 12, own(100), prog("meae-generaliste", 900))), "", []string{"taux-max"}},
		{"MEAE 91 % in an LDC", ldc(plan(1000, 12, own(90), prog("meae-generaliste", 910))), "taux-max", nil},
		{"MEAE 80 % outside an LDC", plan(1000, 12, own(200), prog("meae-generaliste", 800)), "taux-max", nil},
		{"MEAE 12 months", plan(1000, 12, own(400), prog("meae-jeunesse-sport", 600)), "", []string{"duree-min", "duree-max"}},
		{"MEAE 11 months", plan(1000, 11, own(400), prog("meae-jeunesse-sport", 600)), "duree-min", nil},
		{"MEAE 36 months", plan(1000, 36, own(400), prog("meae-egalite", 600)), "", []string{"duree-max"}},
		{"MEAE 37 months", plan(1000, 37, own(400), prog("meae-egalite", 600)), "duree-max", nil},
		{"MEAE without agreement", noAgreement(plan(1000, 12, own(400), prog("meae-generaliste", 600))), "prealable-convention", nil},
		{"Bêkou in the Central African Republic", func() Project {
			p := plan(1000, 12, own(400), prog("fonds-bekou", 600))
			p.Countries = []string{"CF"}
			return p
		}(), "", []string{"pays-eligible"}},
		{"Bêkou elsewhere", plan(1000, 12, own(400), prog("fonds-bekou", 600)), "pays-eligible", nil},
		{"unknown programme", plan(1000, 12, own(400), prog("disparu", 600)), "programme-inconnu", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := rules(Check(c.p, ctx))
			if c.want != "" && !slices.Contains(got, c.want) {
				t.Errorf("want %s among %v", c.want, got)
			}
			for _, n := range c.not {
				if slices.Contains(got, n) {
					t.Errorf("%s fired: %v", n, got)
				}
			}
		})
	}
}

// TestFindingsAreFrenchAndSourced checks that a finding names the line, the rule's source and the figures.
func TestFindingsAreFrenchAndSourced(t *testing.T) {
	p := plan(300_000, 24, own(200_000), prog("ficol", 100_000))
	r := Check(p, Context{Catalogue: testCatalogue, AuthorityKind: "commune"})
	f := r.AtLine(2)
	if len(f) == 0 || f[0].Rule != "montant-min" {
		t.Fatalf("findings at the FICOL line: %+v", r.Findings)
	}
	if !strings.Contains(f[0].Message, frfmt.Euros(20_000_000)) || !strings.Contains(f[0].Message, frfmt.Euros(10_000_000)) || f[0].Field != FieldAmount {
		t.Errorf("message: %q field %q", f[0].Message, f[0].Field)
	}
	if !strings.Contains(f[0].Source, "Guide") || f[0].ToVerify {
		t.Errorf("the FICOL bounds come from the guide: %q %v", f[0].Source, f[0].ToVerify)
	}
	meae := Check(plan(1000, 12, own(200), prog("meae-generaliste", 800)), Context{Catalogue: testCatalogue})
	for _, f := range meae.Findings {
		if f.Rule == "taux-max" && (!f.ToVerify || !strings.Contains(f.Message, "70 %")) {
			t.Errorf("the MEAE rate is to verify and says 70 %%: %+v", f)
		}
	}
}

// TestAuthorityKind: the 1 % water is open to communes, EPCI and syndicats mixtes, not to a region.
func TestAuthorityKind(t *testing.T) {
	p := plan(1000, 12, own(500), prog("1pc-eau", 500))
	for kind, blocked := range map[string]bool{"commune": false, "epci": false, "syndicat-mixte": false, "region": true, "departement": true} {
		got := slices.Contains(rules(Check(p, Context{Catalogue: testCatalogue, AuthorityKind: kind})), "collectivite-eligible")
		if got != blocked {
			t.Errorf("%s: blocked %v, want %v", kind, got, blocked)
		}
	}
}

// TestOnePercentCeilings: water and sanitation are separate budgets; mobility leaves out the versement
// mobilité; the authority's other projects count; no budget entered means no verdict, only advice.
func TestOnePercentCeilings(t *testing.T) {
	years := map[int]Year{2027: {Year: 2027, Budgets: map[Sector]SectorBudget{
		SectorWater:      {ResourcesCents: cents(5_000_000)},                                // ceiling 50 000 €
		SectorSanitation: {ResourcesCents: cents(2_000_000)},                                // ceiling 20 000 €
		SectorMobility:   {ResourcesCents: cents(30_000_000), ExcludedCents: 2_500_000_000}, // (30 M − 25 M) → 50 000 €
	}}}
	ctx := Context{Catalogue: testCatalogue, AuthorityKind: "commune", Years: years}
	cases := []struct {
		name  string
		lines []Line
		other map[SectorYear]int64
		want  string
		not   string
	}{
		{"water at its ceiling", []Line{prog("1pc-eau", 50_000)}, nil, "", "plafond-1pc"},
		{"water over its ceiling", []Line{prog("1pc-eau", 50_001)}, nil, "plafond-1pc", ""},
		{"water and sanitation each within its own", []Line{prog("1pc-eau", 50_000), prog("1pc-assainissement", 20_000)}, nil, "", "plafond-1pc"},
		{"sanitation cannot borrow from water", []Line{prog("1pc-eau", 10_000), prog("1pc-assainissement", 30_000)}, nil, "plafond-1pc", ""},
		{"other projects count", []Line{prog("1pc-eau", 30_000)}, map[SectorYear]int64{{SectorWater, 2027}: 2_500_000}, "plafond-1pc", ""},
		{"mobility within its base without the versement mobilité", []Line{prog("1pc-mobilite", 50_000)}, nil, "", "plafond-1pc"},
		{"mobility over the base without the versement mobilité", []Line{prog("1pc-mobilite", 60_000)}, nil, "plafond-1pc", ""},
		{"energy budget not entered", []Line{prog("1pc-energie", 1_000)}, nil, "plafond-budget", "plafond-1pc"},
		{"another year has no budget", []Line{{Source: SourceProgramme, Programme: "1pc-eau", AmountCents: 100, Year: 2028}}, nil, "plafond-budget", "plafond-1pc"},
		{"a line without year", []Line{{Source: SourceProgramme, Programme: "1pc-eau", AmountCents: 100}}, nil, "plafond-annee", "plafond-1pc"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var total int64
			for _, l := range c.lines {
				total += l.AmountCents / 100
			}
			p := plan(total, 12, c.lines...)
			ctx.OtherUse = c.other
			got := rules(Check(p, ctx))
			if c.want != "" && !slices.Contains(got, c.want) {
				t.Errorf("want %s among %v", c.want, got)
			}
			if c.not != "" && slices.Contains(got, c.not) {
				t.Errorf("%s fired: %v", c.not, got)
			}
		})
	}
	if c, ok := OnePercentCeiling(SectorBudget{ResourcesCents: cents(30_000_000), ExcludedCents: 2_500_000_000}, 1); !ok || c != 5_000_000 {
		t.Errorf("mobility ceiling %d %v, want 50 000 € in cents", c, ok)
	}
	if _, ok := OnePercentCeiling(SectorBudget{}, 1); ok {
		t.Error("an unknown budget has no ceiling")
	}
}

// TestRetiredProgrammeIsKeptAndFlagged: a programme removed from the catalogue stays on the line, flagged.
func TestRetiredProgrammeIsKeptAndFlagged(t *testing.T) {
	list := Shipped()
	for i := range list {
		if list[i].Code == "ficol" {
			list[i].Retired = true
		}
	}
	c := NewCatalogue(list)
	r := Check(plan(400_000, 24, own(200_000), prog("ficol", 200_000)), Context{Catalogue: c})
	if !slices.Contains(rules(r), "programme-retire") {
		t.Errorf("retired programme not flagged: %v", rules(r))
	}
	for _, m := range Find(Project{}, Context{Catalogue: c}) {
		if m.Programme.Code == "ficol" {
			t.Error("the finder offers a retired programme")
		}
	}
}

func TestMonths(t *testing.T) {
	for _, c := range []struct {
		start, end string
		want       int
	}{{"2027-01", "2027-12", 12}, {"2027-01-15", "2028-01-14", 12}, {"2027-01-15", "2028-01-13", 11}, {"2027", "2029", 36}} {
		s, _ := partialdate.ParseISO(c.start)
		e, _ := partialdate.ParseISO(c.end)
		if got, ok := (Project{Start: s, End: e}).Months(); !ok || got != c.want {
			t.Errorf("%s → %s: %d months, want %d", c.start, c.end, got, c.want)
		}
	}
	if _, ok := (Project{}).Months(); ok {
		t.Error("an undated project has a duration")
	}
}
