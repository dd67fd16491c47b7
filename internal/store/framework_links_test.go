package store_test

import (
	"errors"
	"slices"
	"testing"

	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

func newSWOT(t *testing.T, s *store.Store, f frameworkFixture, q diagnostic.Quadrant, weight int, text string) diagnostic.ItemRecord {
	t.Helper()
	it := diagnostic.ItemRecord{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Item: diagnostic.Item{Quadrant: q, Scope: diagnostic.ScopeAuthority, Text: text, Weight: weight}}
	if err := s.CreateSWOTItem(ctx, store.Actor{}, &it); err != nil {
		t.Fatal(err)
	}
	return it
}

func findingsOf(f strategy.Framework, rule string) []logframe.Finding {
	var out []logframe.Finding
	for _, x := range logframe.Check(f.Logframe).Findings {
		if x.Rule == rule {
			out = append(out, x)
		}
	}
	return out
}

func TestElementLinksFeedTheCheck(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFrameworkFixture(t, s, "Ville A", "a@a.fr")
		other := newFrameworkFixture(t, s, "Ville B", "b@b.fr")
		answered := newSWOT(t, s, f, diagnostic.Weaknesses, 3, "Une seule personne à la mission RI")
		open := newSWOT(t, s, f, diagnostic.Opportunities, 3, "Le FICOL de l'AFD")
		minor := newSWOT(t, s, f, diagnostic.Weaknesses, 2, "Des associations peu coordonnées")
		newSWOT(t, s, f, diagnostic.Threats, 3, "Baisse des dotations")
		foreign := newSWOT(t, s, other, diagnostic.Weaknesses, 3, "Chez B")
		sh := newStakeholder(t, s, f.authority, "Université de Belval", stakeholder.KindUniversity)
		shB := newStakeholder(t, s, other.authority, "Université de B", stakeholder.KindUniversity)
		objective := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: f.objective.ID}
		result := logframe.Ref{Kind: logframe.KindResult, ID: f.result.ID}

		// Before any link, both major items (weakness and opportunity) are findings; the threat and the minor weakness are not.
		fw, err := s.LoadFramework(ctx, f.authority.ID, f.strategy.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := findingsOf(fw, "SWOT-ANSWER"); len(got) != 2 {
			t.Fatalf("SWOT-ANSWER before links = %v, want the two major items", got)
		}
		if len(fw.Logframe.SWOT) != 4 || fw.Logframe.SWOT[0].Weight != 5 {
			t.Errorf("SWOT refs = %+v, want four with weight 3 mapped to 5", fw.Logframe.SWOT)
		}

		// Another strategy's item and another authority's stakeholder are refused, and nothing is saved.
		for name, c := range map[string]struct{ swot, sh []int64 }{
			"foreign SWOT item":   {[]int64{answered.ID, foreign.ID}, nil},
			"foreign stakeholder": {[]int64{answered.ID}, []int64{shB.ID}},
		} {
			if err := s.SetElementLinks(ctx, store.Actor{}, f.authority.ID, objective, c.swot, c.sh); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%s: err = %v, want ErrNotFound", name, err)
			}
		}
		if err := s.SetElementLinks(ctx, store.Actor{}, other.authority.ID, objective, nil, nil); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("linking another authority's objective: err = %v, want ErrNotFound", err)
		}

		if err := s.SetElementLinks(ctx, store.Actor{}, f.authority.ID, objective, []int64{answered.ID, minor.ID, answered.ID}, []int64{sh.ID}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetElementLinks(ctx, store.Actor{}, f.authority.ID, result, []int64{minor.ID}, []int64{sh.ID}); err != nil {
			t.Fatal(err)
		}
		fw, _ = s.LoadFramework(ctx, f.authority.ID, f.strategy.ID)
		if o := fw.Objectives[0]; !slices.Equal(o.SWOTIDs, []int64{answered.ID, minor.ID}) || !slices.Equal(o.Stakeholders, []int64{sh.ID}) {
			t.Errorf("objective links = %v / %v", o.SWOTIDs, o.Stakeholders)
		}
		got := findingsOf(fw, "SWOT-ANSWER")
		if len(got) != 1 || got[0].Target != (logframe.Ref{Kind: logframe.KindSWOT, ID: open.ID}) {
			t.Errorf("SWOT-ANSWER after linking = %v, want only the FICOL opportunity", got)
		}

		// Left aside with a reason: no finding any more.
		open.Item.LeftAside, open.Item.AsideReason = true, "Le projet d'assainissement relève du budget annexe de l'eau."
		if err := s.UpdateSWOTItem(ctx, store.Actor{}, &open); err != nil {
			t.Fatal(err)
		}
		back, _ := s.SWOTItem(ctx, f.authority.ID, open.ID)
		if !back.Item.LeftAside || back.Item.AsideReason != open.Item.AsideReason {
			t.Errorf("left aside not stored: %+v", back.Item)
		}
		fw, _ = s.LoadFramework(ctx, f.authority.ID, f.strategy.ID)
		if got := findingsOf(fw, "SWOT-ANSWER"); len(got) != 0 {
			t.Errorf("SWOT-ANSWER after leaving aside = %v, want none", got)
		}

		// Both sides see the links.
		answers, err := s.SWOTAnswers(ctx, f.authority.ID, f.strategy.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a := answers[minor.ID]; len(a) != 2 || a[0].Number != "1" || a[1].Number != "1.1" || a[1].Title != "Des échanges réguliers" {
			t.Errorf("answers of the minor item = %+v", a)
		}
		inv, err := s.StakeholderInvolvement(ctx, f.authority.ID, sh.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(inv) != 2 || inv[0].Ref != objective || inv[0].StrategyTitle != "Stratégie Ville A" {
			t.Errorf("involvement = %+v", inv)
		}
		if inv, _ := s.StakeholderInvolvement(ctx, other.authority.ID, sh.ID); len(inv) != 0 {
			t.Errorf("another authority sees the involvement: %+v", inv)
		}

		// Deleting either side removes the link.
		if err := s.DeleteSWOTItem(ctx, store.Actor{}, f.authority.ID, answered.ID, answered.Version); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteStakeholder(ctx, store.Actor{}, f.authority.ID, sh.ID); err != nil {
			t.Fatal(err)
		}
		fw, _ = s.LoadFramework(ctx, f.authority.ID, f.strategy.ID)
		if o := fw.Objectives[0]; !slices.Equal(o.SWOTIDs, []int64{minor.ID}) || len(o.Stakeholders) != 0 {
			t.Errorf("links after deletes = %v / %v", o.SWOTIDs, o.Stakeholders)
		}
		if _, err := s.DeleteElement(ctx, store.Actor{}, f.authority.ID, f.strategy.ID, objective); err != nil {
			t.Fatal(err)
		}
		if answers, _ := s.SWOTAnswers(ctx, f.authority.ID, f.strategy.ID); len(answers) != 0 {
			t.Errorf("answers after deleting the objective = %+v", answers)
		}
	})
}

func TestMergesKeepTheLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFrameworkFixture(t, s, "Ville A", "a@a.fr")
		keep := newSWOT(t, s, f, diagnostic.Weaknesses, 3, "Peu de moyens humains")
		gone := newSWOT(t, s, f, diagnostic.Weaknesses, 2, "Une seule personne")
		shKeep := newStakeholder(t, s, f.authority, "Réseau Eau", stakeholder.KindNetwork)
		shGone := newStakeholder(t, s, f.authority, "Réseau de l'eau", stakeholder.KindNetwork)
		objective := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: f.objective.ID}
		result := logframe.Ref{Kind: logframe.KindResult, ID: f.result.ID}
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(s.SetElementLinks(ctx, store.Actor{}, f.authority.ID, objective, []int64{keep.ID, gone.ID}, []int64{shKeep.ID, shGone.ID}))
		must(s.SetElementLinks(ctx, store.Actor{}, f.authority.ID, result, []int64{gone.ID}, []int64{shGone.ID}))
		if _, err := s.MergeSWOTItems(ctx, store.Actor{}, f.authority.ID, keep.ID, keep.Version, gone.ID, gone.Version); err != nil {
			t.Fatal(err)
		}
		target, _ := s.Stakeholder(ctx, f.authority.ID, shKeep.ID)
		must(s.MergeStakeholders(ctx, store.Actor{}, f.authority.ID, &target, shGone.ID))
		fw, err := s.LoadFramework(ctx, f.authority.ID, f.strategy.ID)
		must(err)
		o, r := fw.Objectives[0], fw.Results[0]
		if !slices.Equal(o.SWOTIDs, []int64{keep.ID}) || !slices.Equal(r.SWOTIDs, []int64{keep.ID}) {
			t.Errorf("SWOT links after merge: objective %v, result %v; want the kept item once each", o.SWOTIDs, r.SWOTIDs)
		}
		if !slices.Equal(o.Stakeholders, []int64{shKeep.ID}) || !slices.Equal(r.Stakeholders, []int64{shKeep.ID}) {
			t.Errorf("stakeholder links after merge: objective %v, result %v", o.Stakeholders, r.Stakeholders)
		}
	})
}

