package store_test

import (
	"errors"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// frameworkFixture is one authority's strategy with an objective and a result to hang activities under.
type frameworkFixture struct {
	authority model.Authority
	strategy  model.Strategy
	objective logframe.ObjectiveRecord
	result    logframe.ResultRecord
}

func newFrameworkFixture(t *testing.T, s *store.Store, name, email string) frameworkFixture {
	t.Helper()
	a, _ := signUp(t, s, name, email)
	st := model.Strategy{AuthorityID: a.ID, Title: "Stratégie " + name, TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	if err := s.CreateStrategy(ctx, store.Actor{}, &st, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	o := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: st.ID, SpecificObjective: logframe.SpecificObjective{Title: "Renforcer la coopération"}}
	if err := s.CreateObjective(ctx, store.Actor{}, &o); err != nil {
		t.Fatal(err)
	}
	r := logframe.ResultRecord{AuthorityID: a.ID, StrategyID: st.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: "Des échanges réguliers"}}
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
			a := logframe.ActivityRecord{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Activity: logframe.Activity{ResultID: f.result.ID, Title: title, Owner: "DRI", CostCents: new(int64(150000)), Start: partialdate.Of(2027, 3, 1)}}
			if err := s.CreateActivity(ctx, store.Actor{}, &a); err != nil {
				t.Fatal(err)
			}
		}
		// A result of another authority cannot receive an activity.
		bad := logframe.ActivityRecord{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Activity: logframe.Activity{ResultID: other.result.ID, Title: "Intrusion"}}
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
		if got[0].Start != partialdate.Of(2027, 3, 1) || got[0].CostCents == nil || *got[0].CostCents != 150000 {
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

func TestFrameworkDeleteAndMove(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFrameworkFixture(t, s, "Ville A", "a@a.fr")
		aID, sID := f.authority.ID, f.strategy.ID
		act := logframe.ActivityRecord{AuthorityID: aID, StrategyID: sID, Activity: logframe.Activity{ResultID: f.result.ID, Title: "Mission", Owner: "DRI"}}
		if err := s.CreateActivity(ctx, store.Actor{}, &act); err != nil {
			t.Fatal(err)
		}
		ind := logframe.IndicatorRecord{AuthorityID: aID, StrategyID: sID, Indicator: logframe.Indicator{Title: "Nombre d'échanges", Measure: logframe.MeasureUnit,
			Level: logframe.Ref{Kind: logframe.KindResult, ID: f.result.ID}, Baseline: &logframe.Baseline{Value: new(number.Int(2)), Date: partialdate.Of(2025, 12, 31)},
			Targets: []logframe.Target{{Date: partialdate.Of(2032, 12, 31), Value: new(number.Int(10))}}, Sources: []string{"Rapport annuel", "Conventions"}}}
		if err := s.SaveIndicator(ctx, store.Actor{}, &ind); err != nil {
			t.Fatal(err)
		}
		risk := logframe.RiskRecord{AuthorityID: aID, StrategyID: sID, Risk: logframe.Risk{Description: "Instabilité politique", Category: logframe.RiskExternal,
			Likelihood: 2, Impact: 3, Linked: logframe.Ref{Kind: logframe.KindActivity, ID: act.ID}}}
		if err := s.SaveRisk(ctx, store.Actor{}, &risk); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSDGTags(ctx, store.Actor{}, aID, sID, logframe.Ref{Kind: logframe.KindResult, ID: f.result.ID}, []string{"11", "11.6"}); err != nil {
			t.Fatal(err)
		}
		// A second objective to move the result under; moving the objective under its own result is refused.
		o2 := logframe.ObjectiveRecord{AuthorityID: aID, StrategyID: sID, SpecificObjective: logframe.SpecificObjective{Title: "Mobilité des jeunes"}}
		if err := s.CreateObjective(ctx, store.Actor{}, &o2); err != nil {
			t.Fatal(err)
		}
		var me *logframe.MoveError
		err := s.MoveElement(ctx, store.Actor{}, aID, sID, logframe.Ref{Kind: logframe.KindSpecificObjective, ID: f.objective.ID}, logframe.Ref{Kind: logframe.KindResult, ID: f.result.ID}, -1)
		if !errors.As(err, &me) || !me.Cycle {
			t.Errorf("cycle: err = %v, want a MoveError with Cycle", err)
		}
		if err := s.MoveElement(ctx, store.Actor{}, aID, sID, logframe.Ref{Kind: logframe.KindResult, ID: f.result.ID}, logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o2.ID}, -1); err != nil {
			t.Fatal(err)
		}
		fw, err := s.LoadFramework(ctx, aID, sID)
		if err != nil {
			t.Fatal(err)
		}
		n := logframe.Number(&fw.Logframe)
		if got := n.Of(logframe.Ref{Kind: logframe.KindActivity, ID: act.ID}); got != "2.1.1" {
			t.Errorf("activity moved with its result: number %q, want 2.1.1", got)
		}
		if len(fw.Indicators) != 1 || len(fw.Indicators[0].Targets) != 1 || fw.Indicators[0].Baseline == nil || len(fw.Indicators[0].Sources) != 2 {
			t.Fatalf("indicator not read back: %+v", fw.Indicators)
		}
		if len(fw.Logframe.Results) != 1 || len(fw.Logframe.Results[0].SDG) != 2 {
			t.Errorf("tags not on the result: %+v", fw.Logframe.Results)
		}
		// Deleting the objective takes the result, the activity, the indicator and the tags; the risk stays, unlinked.
		im, err := s.DeleteElement(ctx, store.Actor{}, aID, sID, logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o2.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(im.Results) != 1 || len(im.Activities) != 1 || len(im.Indicators) != 1 || len(im.Risks) != 1 {
			t.Errorf("impact = %+v", im)
		}
		fw, _ = s.LoadFramework(ctx, aID, sID)
		if len(fw.Results)+len(fw.Activities)+len(fw.Indicators)+len(fw.Tags) != 0 || len(fw.Risks) != 1 || !fw.Risks[0].Linked.IsZero() {
			t.Errorf("after delete: results %d, activities %d, indicators %d, tags %d, risks %+v", len(fw.Results), len(fw.Activities), len(fw.Indicators), len(fw.Tags), fw.Risks)
		}
	})
}

func TestKeyElementsSaveAndConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFrameworkFixture(t, s, "Ville A", "a@a.fr")
		k := logframe.KeyElementsRecord{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Vision: "Un territoire ouvert", GeneralTitle: "Faire rayonner le territoire",
			Values: []logframe.Value{{Name: "Réciprocité", Explanation: "Chacun apprend de l'autre."}}, Dimensions: []logframe.Dimension{{Name: "Coopération décentralisée", Weight: new(60)}}}
		if err := s.SaveKeyElements(ctx, store.Actor{}, &k); err != nil {
			t.Fatal(err)
		}
		first := logframe.KeyElementsRecord{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Vision: "Doublon"}
		if err := s.SaveKeyElements(ctx, store.Actor{}, &first); !errors.Is(err, store.ErrConflict) {
			t.Errorf("second first-save: err = %v, want ErrConflict", err)
		}
		k.Mission = "Relier les habitants au monde"
		k.Values = append(k.Values, logframe.Value{Name: "Solidarité"})
		if err := s.SaveKeyElements(ctx, store.Actor{}, &k); err != nil {
			t.Fatal(err)
		}
		got, err := s.KeyElements(ctx, f.authority.ID, f.strategy.ID)
		if err != nil || got.Version != 2 || got.Mission != k.Mission || len(got.Values) != 2 || got.Dimensions[0].Weight == nil || *got.Dimensions[0].Weight != 60 {
			t.Errorf("read back %+v, %v", got, err)
		}
		other, _ := signUp(t, s, "Ville B", "b@b.fr")
		if k2, _ := s.KeyElements(ctx, other.ID, f.strategy.ID); k2.Vision != "" || len(k2.Values) != 0 {
			t.Errorf("another authority reads the key elements: %+v", k2)
		}
	})
}
