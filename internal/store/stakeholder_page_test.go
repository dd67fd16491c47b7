package store_test

import (
	"fmt"
	"slices"
	"testing"

	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestStakeholderPageMatchesTheDomainFilter checks that a page read in SQL is the page the domain's filter
// gives on the whole map, for every kind and step filter and several pages, and that the counts and theme
// lists agree; another authority's actors never appear.
func TestStakeholderPageMatchesTheDomainFilter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		kinds, steps := stakeholder.Kinds(), stakeholder.Steps()
		for i := range 70 {
			sh := stakeholder.Stakeholder{Name: fmt.Sprintf("Acteur %02d", (i*37)%70), Kind: kinds[i%len(kinds)],
				Themes:     [][]string{{"Eau"}, {"Culture", "Jeunesse"}, nil}[i%3],
				Engagement: stakeholder.Engagement{Level: stakeholder.Levels()[i%5], Steps: steps[i%len(steps) : min(len(steps), i%len(steps)+i%3)]}}
			if err := s.CreateStakeholder(ctx, store.Actor{}, a.ID, &sh); err != nil {
				t.Fatal(err)
			}
		}
		newStakeholder(t, s, b, "Acteur d'ailleurs", kinds[0])
		all, err := s.Stakeholders(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range append([]stakeholder.Kind{""}, kinds...) {
			for _, step := range append([]stakeholder.Step{""}, steps...) {
				f := stakeholder.Filter{Step: step}
				if kind != "" {
					f.Kinds = []stakeholder.Kind{kind}
				}
				var want []int64
				for _, r := range all {
					if f.Match(r.Stakeholder) {
						want = append(want, r.ID)
					}
				}
				total, matching, err := s.StakeholderCounts(ctx, a.ID, kind, step)
				if err != nil || total != len(all) || matching != len(want) {
					t.Fatalf("%q %q: counts %d %d, want %d %d (%v)", kind, step, total, matching, len(all), len(want), err)
				}
				for _, off := range []int{0, 7, 30} {
					page, err := s.StakeholderPage(ctx, a.ID, kind, step, off, 7)
					if err != nil {
						t.Fatal(err)
					}
					var got []int64
					for _, r := range page {
						got = append(got, r.ID)
					}
					lo := min(off, len(want))
					if exp := want[lo:min(len(want), off+7)]; !slices.Equal(got, exp) {
						t.Errorf("%q %q from %d: %v, want %v", kind, step, off, got, exp)
					}
				}
			}
		}
		lists, err := s.StakeholderThemeLists(ctx, a.ID)
		if err != nil || len(lists) != 2 {
			t.Errorf("theme lists %v, %v", lists, err)
		}
	})
}
