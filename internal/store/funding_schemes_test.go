package store_test

import (
	"errors"
	"testing"

	"boussole/internal/funding"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestSupportSchemes records a scheme, an application from an actor of the map, a decision with a
// payment; keeps them from another authority; keeps the application when the actor leaves the map.
func TestSupportSchemes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, u := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		by := store.Actor{UserID: u.ID, Label: "A"}
		rate, capc, env := int64(50), int64(800_000), int64(4_000_000)
		sc := funding.Scheme{AuthorityID: a.ID, Name: "Fonds de solidarité", MaxRatePercent: &rate, CapCents: &capc, EnvelopeCents: &env,
			Applicants: []stakeholder.Kind{stakeholder.KindAssociation}, Countries: []string{"SN", "ML"}, Themes: []funding.Theme{"eau-assainissement"}, SDGs: []int{6, 4}}
		must(t, s.SaveScheme(ctx, by, &sc))
		got, err := s.Scheme(ctx, a.ID, sc.ID)
		must(t, err)
		if got.Name != sc.Name || *got.MaxRatePercent != 50 || *got.CapCents != capc || got.MaxSalaryPercent != nil || len(got.Countries) != 2 ||
			got.Applicants[0] != stakeholder.KindAssociation || got.Themes[0] != "eau-assainissement" || got.SDGs[1] != 4 || got.Version != 1 {
			t.Errorf("scheme read back %+v", got)
		}
		if _, err := s.Scheme(ctx, b.ID, sc.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B reads A's scheme: %v", err)
		}
		assoc := stakeholder.Stakeholder{Name: "Amis de Ségou", Kind: stakeholder.KindAssociation}
		must(t, s.CreateStakeholder(ctx, by, a.ID, &assoc))
		foreign := stakeholder.Stakeholder{Name: "Association de B", Kind: stakeholder.KindAssociation}
		must(t, s.CreateStakeholder(ctx, by, b.ID, &foreign))

		cost, asked := int64(1_200_000), int64(600_000)
		app := funding.Application{AuthorityID: a.ID, SchemeID: sc.ID, StakeholderID: assoc.ID, Title: "Puits à Ségou", Year: 2026, Country: "ML",
			Theme: "eau-assainissement", CostCents: &cost, AskedCents: &asked, SDGs: []int{6}}
		must(t, s.SaveApplication(ctx, by, &app))
		if app.Applicant != "Amis de Ségou" || app.ApplicantKind != stakeholder.KindAssociation {
			t.Errorf("the applicant is not copied from the map: %+v", app)
		}
		stolen := app
		stolen.ID, stolen.StakeholderID = 0, foreign.ID
		if err := s.SaveApplication(ctx, by, &stolen); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("an application from another authority's actor: %v", err)
		}
		wrong := app
		wrong.AuthorityID = b.ID
		if err := s.DecideApplication(ctx, by, &wrong, nil); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B decides A's application: %v", err)
		}
		granted := int64(500_000)
		app.Decision, app.GrantedCents = funding.DecisionGranted, &granted
		must(t, s.DecideApplication(ctx, by, &app, &funding.Payment{Year: 2026, AmountCents: 300_000}))
		stale := app
		stale.Version--
		if err := s.DecideApplication(ctx, by, &stale, nil); !errors.Is(err, store.ErrConflict) {
			t.Errorf("a stale decision: %v", err)
		}
		must(t, s.DecideApplication(ctx, by, &app, &funding.Payment{Year: 2027, AmountCents: 200_000}))
		list, err := s.Applications(ctx, a.ID, sc.ID)
		must(t, err)
		if len(list) != 1 || list[0].Decision != funding.DecisionGranted || *list[0].GrantedCents != granted || len(list[0].Payments) != 2 || list[0].PaidCents() != 500_000 {
			t.Fatalf("applications %+v", list)
		}
		paid, err := s.SchemePayments(ctx, a.ID)
		must(t, err)
		if paid[2026] != 300_000 || paid[2027] != 200_000 {
			t.Errorf("payments by year %v", paid)
		}
		if other, _ := s.SchemePayments(ctx, b.ID); len(other) != 0 {
			t.Errorf("B sees A's payments: %v", other)
		}
		// The actor leaves the map: the application and its history stay, under the name it had.
		must(t, s.DeleteStakeholder(ctx, by, a.ID, assoc.ID))
		kept, err := s.Application(ctx, a.ID, sc.ID, app.ID)
		must(t, err)
		if kept.StakeholderID != 0 || kept.Applicant != "Amis de Ségou" || len(kept.Payments) != 2 {
			t.Errorf("after the actor left: %+v", kept)
		}
		if err := s.DeleteScheme(ctx, by, b.ID, sc.ID, got.Version); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B deletes A's scheme: %v", err)
		}
		must(t, s.DeleteScheme(ctx, by, a.ID, sc.ID, got.Version))
		if left, _ := s.SchemePayments(ctx, a.ID); len(left) != 0 {
			t.Errorf("payments outlive their scheme: %v", left)
		}
	})
}
