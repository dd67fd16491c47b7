package store_test

import (
	"errors"
	"testing"

	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

// wholeFixture fills one strategy with a record of each part, and gives another authority a strategy too.
func wholeFixture(t *testing.T, s *store.Store) (frameworkFixture, frameworkFixture) {
	t.Helper()
	f := newFrameworkFixture(t, s, "Ville A", "a@a.fr")
	other := newFrameworkFixture(t, s, "Ville B", "b@b.fr")
	act := model.Activity{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, ResultID: f.result.ID, Title: "Mission à Ziguinchor", Owner: "DRI"}
	must(t, s.CreateActivity(ctx, store.Actor{}, &act))
	risk := model.Risk{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Risk: logframe.Risk{Description: "Instabilité politique",
		Category: logframe.RiskExternal, Likelihood: 2, Impact: 3}}
	must(t, s.SaveRisk(ctx, store.Actor{}, &risk))
	addItem(t, s, f.strategy, diagnostic.Strengths, "Université")
	p := diagnostic.PartnershipRecord{AuthorityID: f.authority.ID, Partnership: samplePartnership()}
	must(t, s.CreatePartnership(ctx, store.Actor{}, &p))
	sh := stakeholder.Stakeholder{Name: "Agence de l'eau", Kind: stakeholder.KindAssociation}
	must(t, s.CreateStakeholder(ctx, store.Actor{}, f.authority.ID, &sh))
	m := model.Milestone{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Title: "Vote du conseil", Kind: model.MilestoneDeliberation}
	must(t, s.CreateMilestone(ctx, store.Actor{}, &m))
	return f, other
}

func TestReadStrategyReadsTheAskedParts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f, other := wholeFixture(t, s)
		whole, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.Whole)
		if err != nil {
			t.Fatal(err)
		}
		if whole.Record.ID != f.strategy.ID || whole.Authority.ID != f.authority.ID {
			t.Fatalf("read strategy %d of authority %d, want %d of %d", whole.Record.ID, whole.Authority.ID, f.strategy.ID, f.authority.ID)
		}
		fw := whole.Framework
		if len(fw.Objectives) != 1 || len(fw.Results) != 1 || len(fw.Activities) != 1 || len(fw.Risks) != 1 || len(fw.SWOT) != 1 {
			t.Errorf("framework: %d objectives, %d results, %d activities, %d risks, %d AFOM items; want 1 of each",
				len(fw.Objectives), len(fw.Results), len(fw.Activities), len(fw.Risks), len(fw.SWOT))
		}
		if len(fw.Logframe.Objectives) != 1 || len(fw.Logframe.SWOT) != 1 || fw.Logframe.Term.Start.Year() != 2026 {
			t.Errorf("the check's view was not assembled: %+v", fw.Logframe)
		}
		if len(whole.Diagnostic.Partnerships) != 1 || len(whole.Stakeholders.List) != 1 || len(whole.Planning.Milestones) != 1 {
			t.Errorf("%d partnerships, %d stakeholders, %d milestones; want 1 of each",
				len(whole.Diagnostic.Partnerships), len(whole.Stakeholders.List), len(whole.Planning.Milestones))
		}
		if len(whole.Steps) == 0 {
			t.Error("the method's steps were not read")
		}

		// Only the parts asked for are read.
		risks, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.PartFramework)
		if err != nil {
			t.Fatal(err)
		}
		if len(risks.Framework.Risks) != 1 || risks.Stakeholders.List != nil || risks.Planning.Milestones != nil || risks.Steps != nil {
			t.Errorf("asked for the framework, got stakeholders %v, milestones %v, steps %v", risks.Stakeholders.List, risks.Planning.Milestones, risks.Steps)
		}
		// The planning reads the activities it schedules even without the rest of the framework.
		plan, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.PartPlanning)
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Framework.Activities) != 1 || plan.Framework.Risks != nil {
			t.Errorf("planning part: activities %v, risks %v", plan.Framework.Activities, plan.Framework.Risks)
		}

		// Another authority's strategy is not found, whatever the parts.
		if _, err := s.ReadStrategy(ctx, f.authority.ID, other.strategy.ID, strategy.Whole); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority's strategy: err = %v, want ErrNotFound", err)
		}
	})
}

// A write that commits while a read is between two parts is not seen by that read: every part is of the
// same moment.
func TestReadStrategyIsOneSnapshot(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f, _ := wholeFixture(t, s)
		wrote := false
		s.AfterEachPart(func(p strategy.Part) {
			if p != strategy.PartSteps || wrote {
				return
			}
			wrote = true
			risk := model.Risk{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Risk: logframe.Risk{Description: "Écrit pendant la lecture",
				Category: logframe.RiskExternal, Likelihood: 1, Impact: 1}}
			must(t, s.SaveRisk(ctx, store.Actor{}, &risk))
		})
		during, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.PartSteps|strategy.PartFramework)
		s.AfterEachPart(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !wrote {
			t.Fatal("the write between parts did not run")
		}
		if len(during.Framework.Risks) != 1 {
			t.Errorf("the read saw %d risks, want the 1 of its start", len(during.Framework.Risks))
		}
		after, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.PartFramework)
		if err != nil {
			t.Fatal(err)
		}
		if len(after.Framework.Risks) != 2 {
			t.Errorf("a read after the write saw %d risks, want 2", len(after.Framework.Risks))
		}
	})
}
