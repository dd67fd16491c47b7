package demo

import (
	"context"
	"testing"

	"boussole/internal/access"
	"boussole/internal/comment"
	"boussole/internal/model"
	"boussole/internal/store/storetest"
)

// TestDemoComments checks the demo's comments page is not empty for anyone, and the one mention left the
// officer a notification to read.
func TestDemoComments(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	if _, err := Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	au, err := st.AuthorityBySlug(ctx, Slug)
	if err != nil {
		t.Fatal(err)
	}
	strategies, err := st.Strategies(ctx, au.ID)
	if err != nil {
		t.Fatal(err)
	}
	var draft model.Strategy
	for _, s := range strategies {
		if s.Status == model.StrategyDraft {
			draft = s
		}
	}
	all, total, err := st.StrategyComments(ctx, au.ID, draft.ID, model.CommentFilter{Kinds: comment.Kinds})
	if err != nil || total != len(demoComments) || len(all) != total {
		t.Fatalf("%d comments (%v), want %d", total, err, len(demoComments))
	}
	if _, open, _ := st.StrategyComments(ctx, au.ID, draft.ID, model.CommentFilter{Kinds: comment.Readable(access.Partner), State: comment.Open}); open == 0 {
		t.Error("the partner's list of comments to do is empty")
	}
	agent, err := st.UserByEmail(ctx, "agent@demo.boussole.test")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := st.UnreadNotifications(ctx, au.ID, agent.ID); n != 1 {
		t.Errorf("the officer has %d unread notifications, want 1", n)
	}
}
