package store_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/sharing"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

func shareOf(t *testing.T, s *store.Store, f frameworkFixture, scope sharing.Scope) sharing.View {
	t.Helper()
	whole, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.PartFramework|strategy.PartDiagnostic)
	if err != nil {
		t.Fatal(err)
	}
	v := sharing.Filter(whole, scope, sharing.LicenceOuverte)
	must(t, s.SaveShare(ctx, store.Actor{}, f.authority.ID, f.strategy.ID, v))
	return v
}

func TestShareSearchAtlasAndWithdraw(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f, other := wholeFixture(t, s) // f has a partnership with Podor, in Senegal
		shareOf(t, s, f, sharing.Structure|sharing.Partnerships)
		shareOf(t, s, f, sharing.Structure|sharing.Partnerships) // sharing again updates, never duplicates

		find := func(q sharing.Query) int {
			t.Helper()
			list, total, err := s.SearchShares(ctx, q, other.authority.ID, 0, 20)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != total {
				t.Fatalf("page of %d, total %d", len(list), total)
			}
			return total
		}
		for _, q := range []sharing.Query{{}, {Text: "COOPERATION"}, {Text: "coopération renforcer"}, {Country: "SN"}, {Theme: "eau et assainissement"},
			{Kind: "commune"}} {
			if n := find(q); n != 1 {
				t.Errorf("search %+v found %d, want 1", q, n)
			}
		}
		for _, q := range []sharing.Query{{Text: "introuvable"}, {Country: "DE"}, {Text: "zz%zz"}, {Text: "zz_zz"}, {Text: strings.Repeat("é", 5000)}, {Kind: "region"}} {
			if n := find(q); n != 0 {
				t.Errorf("search %+v found %d, want 0", q, n)
			}
		}
		// Operators and quotes are text: no error, and the SQL around them stays whole.
		for _, text := range []string{"%", "_", "' OR 1=1 --", `\`, "coopération) OR (1=1"} {
			if _, _, err := s.SearchShares(ctx, sharing.Query{Text: text}, other.authority.ID, 0, 20); err != nil {
				t.Errorf("search %q: %v", text, err)
			}
		}
		// The library never lists the viewer's own share.
		if list, _, _ := s.SearchShares(ctx, sharing.Query{}, f.authority.ID, 0, 20); len(list) != 0 {
			t.Errorf("own share listed: %v", list)
		}
		atlas, total, err := s.Atlas(ctx, sharing.AtlasQuery{Country: "SN"}, 0, 50)
		if err != nil || total != 1 || atlas[0].Partner != "Commune de Podor" || atlas[0].AuthorityName != f.authority.Name {
			t.Fatalf("atlas in Senegal: %+v, %d, %v", atlas, total, err)
		}
		if _, total, _ := s.Atlas(ctx, sharing.AtlasQuery{Partner: "podor"}, 0, 50); total != 1 {
			t.Errorf("atlas by partner: %d", total)
		}
		counts, err := s.AtlasCountries(ctx, 0)
		if err != nil || len(counts) != 1 || counts[0].Country != "SN" || counts[0].Authorities != 1 {
			t.Errorf("country counts %+v, %v", counts, err)
		}

		// Another authority cannot withdraw it; its own administrator can, and it is gone everywhere.
		if err := s.WithdrawShare(ctx, store.Actor{}, other.authority.ID, f.strategy.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("withdraw by another authority: %v", err)
		}
		must(t, s.WithdrawShare(ctx, store.Actor{}, f.authority.ID, f.strategy.ID))
		if n := find(sharing.Query{}); n != 0 {
			t.Errorf("withdrawn share still in the library: %d", n)
		}
		if _, total, _ := s.Atlas(ctx, sharing.AtlasQuery{}, 0, 50); total != 0 {
			t.Errorf("withdrawn share still in the atlas: %d", total)
		}
	})
}

func TestCopyFromShareKeepsProvenanceAndOnlyIntoDrafts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f, other := wholeFixture(t, s)
		in := logframe.IndicatorRecord{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Indicator: logframe.Indicator{Level: logframe.Ref{Kind: logframe.KindResult, ID: f.result.ID},
			Title: "Échanges par an", Unit: "échanges", Ascending: true}}
		must(t, s.SaveIndicator(ctx, store.Actor{}, &in))
		v := shareOf(t, s, f, sharing.Structure)
		if len(v.Actions) != 1 {
			t.Fatalf("shared activity types: %+v", v.Actions)
		}
		activity, _ := strconv.ParseInt(strings.TrimPrefix(v.Actions[0].Ref, "a"), 10, 64)
		must(t, s.SetSDGTags(ctx, store.Actor{}, f.authority.ID, f.strategy.ID, logframe.Ref{Kind: logframe.KindActivity, ID: activity}, []string{"17.16"}))
		v = shareOf(t, s, f, sharing.Structure)
		c, err := sharing.PlanCopy(v, []string{"i" + itoa(in.ID), "k" + itoa(riskID(t, s, f)), v.Actions[0].Ref})
		if err != nil {
			t.Fatal(err)
		}
		must(t, s.CopyFromShare(ctx, store.Actor{}, other.authority.ID, other.strategy.ID, c))
		got, err := s.ReadStrategy(ctx, other.authority.ID, other.strategy.ID, strategy.PartFramework)
		if err != nil {
			t.Fatal(err)
		}
		fw := got.Framework
		if len(fw.Objectives) != 2 || len(fw.Results) != 2 || len(fw.Indicators) != 1 || len(fw.Risks) != 1 || len(fw.Activities) != 1 {
			t.Fatalf("after the copy: %d objectives, %d results, %d indicators, %d risks, %d activities", len(fw.Objectives), len(fw.Results), len(fw.Indicators),
				len(fw.Risks), len(fw.Activities))
		}
		if a := fw.Logframe.Activities[0]; a.Title != "Mission à Ziguinchor" || a.Owner != "" || !slices.Equal(a.SDG, []string{"17.16"}) {
			t.Errorf("copied activity type %+v: its title and ODD, never its owner", a)
		}
		if fw.Indicators[0].Baseline != nil || len(fw.Indicators[0].Targets) != 0 {
			t.Error("an indicator was copied with values")
		}
		prov, err := s.Provenances(ctx, other.authority.ID, other.strategy.ID)
		if err != nil || len(prov) != 5 {
			t.Fatalf("provenances %v, %v; want the objective, result, indicator, activity and risk copied", prov, err)
		}
		for _, p := range prov {
			if !strings.Contains(p, f.strategy.Title) || !strings.Contains(p, f.authority.Name) {
				t.Errorf("provenance %q", p)
			}
		}
		// Withdrawing the share leaves the copies with their provenance.
		must(t, s.WithdrawShare(ctx, store.Actor{}, f.authority.ID, f.strategy.ID))
		if prov, _ := s.Provenances(ctx, other.authority.ID, other.strategy.ID); len(prov) != 5 {
			t.Errorf("copies lost after the share was withdrawn: %v", prov)
		}
		// Never into an adopted strategy, never into another authority's.
		adopted := model.Strategy{AuthorityID: other.authority.ID, Title: "Adoptée", TermStart: 2020, TermEnd: 2026, Status: model.StrategyCurrent}
		must(t, s.CreateStrategy(ctx, store.Actor{}, &adopted, time.Time{}))
		if err := s.CopyFromShare(ctx, store.Actor{}, other.authority.ID, adopted.ID, c); !errors.Is(err, sharing.ErrNotDraft) {
			t.Errorf("copy into an adopted strategy: %v", err)
		}
		if err := s.CopyFromShare(ctx, store.Actor{}, other.authority.ID, f.strategy.ID, c); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("copy into another authority's strategy: %v", err)
		}
	})
}

func riskID(t *testing.T, s *store.Store, f frameworkFixture) int64 {
	t.Helper()
	risks, err := s.Risks(ctx, f.authority.ID, f.strategy.ID)
	if err != nil || len(risks) == 0 {
		t.Fatalf("risks %v, %v", risks, err)
	}
	return risks[0].ID
}
