package store_test

import (
	"errors"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// frameworkFixture is one authority's strategy with an objective and a result to hang activities under.
type frameworkFixture struct {
	authority model.Authority
	strategy  model.Strategy
	objective model.Objective
	result    model.Result
}

func newFrameworkFixture(t *testing.T, s *store.Store, name, email string) frameworkFixture {
	t.Helper()
	a, _ := signUp(t, s, name, email)
	st := model.Strategy{AuthorityID: a.ID, Title: "Stratégie " + name, TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	if err := s.CreateStrategy(ctx, store.Actor{}, &st, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	o := model.Objective{AuthorityID: a.ID, StrategyID: st.ID, SpecificObjective: logframe.SpecificObjective{Title: "Renforcer la coopération"}}
	if err := s.CreateObjective(ctx, store.Actor{}, &o); err != nil {
		t.Fatal(err)
	}
	r := model.Result{AuthorityID: a.ID, StrategyID: st.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: "Des échanges réguliers"}}
	if err := s.CreateResult(ctx, store.Actor{}, &r); err != nil {
		t.Fatal(err)
	}
	return frameworkFixture{a, st, o, r}
}

func TestActivitiesOf(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFrameworkFixture(t, s, "Ville A", "a@a.fr")
		other := newFrameworkFixture(t, s, "Ville B", "b@b.fr")
		for _, title := range []string{"Mission à Ziguinchor", "Accueil de stagiaires"} {
			a := model.Activity{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, ResultID: f.result.ID, Title: title, Owner: "DRI", CostCents: 150000,
				Start: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}
			if err := s.CreateActivity(ctx, store.Actor{}, &a); err != nil {
				t.Fatal(err)
			}
		}
		// A result of another authority cannot receive an activity.
		bad := model.Activity{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, ResultID: other.result.ID, Title: "Intrusion"}
		if err := s.CreateActivity(ctx, store.Actor{}, &bad); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("activity under another authority's result: err = %v, want ErrNotFound", err)
		}
		got, err := s.ActivitiesOf(ctx, f.authority.ID, f.strategy.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Title != "Mission à Ziguinchor" || got[1].Position != 2 || got[0].ResultID != f.result.ID || got[0].Owner != "DRI" {
			t.Fatalf("ActivitiesOf = %+v", got)
		}
		if !got[0].Start.Equal(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)) || got[0].CostCents != 150000 {
			t.Errorf("dates or cost not kept: %+v", got[0])
		}
		if none, _ := s.ActivitiesOf(ctx, other.authority.ID, f.strategy.ID); len(none) != 0 {
			t.Errorf("another authority sees %d activities", len(none))
		}
		// Optimistic concurrency on update.
		a := got[0]
		a.Title = "Mission à Ziguinchor (2027)"
		if err := s.UpdateActivity(ctx, store.Actor{}, &a); err != nil {
			t.Fatal(err)
		}
		stale := got[0]
		stale.Title = "Ancienne version"
		if err := s.UpdateActivity(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale update: err = %v, want ErrConflict", err)
		}
	})
}
