package store_test

import (
	"errors"
	"testing"

	"boussole/internal/funding"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

func TestProjectDeclarations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, u := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		st := diagStrategy(t, s, a.ID)
		p := funding.Project{AuthorityID: a.ID, StrategyID: st.ID, Title: "Eau potable à Kindia", Status: funding.StatusRunning, Countries: []string{"GN"}}
		must(t, s.CreateProject(ctx, store.Actor{UserID: u.ID, Label: "A"}, &p))
		if got, _ := s.Project(ctx, a.ID, p.ID); got.Declaration.Known() {
			t.Fatalf("a new project is already described: %+v", got.Declaration)
		}
		d := funding.Declaration{Kind: funding.KindOnePercent, Sector: "14030", Channel: "11002", Markers: map[string]int{"1": 1, "7": 2}}
		must(t, s.SaveDeclaration(ctx, store.Actor{UserID: u.ID, Label: "A"}, a.ID, p.ID, &d))
		// A second first write (two tabs) conflicts instead of doubling the row.
		stale := funding.Declaration{Kind: funding.KindCooperation}
		if err := s.SaveDeclaration(ctx, store.Actor{}, a.ID, p.ID, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("second first write: %v", err)
		}
		if err := s.SaveDeclaration(ctx, store.Actor{}, b.ID, p.ID, &funding.Declaration{}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B describes A's project: %v", err)
		}
		whole, err := s.ReadStrategy(ctx, a.ID, st.ID, strategy.PartFunding)
		if err != nil {
			t.Fatal(err)
		}
		got := whole.Funding.Projects[0].Declaration
		if got.Kind != funding.KindOnePercent || got.Sector != "14030" || got.Channel != "11002" || got.Markers["7"] != 2 || got.Markers["1"] != 1 ||
			len(got.Markers) != 2 || got.Version != 1 {
			t.Errorf("read back %+v", got)
		}
		got.Sector = "15110"
		must(t, s.SaveDeclaration(ctx, store.Actor{}, a.ID, p.ID, &got))
		old := got
		old.Version = 1
		if err := s.SaveDeclaration(ctx, store.Actor{}, a.ID, p.ID, &old); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale version: %v", err)
		}
		must(t, s.DeleteProject(ctx, store.Actor{}, a.ID, p.ID, p.Version))
	})
}
