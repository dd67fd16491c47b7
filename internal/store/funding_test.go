package store_test

import (
	"errors"
	"testing"

	"boussole/internal/funding"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/organisation"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func TestFundingProjectsAndLines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, u := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		st := diagStrategy(t, s, a.ID)
		prio := logframe.ThematicPriorityRecord{AuthorityID: a.ID, StrategyID: st.ID, Policy: "Eau et assainissement"}
		must(t, s.SaveThematicPriority(ctx, store.Actor{}, &prio))
		budget := int64(40_000_000)
		p := funding.Project{AuthorityID: a.ID, StrategyID: st.ID, Title: "Eau potable à Kindia", Summary: "Réseau de bornes-fontaines", Status: funding.StatusDrafting,
			Partners: []string{"Commune de Kindia", "pS-Eau"}, Countries: []string{"GN"}, Themes: []funding.Theme{"eau-assainissement"}, SDGs: []int{6},
			Start: partialdate.OfMonth(2027, 1), End: partialdate.OfYear(2029), BudgetCents: &budget, HasAgreement: true, LeastDeveloped: true,
			Links: []funding.Link{{Kind: funding.LinkObjective, ID: 7}}, Priorities: []int64{prio.ID}}
		must(t, s.CreateProject(ctx, store.Actor{UserID: u.ID, Label: "A"}, &p))
		effort := int64(45)
		lines := []funding.Line{
			{ProjectID: p.ID, Source: funding.SourceOwn, AmountCents: 10_000_000, Status: funding.LineGranted, Year: 2027},
			{ProjectID: p.ID, Source: funding.SourceProgramme, Programme: "1pc-eau", AmountCents: 5_000_000, Status: funding.LineApplied, Year: 2027, EffortTenths: &effort},
			{ProjectID: p.ID, Source: funding.SourceProgramme, Programme: "1pc-eau", AmountCents: 9_000_000, Status: funding.LineRefused, Year: 2027},
		}
		for i := range lines {
			must(t, s.CreateLine(ctx, store.Actor{}, a.ID, &lines[i]))
		}
		got, err := s.Project(ctx, a.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != p.Title || len(got.Partners) != 2 || got.Countries[0] != "GN" || got.Themes[0] != "eau-assainissement" || got.SDGs[0] != 6 ||
			got.Start != p.Start || got.End != p.End || *got.BudgetCents != budget || !got.HasAgreement || !got.LeastDeveloped || got.HasReports ||
			len(got.Links) != 1 || got.Links[0] != p.Links[0] || len(got.Priorities) != 1 || len(got.Lines) != 3 || *got.Lines[1].EffortTenths != 45 {
			t.Errorf("read back %+v", got)
		}
		if _, err := s.Project(ctx, b.ID, p.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B reads A's project: %v", err)
		}
		if err := s.CreateLine(ctx, store.Actor{}, b.ID, &funding.Line{ProjectID: p.ID, Source: funding.SourceOwn, AmountCents: 1, Status: funding.LineApplied}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B adds a line to A's project: %v", err)
		}
		// A priority of another strategy or authority is refused, and nothing is half-written.
		other := p
		other.ID, other.Title, other.Priorities = 0, "Autre", []int64{prio.ID + 1000}
		if err := s.CreateProject(ctx, store.Actor{}, &other); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("foreign priority: %v", err)
		}
		list, total, err := s.Projects(ctx, a.ID, st.ID, funding.ProjectFilter{Query: "BORNES fontaines"})
		if err != nil || total != 1 || len(list) != 1 || len(list[0].Lines) != 3 {
			t.Errorf("search: %d %d %v", total, len(list), err)
		}
		if _, total, _ := s.Projects(ctx, a.ID, st.ID, funding.ProjectFilter{Query: "Dakar"}); total != 0 {
			t.Errorf("search for an absent word found %d", total)
		}
		// Uses of the 1 %: the refused line is left out, and the project itself can be left out.
		uses, err := s.ProgrammeUses(ctx, a.ID, 0, []string{"1pc-eau"})
		if err != nil || len(uses) != 1 || uses[0].Cents != 5_000_000 || uses[0].Year != 2027 {
			t.Errorf("uses: %+v %v", uses, err)
		}
		if uses, _ := s.ProgrammeUses(ctx, a.ID, p.ID, []string{"1pc-eau"}); len(uses) != 0 {
			t.Errorf("uses without the project: %+v", uses)
		}
		if pending, err := s.PendingApplications(ctx, a.ID, st.ID); err != nil || len(pending) != 1 || pending[0].Programme != "1pc-eau" {
			t.Errorf("pending applications: %+v %v", pending, err)
		}
		// Edit conflicts.
		l := got.Lines[1]
		l.AmountCents = 6_000_000
		must(t, s.UpdateLine(ctx, store.Actor{}, a.ID, &l))
		l.Version = 1
		if err := s.UpdateLine(ctx, store.Actor{}, a.ID, &l); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale line: %v", err)
		}
		got.Title, got.Priorities = "Eau potable à Kindia et Mamou", nil
		must(t, s.UpdateProject(ctx, store.Actor{}, &got))
		if again, _ := s.Project(ctx, a.ID, p.ID); again.Title != got.Title || len(again.Priorities) != 0 || len(again.Lines) != 3 || again.Version != 2 {
			t.Errorf("after update: %+v", again)
		}
		if err := s.DeleteProject(ctx, store.Actor{}, a.ID, p.ID, 1); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale delete: %v", err)
		}
		must(t, s.DeleteProject(ctx, store.Actor{}, a.ID, p.ID, 2))
		if uses, _ := s.ProgrammeUses(ctx, a.ID, 0, []string{"1pc-eau"}); len(uses) != 0 {
			t.Errorf("lines survive their project: %+v", uses)
		}
		log, _ := s.AuditLog(ctx, a.ID, model.AuditFilter{Entity: "projet"})
		if len(log) != 3 {
			t.Errorf("audit entries for the project: %d", len(log))
		}
	})
}

