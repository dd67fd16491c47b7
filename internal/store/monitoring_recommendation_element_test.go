package store_test

import (
	"errors"
	"testing"

	"boussole/internal/logframe"
	"boussole/internal/monitoring"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func TestRecommendationNamesAnElement(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMonitoringFixture(t, s, "Ville A", "a@a.fr")
		other := newMonitoringFixture(t, s, "Ville B", "b@b.fr")
		e := monitoring.Evaluation{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Kind: monitoring.MidTerm, Conduct: monitoring.Internal,
			Title: "Mi-parcours", SnapshotOn: pday(2029, 6, 30)}
		must(t, s.CreateEvaluation(ctx, store.Actor{}, &e))
		activity := logframe.Ref{Kind: logframe.KindActivity, ID: f.acts[0].ID}
		indicator := logframe.Ref{Kind: logframe.KindIndicator, ID: f.indicator.ID}
		r := monitoring.Recommendation{Text: "Ouvrir un guichet mobilité", FollowUp: monitoring.ToStart, Element: activity}
		must(t, s.AddRecommendation(ctx, store.Actor{}, f.authority.ID, e.ID, &r))
		whole := monitoring.Recommendation{Text: "Réunir le comité chaque semestre", FollowUp: monitoring.ToStart}
		must(t, s.AddRecommendation(ctx, store.Actor{}, f.authority.ID, e.ID, &whole))
		// Another authority's element, or a kind a recommendation cannot name, is refused and nothing is written.
		for _, bad := range []logframe.Ref{{Kind: logframe.KindActivity, ID: other.acts[0].ID}, {Kind: logframe.KindRisk, ID: 1}, {Kind: "inconnu", ID: 1}} {
			x := monitoring.Recommendation{Text: "x", FollowUp: monitoring.ToStart, Element: bad}
			if err := s.AddRecommendation(ctx, store.Actor{}, f.authority.ID, e.ID, &x); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("recommendation about %v: %v", bad, err)
			}
		}
		got, err := s.Evaluation(ctx, f.authority.ID, e.ID)
		if err != nil || len(got.Recommendations) != 2 || got.Recommendations[0].Element != activity || !got.Recommendations[1].Element.IsZero() {
			t.Fatalf("read back: %v %+v", err, got.Recommendations)
		}
		open, err := s.OpenRecommendationsAbout(ctx, f.authority.ID, activity)
		if err != nil || len(open) != 1 || open[0].R.ID != r.ID || open[0].EvaluationID != e.ID || open[0].EvaluationTitle != "Mi-parcours" {
			t.Errorf("open about the activity: %v %+v", err, open)
		}
		if open, err := s.OpenRecommendationsAbout(ctx, other.authority.ID, activity); err != nil || len(open) != 0 {
			t.Errorf("another authority sees the recommendation: %v %+v", err, open)
		}
		// Moved to the indicator, then done: no longer open about anything.
		r.Element = indicator
		must(t, s.UpdateRecommendation(ctx, store.Actor{}, f.authority.ID, e.ID, &r))
		if open, _ := s.OpenRecommendationsAbout(ctx, f.authority.ID, activity); len(open) != 0 {
			t.Errorf("still about the activity: %+v", open)
		}
		if open, _ := s.OpenRecommendationsAbout(ctx, f.authority.ID, indicator); len(open) != 1 {
			t.Errorf("about the indicator: %+v", open)
		}
		r.FollowUp = monitoring.Done
		must(t, s.UpdateRecommendation(ctx, store.Actor{}, f.authority.ID, e.ID, &r))
		if open, _ := s.OpenRecommendationsAbout(ctx, f.authority.ID, indicator); len(open) != 0 {
			t.Errorf("a done recommendation is still open: %+v", open)
		}
		bad := r
		bad.Element = logframe.Ref{Kind: logframe.KindActivity, ID: other.acts[0].ID}
		if err := s.UpdateRecommendation(ctx, store.Actor{}, f.authority.ID, e.ID, &bad); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("moved to another authority's activity: %v", err)
		}
	})
}