func TestGeoPriorityPartnerships(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFrameworkFixture(t, s, "Ville A", "a@a.fr")
		other := newFrameworkFixture(t, s, "Ville B", "b@b.fr")
		p := diagnostic.PartnershipRecord{AuthorityID: f.authority.ID, Partnership: samplePartnership()}
		pB := diagnostic.PartnershipRecord{AuthorityID: other.authority.ID, Partnership: samplePartnership()}
		for _, x := range []*diagnostic.PartnershipRecord{&p, &pB} {
			if err := s.CreatePartnership(ctx, store.Actor{}, x); err != nil {
				t.Fatal(err)
			}
		}
		g := model.GeoPriority{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Kind: model.GeoCountry,
			GeoPriority: logframe.GeoPriority{CountryCode: "SN", Name: "Sénégal"}, PartnershipIDs: []int64{p.ID, pB.ID}}
		if err := s.SaveGeoPriority(ctx, store.Actor{}, &g); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("linking another authority's partnership: err = %v, want ErrNotFound", err)
		}
		g.ID, g.PartnershipIDs = 0, []int64{p.ID}
		if err := s.SaveGeoPriority(ctx, store.Actor{}, &g); err != nil {
			t.Fatal(err)
		}
		back, err := s.GeoPriority(ctx, f.authority.ID, g.ID)
		if err != nil || !slices.Equal(back.PartnershipIDs, []int64{p.ID}) {
			t.Fatalf("stored partnerships = %v (%v)", back.PartnershipIDs, err)
		}
		list, _ := s.GeoPriorities(ctx, f.authority.ID, f.strategy.ID)
		if len(list) != 1 || !slices.Equal(list[0].PartnershipIDs, []int64{p.ID}) {
			t.Errorf("listed partnerships = %+v", list)
		}
		refs, err := s.PartnershipPriorities(ctx, f.authority.ID, p.ID)
		if err != nil || len(refs) != 1 || refs[0].Name != "Sénégal" || refs[0].StrategyTitle != "Stratégie Ville A" {
			t.Errorf("referrers = %+v (%v)", refs, err)
		}
		if refs, _ := s.PartnershipPriorities(ctx, other.authority.ID, p.ID); len(refs) != 0 {
			t.Errorf("another authority sees the referrers: %+v", refs)
		}
		// An update replaces the links; deleting the partnership removes what is left.
		back.PartnershipIDs = nil
		if err := s.SaveGeoPriority(ctx, store.Actor{}, &back); err != nil {
			t.Fatal(err)
		}
		if refs, _ := s.PartnershipPriorities(ctx, f.authority.ID, p.ID); len(refs) != 0 {
			t.Errorf("referrers after unlinking = %+v", refs)
		}
		back.PartnershipIDs = []int64{p.ID}
		if err := s.SaveGeoPriority(ctx, store.Actor{}, &back); err != nil {
			t.Fatal(err)
		}
		if err := s.DeletePartnership(ctx, store.Actor{}, f.authority.ID, p.ID, p.Version); err != nil {
			t.Fatal(err)
		}
		if back, _ := s.GeoPriority(ctx, f.authority.ID, g.ID); len(back.PartnershipIDs) != 0 {
			t.Errorf("link survived the partnership: %v", back.PartnershipIDs)
		}
	})
}

func TestDeleteThematicPriority(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFrameworkFixture(t, s, "Ville A", "a@a.fr")
		other := newFrameworkFixture(t, s, "Ville B", "b@b.fr")
		th := model.ThematicPriority{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Policy: "Jeunesse", Service: "Direction de la jeunesse"}
		if err := s.SaveThematicPriority(ctx, store.Actor{}, &th); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteThematicPriority(ctx, store.Actor{}, other.authority.ID, th.ID, th.Version); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("deleting from another authority: err = %v, want ErrNotFound", err)
		}
		if err := s.DeleteThematicPriority(ctx, store.Actor{}, f.authority.ID, th.ID, th.Version+1); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale version: err = %v, want ErrConflict", err)
		}
		if err := s.DeleteThematicPriority(ctx, store.Actor{}, f.authority.ID, th.ID, th.Version); err != nil {
			t.Fatal(err)
		}
		if list, _ := s.ThematicPriorities(ctx, f.authority.ID, f.strategy.ID); len(list) != 0 {
			t.Errorf("still listed: %+v", list)
		}
	})
}
