package store_test

import (
	"errors"
	"testing"

	"boussole/internal/funding"
	"boussole/internal/partialdate"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

func TestFundingSpending(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		st := diagStrategy(t, s, a.ID)
		p := funding.Project{AuthorityID: a.ID, StrategyID: st.ID, Title: "Eau à Kindia", Status: funding.StatusRunning, Countries: []string{"GN"}}
		must(t, s.CreateProject(ctx, store.Actor{}, &p))
		commune := stakeholder.Stakeholder{Name: "Commune de Kindia", Kind: stakeholder.KindAssociation}
		must(t, s.CreateStakeholder(ctx, store.Actor{}, a.ID, &commune))
		foreign := stakeholder.Stakeholder{Name: "Acteur de B", Kind: stakeholder.KindAssociation}
		must(t, s.CreateStakeholder(ctx, store.Actor{}, b.ID, &foreign))

		commit := funding.Spending{ProjectID: p.ID, Kind: funding.Committed, Date: partialdate.OfMonth(2026, 3), AmountCents: 2_000_000, Country: "GN",
			Beneficiary: funding.BeneficiaryAuthority, StakeholderID: commune.ID, Name: "ignored: copied from the map"}
		must(t, s.SaveSpending(ctx, store.Actor{}, a.ID, &commit))
		pay := funding.Spending{ProjectID: p.ID, Kind: funding.Paid, Date: partialdate.OfYear(2027), AmountCents: 800_000, Country: "GN",
			Beneficiary: funding.BeneficiaryNGO, Name: "pS-Eau"}
		must(t, s.SaveSpending(ctx, store.Actor{}, a.ID, &pay))

		got, err := s.Project(ctx, a.ID, p.ID)
		must(t, err)
		if len(got.Spending) != 2 || got.Spending[0].Name != "Commune de Kindia" || got.Spending[0].StakeholderID != commune.ID ||
			got.Spending[0].Date != commit.Date || got.Spending[1].StakeholderID != 0 || got.Spending[1].Name != "pS-Eau" {
			t.Fatalf("read back %+v", got.Spending)
		}
		whole, err := s.ReadStrategy(ctx, a.ID, st.ID, strategy.PartFunding)
		must(t, err)
		if len(whole.Funding.Projects) != 1 || len(whole.Funding.Projects[0].Spending) != 2 {
			t.Errorf("the funding part lacks the spending: %+v", whole.Funding.Projects)
		}

		// Scoped to the authority: B can neither read, add to A's project, nor name A's stakeholder; A cannot name B's.
		if _, err := s.Spending(ctx, b.ID, p.ID, pay.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B reads A's spending: %v", err)
		}
		if err := s.SaveSpending(ctx, store.Actor{}, b.ID, &funding.Spending{ProjectID: p.ID, Kind: funding.Paid, Date: partialdate.OfYear(2027), AmountCents: 1,
			Beneficiary: funding.BeneficiaryOther, Name: "x"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B adds spending to A's project: %v", err)
		}
		bad := pay
		bad.ID, bad.StakeholderID = 0, foreign.ID
		if err := s.SaveSpending(ctx, store.Actor{}, a.ID, &bad); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("A names B's stakeholder: %v", err)
		}

		// The version check.
		stale := pay
		pay.AmountCents = 900_000
		must(t, s.SaveSpending(ctx, store.Actor{}, a.ID, &pay))
		if err := s.SaveSpending(ctx, store.Actor{}, a.ID, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale save: %v", err)
		}
		if err := s.DeleteSpending(ctx, store.Actor{}, a.ID, p.ID, pay.ID, stale.Version); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale delete: %v", err)
		}

		// Deleting the stakeholder keeps the record and its name as text.
		must(t, s.DeleteStakeholder(ctx, store.Actor{}, a.ID, commune.ID))
		kept, err := s.Spending(ctx, a.ID, p.ID, commit.ID)
		must(t, err)
		if kept.StakeholderID != 0 || kept.Name != "Commune de Kindia" || kept.AmountCents != 2_000_000 {
			t.Errorf("after the stakeholder left the map: %+v", kept)
		}
		must(t, s.DeleteSpending(ctx, store.Actor{}, a.ID, p.ID, pay.ID, pay.Version))
		got, err = s.Project(ctx, a.ID, p.ID)
		must(t, err)
		if len(got.Spending) != 1 {
			t.Errorf("after delete: %+v", got.Spending)
		}
		must(t, s.DeleteProject(ctx, store.Actor{}, a.ID, p.ID, got.Version))
	})
}
