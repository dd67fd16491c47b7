package store_test

import (
	"errors"
	"testing"
	"time"

	"boussole/internal/access"
	"boussole/internal/comment"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// commentFixture is an authority with a strategy, an objective, a stakeholder, its administrator and an
// elected member.
type commentFixture struct {
	authority   model.Authority
	strategy    model.Strategy
	objective   logframe.ObjectiveRecord
	stakeholder int64
	admin, elu  model.User
}

func newCommentFixture(t *testing.T, s *store.Store, name, email string) commentFixture {
	t.Helper()
	a, admin := signUp(t, s, name, email)
	f := commentFixture{authority: a, admin: admin}
	f.strategy = model.Strategy{AuthorityID: a.ID, Title: "Stratégie " + name, TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(t, s.CreateStrategy(ctx, store.Actor{}, &f.strategy, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	f.objective = logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: f.strategy.ID, SpecificObjective: logframe.SpecificObjective{Title: "Coopérer avec Ziguinchor"}}
	must(t, s.CreateObjective(ctx, store.Actor{}, &f.objective))
	sh := stakeholder.Stakeholder{Name: "Université de " + name, Kind: stakeholder.KindUniversity}
	must(t, s.CreateStakeholder(ctx, store.Actor{}, a.ID, &sh))
	f.stakeholder = sh.ID
	f.elu = model.User{Email: "elu-" + email, Name: "Élu " + name, PasswordHash: "x"}
	must(t, s.CreateMember(ctx, store.Actor{}, a.ID, &f.elu, access.Elected, ""))
	return f
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// second returns the error of a call that also returns who was notified.
func second[T any](_ T, err error) error { return err }

func (f commentFixture) actor(u model.User) store.Actor {
	return store.Actor{UserID: u.ID, Label: u.Name}
}

func TestCommentThreadEditDeleteAndState(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newCommentFixture(t, s, "Ville A", "chef@a.fr")
		first := model.Comment{AuthorityID: f.authority.ID, Kind: comment.KindObjective, ElementID: f.objective.ID, Text: "Qui porte cet objectif ?"}
		notified, err := s.CreateComment(ctx, f.actor(f.elu), &first, []int64{f.admin.ID, f.elu.ID})
		must(t, err)
		if len(notified) != 1 || notified[0] != f.admin.ID {
			t.Errorf("notified %v, want the admin only", notified)
		}
		if first.StrategyID != f.strategy.ID || first.State != comment.Open {
			t.Errorf("comment takes its element's strategy and starts open: %+v", first)
		}
		reply := model.Comment{AuthorityID: f.authority.ID, Kind: comment.KindObjective, ElementID: f.objective.ID, ParentID: first.ID, Text: "La DRI."}
		must(t, second(s.CreateComment(ctx, f.actor(f.admin), &reply, nil)))
		// A reply to a reply joins the first comment's thread: one level only.
		again := model.Comment{AuthorityID: f.authority.ID, Kind: comment.KindObjective, ElementID: f.objective.ID, ParentID: reply.ID, Text: "Merci."}
		must(t, second(s.CreateComment(ctx, f.actor(f.elu), &again, nil)))
		if again.ParentID != first.ID {
			t.Errorf("reply to a reply hangs under %d, want %d", again.ParentID, first.ID)
		}
		list, err := s.Comments(ctx, f.authority.ID, comment.KindObjective, f.objective.ID)
		must(t, err)
		if len(list) != 3 || list[0].AuthorName != f.elu.Name || list[0].Text != first.Text {
			t.Fatalf("thread: %+v", list)
		}

		// The mention notified the administrator, not the author mentioning themself.
		if n, _ := s.UnreadNotifications(ctx, f.authority.ID, f.admin.ID); n != 1 {
			t.Errorf("admin has %d unread notifications, want 1", n)
		}
		// The élu was not notified of their own mention, nor of their own reply, but of the admin's reply.
		ns, err := s.Notifications(ctx, f.authority.ID, f.elu.ID, 0)
		must(t, err)
		if len(ns) != 1 || !ns[0].Reply() || ns[0].Comment.ID != reply.ID {
			t.Errorf("élu's notifications: %+v", ns)
		}

		// Only the author edits, at the version read.
		edit := first
		edit.Text = "Qui porte cet objectif, et avec quel budget ?"
		if _, err := s.UpdateComment(ctx, f.actor(f.admin), &edit, nil); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("someone else edits: %v", err)
		}
		if notified, err := s.UpdateComment(ctx, f.actor(f.elu), &edit, []int64{f.admin.ID}); err != nil || len(notified) != 0 {
			t.Errorf("edit mentioning the admin again: notified %v, %v", notified, err)
		}
		if edit.Version != 2 || edit.EditedAt.IsZero() {
			t.Errorf("after edit: %+v", edit)
		}
		stale := first
		stale.Text = "autre"
		if _, err := s.UpdateComment(ctx, f.actor(f.elu), &stale, nil); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale edit: %v", err)
		}
		if n, _ := s.UnreadNotifications(ctx, f.authority.ID, f.admin.ID); n != 1 {
			t.Errorf("an edit mentioning the same person again notified twice: %d", n)
		}

		must(t, s.SetCommentState(ctx, f.actor(f.admin), f.authority.ID, first.ID, comment.Handled))
		must(t, s.SetCommentState(ctx, f.actor(f.elu), f.authority.ID, first.ID, comment.Handled))
		got, err := s.Comment(ctx, f.authority.ID, first.ID)
		must(t, err)
		if got.State != comment.Handled {
			t.Errorf("state %s", got.State)
		}

		// Deleting empties the text and removes the notifications; the replies stay.
		if err := s.DeleteComment(ctx, f.actor(f.admin), f.authority.ID, first.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("someone else deletes: %v", err)
		}
		must(t, s.DeleteComment(ctx, f.actor(f.elu), f.authority.ID, first.ID))
		got, _ = s.Comment(ctx, f.authority.ID, first.ID)
		if !got.Deleted() || got.Text != "" {
			t.Errorf("deleted comment: %+v", got)
		}
		if n, _ := s.UnreadNotifications(ctx, f.authority.ID, f.admin.ID); n != 0 {
			t.Errorf("notifications of a deleted comment remain: %d", n)
		}
		list, _ = s.Comments(ctx, f.authority.ID, comment.KindObjective, f.objective.ID)
		if len(list) != 3 {
			t.Errorf("replies lost with their parent: %d comments", len(list))
		}
		log, err := s.AuditLog(ctx, f.authority.ID, model.AuditFilter{Entity: "commentaire"})
		must(t, err)
		if len(log) != 6 { // three creations, one edit, one state change, one deletion
			t.Errorf("%d audit entries, want 6", len(log))
		}
	})
}