func TestFundingYearsAndCatalogueVersions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		water, team := int64(500_000_000), int64(15)
		y := funding.Year{Year: 2027, TeamTenths: &team, Budgets: map[funding.Sector]funding.SectorBudget{
			funding.SectorWater: {ResourcesCents: &water}, funding.SectorMobility: {ResourcesCents: &water, ExcludedCents: 100}}}
		must(t, s.SaveFundingYear(ctx, store.Actor{}, a.ID, y))
		must(t, s.SaveFundingYear(ctx, store.Actor{}, a.ID, y))
		years, err := s.FundingYears(ctx, a.ID)
		if err != nil || len(years) != 1 || *years[2027].TeamTenths != 15 || *years[2027].Budgets[funding.SectorWater].ResourcesCents != water ||
			years[2027].Budgets[funding.SectorSanitation].ResourcesCents != nil || years[2027].Budgets[funding.SectorMobility].ExcludedCents != 100 {
			t.Errorf("years: %+v %v", years, err)
		}
		c, err := s.FundingCatalogue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ficol, _ := c.Programme("ficol")
		if ficol.Version != 0 || ficol.Rules.MinGrantCents.Int() != 20_000_000 {
			t.Fatalf("shipped FICOL: %+v", ficol)
		}
		ficol.Retired = true
		must(t, s.SaveProgramme(ctx, store.Actor{Label: "Opératrice"}, &ficol))
		stale := ficol
		stale.Version = 0
		if err := s.SaveProgramme(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale programme: %v", err)
		}
		c, _ = s.FundingCatalogue(ctx)
		if p, ok := c.Programme("ficol"); !ok || !p.Retired || p.Version != 1 {
			t.Errorf("edited FICOL: %+v", p)
		}
		if len(c.All()) != len(funding.Shipped()) {
			t.Errorf("an edit added a programme: %d", len(c.All()))
		}
		vs, err := s.ProgrammeVersions(ctx, "ficol")
		if err != nil || len(vs) != 1 || vs[0].By != "Opératrice" || !vs[0].Programme.Retired {
			t.Errorf("versions: %+v %v", vs, err)
		}
	})
}

func TestOrganisationChoice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		c, err := s.OrganisationChoice(ctx, a.ID)
		if err != nil || c.Version != 0 || c.Attachment != "" {
			t.Fatalf("before any save: %+v %v", c, err)
		}
		c.Attachment, c.Reason, c.Referents, c.TaskForce = organisation.AttachDGS, "Transversalité", []string{"Eau : J. Morel", "Culture : A. Roy"}, true
		must(t, s.SaveOrganisationChoice(ctx, store.Actor{}, &c))
		stale := c
		stale.Version = 0
		if err := s.SaveOrganisationChoice(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale save: %v", err)
		}
		got, _ := s.OrganisationChoice(ctx, a.ID)
		if got.Attachment != organisation.AttachDGS || len(got.Referents) != 2 || !got.TaskForce || got.JobDescriptions || got.Version != 1 {
			t.Errorf("read back %+v", got)
		}
		if other, _ := s.OrganisationChoice(ctx, b.ID); other.Attachment != "" {
			t.Errorf("B sees A's choice: %+v", other)
		}
	})
}

func TestNetworkMemberships(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		fee := int64(250_000)
		m := organisation.Membership{AuthorityID: a.ID, Network: "cuf", FeeCents: &fee, Involvement: []organisation.Involvement{organisation.InvolvedGroups}, Return: 3}
		must(t, s.SaveMembership(ctx, store.Actor{}, &m))
		m.Services = "Formation"
		must(t, s.SaveMembership(ctx, store.Actor{}, &m))
		got, err := s.Membership(ctx, a.ID, m.ID)
		if err != nil || *got.FeeCents != fee || got.TravelCents != nil || len(got.Involvement) != 1 || got.Services != "Formation" || got.Version != 2 {
			t.Errorf("read back %+v %v", got, err)
		}
		if _, err := s.Membership(ctx, b.ID, m.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B reads A's membership: %v", err)
		}
		if err := s.DeleteMembership(ctx, store.Actor{}, a.ID, m.ID, 1); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale delete: %v", err)
		}
		must(t, s.DeleteMembership(ctx, store.Actor{}, a.ID, m.ID, 2))
		if list, _ := s.Memberships(ctx, a.ID); len(list) != 0 {
			t.Errorf("after delete: %v", list)
		}
	})
}
