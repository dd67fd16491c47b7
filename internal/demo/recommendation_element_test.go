package demo

import (
	"context"
	"testing"

	"boussole/internal/store/storetest"
)

// TestDemoRecommendationsNameTheirElement: the mid-term evaluation's recommendations name the objective
// of the evaluated strategy they are about, so its pages show them.
func TestDemoRecommendationsNameTheirElement(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	if _, err := Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	au, err := st.AuthorityBySlug(ctx, Slug)
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	list, err := st.AuthorityEvaluations(ctx, au.ID)
	if err != nil || len(list) == 0 {
		t.Fatalf("evaluations: %v %d", err, len(list))
	}
	full, err := st.Evaluation(ctx, au.ID, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range full.Recommendations {
		if !r.Element.IsZero() {
			named++
			if sid, err := st.StrategyOf(ctx, au.ID, r.Element); err != nil || sid != full.StrategyID {
				t.Errorf("%q names %v of strategy %d (%v), want %d", r.Text, r.Element, sid, err, full.StrategyID)
			}
		}
	}
	if named != 4 {
		t.Errorf("%d recommendations name their element, want 4", named)
	}
}