func TestCommentsStayInTheirAuthority(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := newCommentFixture(t, s, "Ville A", "chef@a.fr")
		b := newCommentFixture(t, s, "Ville B", "chef@b.fr")
		// A's user writing on B's objective, or under B's strategy for a stakeholder, is refused.
		for _, c := range []model.Comment{
			{AuthorityID: a.authority.ID, Kind: comment.KindObjective, ElementID: b.objective.ID, Text: "x"},
			{AuthorityID: a.authority.ID, Kind: comment.KindStakeholder, ElementID: a.stakeholder, StrategyID: b.strategy.ID, Text: "x"},
			{AuthorityID: a.authority.ID, Kind: comment.KindStakeholder, ElementID: b.stakeholder, StrategyID: a.strategy.ID, Text: "x"},
			{AuthorityID: a.authority.ID, Kind: comment.Kind("projet"), ElementID: a.objective.ID, StrategyID: a.strategy.ID, Text: "x"},
		} {
			if _, err := s.CreateComment(ctx, a.actor(a.admin), &c, nil); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%s %d: %v", c.Kind, c.ElementID, err)
			}
		}
		onB := model.Comment{AuthorityID: b.authority.ID, Kind: comment.KindObjective, ElementID: b.objective.ID, Text: "Commentaire de B"}
		must(t, second(s.CreateComment(ctx, b.actor(b.admin), &onB, []int64{a.admin.ID})))
		// A reply cannot hang under B's comment, and B's mention of A's admin notified nobody.
		reply := model.Comment{AuthorityID: a.authority.ID, Kind: comment.KindObjective, ElementID: a.objective.ID, ParentID: onB.ID, Text: "x"}
		if _, err := s.CreateComment(ctx, a.actor(a.admin), &reply, nil); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("reply under another authority's comment: %v", err)
		}
		if n, _ := s.UnreadNotifications(ctx, b.authority.ID, a.admin.ID); n != 0 {
			t.Error("a mention notified someone outside the workspace")
		}
		if _, err := s.Comment(ctx, a.authority.ID, onB.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("A reads B's comment: %v", err)
		}
		if err := s.SetCommentState(ctx, a.actor(a.admin), a.authority.ID, onB.ID, comment.Handled); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("A changes B's comment: %v", err)
		}
		if list, _ := s.Comments(ctx, a.authority.ID, comment.KindObjective, b.objective.ID); len(list) != 0 {
			t.Errorf("A lists B's comments: %v", list)
		}
		if list, total, _ := s.StrategyComments(ctx, a.authority.ID, b.strategy.ID, model.CommentFilter{Kinds: comment.Kinds}); len(list)+total != 0 {
			t.Errorf("A lists B's strategy comments: %v", list)
		}
	})
}

func TestStrategyCommentsFilterAndPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newCommentFixture(t, s, "Ville A", "chef@a.fr")
		var ids []int64
		for i := range 5 {
			c := model.Comment{AuthorityID: f.authority.ID, Kind: comment.KindObjective, ElementID: f.objective.ID, Text: "Remarque " + string(rune('A'+i))}
			if i%2 == 1 {
				c.Kind, c.ElementID, c.StrategyID = comment.KindStakeholder, f.stakeholder, f.strategy.ID
			}
			must(t, second(s.CreateComment(ctx, f.actor(f.elu), &c, nil)))
			ids = append(ids, c.ID)
		}
		reply := model.Comment{AuthorityID: f.authority.ID, Kind: comment.KindObjective, ElementID: f.objective.ID, ParentID: ids[0], Text: "Réponse"}
		must(t, second(s.CreateComment(ctx, f.actor(f.admin), &reply, nil)))
		must(t, s.SetCommentState(ctx, f.actor(f.admin), f.authority.ID, ids[4], comment.Handled))

		list, total, err := s.StrategyComments(ctx, f.authority.ID, f.strategy.ID, model.CommentFilter{Kinds: comment.Kinds, State: comment.Open, Limit: 2})
		must(t, err)
		if total != 4 || len(list) != 2 || list[0].ID != ids[3] {
			t.Fatalf("open, first page: total %d, %+v", total, list)
		}
		if list[0].ElementTitle != "Université de Ville A" {
			t.Errorf("element title %q", list[0].ElementTitle)
		}
		list, _, _ = s.StrategyComments(ctx, f.authority.ID, f.strategy.ID, model.CommentFilter{Kinds: comment.Kinds, State: comment.Open, Limit: 2, Offset: 2})
		if len(list) != 2 || list[1].ID != ids[0] || list[1].ElementTitle != "Coopérer avec Ziguinchor" || list[1].Replies != 1 || list[0].Replies != 0 {
			t.Errorf("open, second page: %+v", list)
		}
		// A partner's list leaves out the stakeholder map.
		list, total, _ = s.StrategyComments(ctx, f.authority.ID, f.strategy.ID, model.CommentFilter{Kinds: comment.Readable(access.Partner)})
		if total != 3 || len(list) != 3 || list[0].Kind != comment.KindObjective {
			t.Errorf("partner's list: total %d, %+v", total, list)
		}
		list, total, _ = s.StrategyComments(ctx, f.authority.ID, f.strategy.ID, model.CommentFilter{Kinds: comment.Kinds, State: comment.Handled})
		if total != 1 || list[0].ID != ids[4] {
			t.Errorf("handled: total %d, %+v", total, list)
		}
	})
}

func TestParticipantsAndNotifications(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newCommentFixture(t, s, "Ville A", "chef@a.fr")
		expert := model.User{Email: "expert@reseau.org", Name: "Experte du réseau", PasswordHash: "x"}
		must(t, s.CreateUser(ctx, &expert))
		must(t, s.CreateGrant(ctx, store.Actor{}, f.authority.ID, expert.ID, "Réseau"))
		ps, err := s.Participants(ctx, f.authority.ID)
		must(t, err)
		roles := map[int64]access.Role{}
		for _, p := range ps {
			roles[p.UserID] = p.Role
		}
		if len(ps) != 3 || roles[expert.ID] != access.Accompagnateur || roles[f.elu.ID] != access.Elected {
			t.Errorf("participants: %+v", ps)
		}
		c := model.Comment{AuthorityID: f.authority.ID, Kind: comment.KindObjective, ElementID: f.objective.ID, Text: "@Experte du réseau, un avis ?"}
		must(t, second(s.CreateComment(ctx, f.actor(f.admin), &c, []int64{expert.ID})))
		ns, err := s.Notifications(ctx, f.authority.ID, expert.ID, 0)
		must(t, err)
		if len(ns) != 1 || ns[0].Comment.ID != c.ID || ns[0].Comment.AuthorName != f.admin.Name || !ns[0].ReadAt.IsZero() {
			t.Fatalf("notifications: %+v", ns)
		}
		// Reading another element's comments leaves it unread; reading this one's marks it read.
		must(t, s.MarkElementNotificationsRead(ctx, f.authority.ID, expert.ID, comment.KindStakeholder, f.stakeholder))
		if n, _ := s.UnreadNotifications(ctx, f.authority.ID, expert.ID); n != 1 {
			t.Errorf("%d unread after reading another element", n)
		}
		must(t, s.MarkElementNotificationsRead(ctx, f.authority.ID, expert.ID, comment.KindObjective, f.objective.ID))
		if n, _ := s.UnreadNotifications(ctx, f.authority.ID, expert.ID); n != 0 {
			t.Errorf("%d unread after reading the element", n)
		}
		c2 := model.Comment{AuthorityID: f.authority.ID, Kind: comment.KindObjective, ElementID: f.objective.ID, Text: "@Experte du réseau, encore une question."}
		must(t, second(s.CreateComment(ctx, f.actor(f.admin), &c2, []int64{expert.ID})))
		must(t, s.MarkNotificationsRead(ctx, f.authority.ID, expert.ID))
		if n, _ := s.UnreadNotifications(ctx, f.authority.ID, expert.ID); n != 0 {
			t.Errorf("%d unread after marking read", n)
		}
		ns, _ = s.Notifications(ctx, f.authority.ID, expert.ID, 0)
		if len(ns) != 2 || ns[0].ReadAt.IsZero() || ns[1].ReadAt.IsZero() {
			t.Errorf("read notification: %+v", ns)
		}
	})
}
