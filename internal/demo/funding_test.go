package demo

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"boussole/internal/funding"
	"boussole/internal/refdata/country"
	"boussole/internal/store"
)

// TestDemoFundingShowsTheCheck loads the demo and checks its plans as the pages do: the two projects wrong
// on purpose are flagged for their fault, the others pass every known rule, and the mix of sources the
// issue asks for is there.
func TestDemoFundingShowsTheCheck(t *testing.T) {
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	a, _ := st.AuthorityBySlug(ctx, Slug)
	list, _ := st.Strategies(ctx, a.ID)
	var projects []funding.Project
	for _, s := range list {
		ps, err := st.StrategyProjects(ctx, a.ID, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		projects = append(projects, ps...)
	}
	if len(projects) != 8 {
		t.Fatalf("%d demo projects, want 8", len(projects))
	}
	c, _ := st.FundingCatalogue(ctx)
	years, _ := st.FundingYears(ctx, a.ID)
	all := funding.OnePercentUse(c, projects)
	known := func(code string) bool { _, ok := country.ByCode(code); return ok }
	sources := map[string]bool{}
	for _, p := range projects {
		if errs := p.Validate(known); errs != nil {
			t.Errorf("%s: %v", p.Title, errs)
		}
		other := map[funding.SectorYear]int64{}
		for k, v := range all {
			other[k] = v
		}
		for k, v := range funding.OnePercentUse(c, []funding.Project{p}) {
			other[k] -= v
		}
		rep := funding.Check(p, funding.Context{Catalogue: c, AuthorityKind: a.Kind, Years: years, OtherUse: other})
		var fired []string
		for _, f := range rep.Findings {
			if f.Severity != funding.Advice {
				fired = append(fired, f.Rule)
			}
		}
		switch p.Title {
		case "Assainissement de Ziguinchor, phase 2":
			if !slices.Contains(fired, "plan-desequilibre") {
				t.Errorf("%s should be unbalanced: %v", p.Title, fired)
			}
		case "Formation des agents de Sefrou":
			if !slices.Contains(fired, "montant-min") {
				t.Errorf("%s should ask the FICOL less than its minimum: %v", p.Title, fired)
			}
		default:
			if len(fired) > 0 {
				t.Errorf("%s: unexpected findings %v", p.Title, fired)
			}
		}
		for _, l := range p.Lines {
			sources[funding.SourceKey(l)] = true
		}
	}
	for _, want := range []string{"budget-propre", "ficol", "meae-generaliste", "1pc-eau", "erasmus-plus"} {
		if !sources[want] {
			t.Errorf("no demo line from %s", want)
		}
	}
	if loads := funding.Capacity(projects, c, years); len(loads) == 0 || !loads[0].Over {
		t.Errorf("the demo's 2027 applications should overload its one-person team: %+v", loads)
	}
}
