package store_test

import (
	"strconv"
	"strings"
	"testing"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// Deleting an element keeps the recommendations about it, about the strategy as a whole and naming the
// element in their notes, for every kind a recommendation may name; others and another authority's stay.
func TestDeletingAnElementDetachesItsRecommendations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMonitoringFixture(t, s, "Ville A", "a@a.fr")
		other := newMonitoringFixture(t, s, "Ville B", "b@b.fr")
		fw, err := s.LoadFramework(ctx, f.authority.ID, f.strategy.ID)
		must(t, err)
		objective := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: fw.Logframe.Objectives[0].ID}
		result := logframe.Ref{Kind: logframe.KindResult, ID: f.acts[0].ResultID}
		activity := logframe.Ref{Kind: logframe.KindActivity, ID: f.acts[0].ID}
		indicator := logframe.Ref{Kind: logframe.KindIndicator, ID: f.indicator.ID}
		recommend := func(fx monitoringFixture, about logframe.Ref, text, notes string) monitoring.Recommendation {
			t.Helper()
			e := monitoring.Evaluation{AuthorityID: fx.authority.ID, StrategyID: fx.strategy.ID, Kind: monitoring.MidTerm, Conduct: monitoring.Internal,
				Title: "Mi-parcours " + text, SnapshotOn: pday(2029, 6, 30)}
			must(t, s.CreateEvaluation(ctx, store.Actor{}, &e))
			r := monitoring.Recommendation{Text: text, FollowUp: monitoring.ToStart, Element: about, Notes: notes}
			must(t, s.AddRecommendation(ctx, store.Actor{}, fx.authority.ID, e.ID, &r))
			return r
		}
		onActivity := recommend(f, activity, "Ouvrir un guichet", "Relancé en mars.")
		onIndicator := recommend(f, indicator, "Compter autrement", "")
		onResult := recommend(f, result, "Élargir les échanges", "")
		onObjective := recommend(f, objective, "Recentrer l'objectif", "")
		whole := recommend(f, logframe.Ref{}, "Réunir le comité", "")
		theirs := recommend(other, logframe.Ref{Kind: logframe.KindActivity, ID: other.acts[0].ID}, "Le leur", "")

		im := fw.Logframe.DeletionImpact(result)
		if n, err := s.RecommendationsAboutRemoved(ctx, f.authority.ID, im.Removed()); err != nil || n != 3 {
			t.Errorf("recommendations about the result and below: %d %v", n, err)
		}
		if n, _ := s.RecommendationsAboutRemoved(ctx, other.authority.ID, im.Removed()); n != 0 {
			t.Errorf("another authority counts ours: %d", n)
		}
		if _, err := s.DeleteElement(ctx, store.Actor{}, f.authority.ID, f.strategy.ID, activity); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DeleteElement(ctx, store.Actor{}, f.authority.ID, f.strategy.ID, result); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DeleteElement(ctx, store.Actor{}, f.authority.ID, f.strategy.ID, objective); err != nil {
			t.Fatal(err)
		}
		got := map[int64]monitoring.Recommendation{}
		for _, fx := range []monitoringFixture{f, other} {
			list, err := s.Evaluations(ctx, fx.authority.ID, fx.strategy.ID)
			must(t, err)
			for _, e := range list {
				for _, r := range e.Recommendations {
					got[r.ID] = r
				}
			}
		}
		for _, c := range []struct {
			r     monitoring.Recommendation
			notes string
		}{
			{onActivity, "À propos de : activité « Activité A » (supprimée).\nRelancé en mars."},
			{onIndicator, "À propos de : indicateur « Jeunes partis » (supprimé)."},
			{onResult, "À propos de : résultat « Des échanges réguliers » (supprimé)."},
			{onObjective, "À propos de : objectif spécifique « Coopérer avec Ziguinchor » (supprimé)."},
		} {
			r, ok := got[c.r.ID]
			if !ok || !r.Element.IsZero() || r.Notes != c.notes || r.Text != c.r.Text || r.Version != c.r.Version+1 {
				t.Errorf("%q after the deletion: %+v (found %v)", c.r.Text, r, ok)
			}
		}
		if r := got[whole.ID]; r.Version != whole.Version || r.Notes != "" {
			t.Errorf("the recommendation about the whole changed: %+v", r)
		}
		if r := got[theirs.ID]; r.Element.Kind != logframe.KindActivity || r.Version != theirs.Version {
			t.Errorf("another authority's recommendation changed: %+v", r)
		}
		// The detached recommendation is still editable, and the change is in the journal.
		r := got[onIndicator.ID]
		r.FollowUp = monitoring.Underway
		must(t, s.UpdateRecommendation(ctx, store.Actor{}, f.authority.ID, evaluationOf(t, s, f, r.ID), &r))
		entries, err := s.AuditLog(ctx, f.authority.ID, model.AuditFilter{Entity: "recommandation"})
		must(t, err)
		found := false
		for _, en := range entries {
			found = found || (en.Entity == "recommandation" && en.EntityID == strconv.FormatInt(onResult.ID, 10) && strings.Contains(en.After, "supprimé"))
		}
		if !found {
			t.Error("the detachment is not in the journal")
		}
	})
}

func evaluationOf(t *testing.T, s *store.Store, f monitoringFixture, recommendationID int64) int64 {
	t.Helper()
	list, err := s.Evaluations(ctx, f.authority.ID, f.strategy.ID)
	must(t, err)
	for _, e := range list {
		for _, r := range e.Recommendations {
			if r.ID == recommendationID {
				return e.ID
			}
		}
	}
	t.Fatalf("no evaluation holds recommendation %d", recommendationID)
	return 0
}
