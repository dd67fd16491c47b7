package store_test

import (
	"errors"
	"testing"
	"time"

	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/process"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func TestAdoptedStrategyHasNoInventedCalendar(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		st := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2020", TermStart: 2020, Status: model.StrategyCurrent,
			AdoptedOn: partialdate.Date{Year: 2020, Month: 12}}
		if err := s.CreateStrategy(ctx, store.Actor{}, &st, time.Time{}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Strategy(ctx, a.ID, st.ID)
		if err != nil || got.AdoptedOn != st.AdoptedOn || got.TermEnd != 0 || got.Term() != "depuis 2020 (fin non renseignée)" {
			t.Fatalf("read back %+v, %v", got, err)
		}
		steps, _ := s.Steps(ctx, a.ID, st.ID)
		if len(steps) != len(process.Steps) {
			t.Fatalf("%d steps", len(steps))
		}
		for _, x := range steps {
			if x.Status != process.Done || !x.PlannedStart.IsZero() || !x.PlannedEnd.IsZero() {
				t.Errorf("step %s of an adopted strategy: %s, planned %v–%v", x.Step, x.Status, x.PlannedStart, x.PlannedEnd)
			}
		}
		got.AdoptedOn = partialdate.Date{Year: 2020, Month: 12, Day: 17}
		got.TermEnd = 2026
		if err := s.UpdateStrategy(ctx, store.Actor{}, &got); err != nil {
			t.Fatal(err)
		}
		if again, _ := s.Strategy(ctx, a.ID, st.ID); again.AdoptedOn.String() != "17 décembre 2020" || again.TermEnd != 2026 {
			t.Errorf("after update: %+v", again)
		}
	})
}

func TestStrategyChoiceIsPerSessionAndAuthority(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, u := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		mk := func(auth int64, title string) model.Strategy {
			st := model.Strategy{AuthorityID: auth, Title: title, TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
			if err := s.CreateStrategy(ctx, store.Actor{}, &st, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
			return st
		}
		old, cur, theirs := mk(a.ID, "2010"), mk(a.ID, "2026"), mk(b.ID, "B")
		for _, h := range []string{"one", "two"} {
			if err := s.CreateSession(ctx, h, u.ID, time.Hour, ""); err != nil {
				t.Fatal(err)
			}
		}
		if id, err := s.ChosenStrategy(ctx, "one", a.ID); err != nil || id != 0 {
			t.Fatalf("no choice yet: %d, %v", id, err)
		}
		if err := s.ChooseStrategy(ctx, "one", a.ID, old.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.ChooseStrategy(ctx, "one", a.ID, cur.ID); err != nil {
			t.Fatal(err)
		}
		if id, _ := s.ChosenStrategy(ctx, "one", a.ID); id != cur.ID {
			t.Errorf("the second choice replaces the first: %d, want %d", id, cur.ID)
		}
		if id, _ := s.ChosenStrategy(ctx, "two", a.ID); id != 0 {
			t.Errorf("another session sees the choice: %d", id)
		}
		// Another authority's strategy cannot be chosen for this one.
		if err := s.ChooseStrategy(ctx, "one", a.ID, theirs.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("choosing another authority's strategy: %v", err)
		}
		if id, _ := s.ChosenStrategy(ctx, "one", b.ID); id != 0 {
			t.Errorf("a choice leaked to authority B: %d", id)
		}
		if id, _ := s.ChosenStrategy(ctx, "one", a.ID); id != cur.ID {
			t.Errorf("a refused choice changed the choice: %d", id)
		}
		// Signing out ends the choice with the session.
		if err := s.DeleteSession(ctx, "one"); err != nil {
			t.Fatal(err)
		}
		if id, _ := s.ChosenStrategy(ctx, "one", a.ID); id != 0 {
			t.Errorf("choice outlives its session: %d", id)
		}
	})
}
