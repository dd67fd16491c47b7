package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/schedule"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// planningFixture is a strategy with n activities under one objective and result.
type planningFixture struct {
	authority model.Authority
	strategy  model.Strategy
	acts      []logframe.ActivityRecord
}

func newPlanningFixture(t *testing.T, s *store.Store, name, email string, n int) planningFixture {
	t.Helper()
	a, _ := signUp(t, s, name, email)
	st := model.Strategy{AuthorityID: a.ID, Title: "Stratégie " + name, TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	if err := s.CreateStrategy(ctx, store.Actor{}, &st, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	o := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: st.ID, SpecificObjective: logframe.SpecificObjective{Title: "Coopérer avec Ziguinchor"}}
	if err := s.CreateObjective(ctx, store.Actor{}, &o); err != nil {
		t.Fatal(err)
	}
	r := logframe.ResultRecord{AuthorityID: a.ID, StrategyID: st.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: "Des échanges réguliers"}}
	if err := s.CreateResult(ctx, store.Actor{}, &r); err != nil {
		t.Fatal(err)
	}
	f := planningFixture{authority: a, strategy: st}
	for i := range n {
		act := logframe.ActivityRecord{AuthorityID: a.ID, StrategyID: st.ID, Activity: logframe.Activity{ResultID: r.ID, Title: "Activité " + string(rune('A'+i))}}
		if err := s.CreateActivity(ctx, store.Actor{}, &act); err != nil {
			t.Fatal(err)
		}
		f.acts = append(f.acts, act)
	}
	return f
}

func pday(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func absolute(f planningFixture, i int, start time.Time, days int) schedule.ScheduleRecord {
	return schedule.ScheduleRecord{ActivityID: f.acts[i].ID, AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, StartKind: schedule.StartAbsolute,
		StartDate: start, DurationDays: days, Status: schedule.Planned}
}

func relative(f planningFixture, i int, anchor schedule.Node, days int) schedule.ScheduleRecord {
	return schedule.ScheduleRecord{ActivityID: f.acts[i].ID, AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, StartKind: schedule.StartRelative,
		Anchor: anchor, AnchorEdge: schedule.EdgeEnd, OffsetN: 2, OffsetUnit: schedule.Weeks, DurationDays: days, Status: schedule.Planned}
}

func actNode(a logframe.ActivityRecord) schedule.Node {
	return schedule.Node{Kind: schedule.NodeActivity, ID: a.ID}
}

func TestSchedulesRoundTripAndConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newPlanningFixture(t, s, "Ville A", "a@a.fr", 2)
		first := absolute(f, 0, pday(2027, 3, 1), 30)
		first.PrepDays, first.FollowUpDays, first.Responsible, first.Service = 10, 5, "Karim Benali", "Relations internationales"
		first.Partners, first.PercentDone, first.Public = []string{"Ville de Ziguinchor", "pS-Eau"}, 20, true
		if err := s.SaveSchedule(ctx, store.Actor{}, &first); err != nil {
			t.Fatal(err)
		}
		second := relative(f, 1, actNode(f.acts[0]), 15)
		if err := s.SaveSchedule(ctx, store.Actor{}, &second); err != nil {
			t.Fatal(err)
		}
		got, err := s.Schedules(ctx, f.authority.ID, f.strategy.ID)
		if err != nil || len(got) != 2 {
			t.Fatalf("schedules = %d, %v", len(got), err)
		}
		g := got[0]
		if !g.StartDate.Equal(pday(2027, 3, 1)) || g.DurationDays != 30 || g.PrepDays != 10 || g.FollowUpDays != 5 || g.Responsible != "Karim Benali" ||
			len(g.Partners) != 2 || g.Partners[1] != "pS-Eau" || g.PercentDone != 20 || !g.Public || g.Version != 1 {
			t.Errorf("stored absolute schedule = %+v", g)
		}
		r := got[1]
		if r.StartKind != schedule.StartRelative || r.Anchor != actNode(f.acts[0]) || r.AnchorEdge != schedule.EdgeEnd || r.OffsetN != 2 ||
			r.OffsetUnit != schedule.Weeks || !r.StartDate.IsZero() {
			t.Errorf("stored relative schedule = %+v", r)
		}
		// Two people edit the same version: the second is refused and the first kept.
		a, b := g, g
		a.DurationDays = 40
		if err := s.SaveSchedule(ctx, store.Actor{}, &a); err != nil {
			t.Fatal(err)
		}
		b.DurationDays = 50
		if err := s.SaveSchedule(ctx, store.Actor{}, &b); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale save: err = %v, want ErrConflict", err)
		}
		// A second creation of the same schedule is a conflict too.
		dup := absolute(f, 0, pday(2028, 1, 1), 3)
		if err := s.SaveSchedule(ctx, store.Actor{}, &dup); !errors.Is(err, store.ErrConflict) {
			t.Errorf("second creation: err = %v, want ErrConflict", err)
		}
		now, _ := s.Schedule(ctx, f.authority.ID, f.acts[0].ID)
		if now.DurationDays != 40 || now.Version != 2 {
			t.Errorf("after the conflict: %+v", now)
		}
		entries, _ := s.AuditLog(ctx, f.authority.ID, model.AuditFilter{Entity: "calendrier d'activité"})
		if len(entries) != 3 {
			t.Errorf("audit entries = %d, want 3", len(entries))
		}
	})
}

func TestRelativeStartNeedsALivingAnchor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newPlanningFixture(t, s, "Ville A", "a@a.fr", 3)
		// An activity not yet scheduled cannot serve as anchor.
		sc := relative(f, 1, actNode(f.acts[0]), 10)
		if err := s.SaveSchedule(ctx, store.Actor{}, &sc); !errors.Is(err, store.ErrMissingNode) {
			t.Errorf("anchor not scheduled: err = %v", err)
		}
		// A milestone that was deleted cannot either.
		m := schedule.MilestoneRecord{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Kind: schedule.MilestoneDeliberation, Title: "Délibération", Date: partialdate.Of(2026, 11, 20)}
		if err := s.CreateMilestone(ctx, store.Actor{}, &m); err != nil {
			t.Fatal(err)
		}
		sc = relative(f, 1, m.Node(), 10)
		if err := s.SaveSchedule(ctx, store.Actor{}, &sc); err != nil {
			t.Fatal(err)
		}
		if anchored, _, _ := s.MilestoneUses(ctx, f.authority.ID, m.ID); anchored != 1 {
			t.Errorf("milestone uses = %d, want 1", anchored)
		}
		if err := s.DeleteMilestone(ctx, store.Actor{}, f.authority.ID, m.ID); err != nil {
			t.Fatal(err)
		}
		kept, err := s.Schedule(ctx, f.authority.ID, f.acts[1].ID)
		if err != nil || !kept.AnchorLost() {
			t.Errorf("schedule after its anchor was deleted: %+v, %v", kept, err)
		}
		again := relative(f, 2, m.Node(), 10)
		if err := s.SaveSchedule(ctx, store.Actor{}, &again); !errors.Is(err, store.ErrMissingNode) {
			t.Errorf("anchor deleted: err = %v, want ErrMissingNode", err)
		}
		if _, err := s.Schedule(ctx, f.authority.ID, f.acts[2].ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("refused schedule was stored: %v", err)
		}
	})
}

func TestDependenciesRefuseCycles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newPlanningFixture(t, s, "Ville A", "a@a.fr", 3)
		for i := range f.acts {
			sc := absolute(f, i, pday(2027, 1, 1), 10)
			if err := s.SaveSchedule(ctx, store.Actor{}, &sc); err != nil {
				t.Fatal(err)
			}
		}
		dep := func(from, to int) *schedule.DependencyRecord {
			return &schedule.DependencyRecord{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, From: actNode(f.acts[from]), To: actNode(f.acts[to]),
				Kind: schedule.FinishToStart, LagUnit: schedule.Days}
		}
		if err := s.CreateDependency(ctx, store.Actor{}, dep(0, 1)); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateDependency(ctx, store.Actor{}, dep(1, 2)); err != nil {
			t.Fatal(err)
		}
		err := s.CreateDependency(ctx, store.Actor{}, dep(2, 0))
		var cycle *schedule.CycleError
		if !errors.As(err, &cycle) {
			t.Fatalf("closing the loop: err = %v, want a cycle", err)
		}
		if msg := cycle.Error(); !strings.Contains(msg, "Activité A") || !strings.Contains(msg, "Activité B") || !strings.Contains(msg, "Activité C") {
			t.Errorf("cycle message lacks a member: %s", msg)
		}
		// A relative start closing the loop is refused the same way.
		sc, _ := s.Schedule(ctx, f.authority.ID, f.acts[0].ID)
		sc.StartKind, sc.Anchor, sc.AnchorEdge, sc.OffsetUnit = schedule.StartRelative, actNode(f.acts[2]), schedule.EdgeEnd, schedule.Days
		if err := s.SaveSchedule(ctx, store.Actor{}, &sc); !errors.As(err, &cycle) {
			t.Errorf("relative start closing the loop: err = %v", err)
		}
		deps, _ := s.Dependencies(ctx, f.authority.ID, f.strategy.ID)
		if len(deps) != 2 {
			t.Fatalf("dependencies = %d, want 2", len(deps))
		}
		if err := s.CreateDependency(ctx, store.Actor{}, dep(1, 1)); err == nil {
			t.Errorf("a dependency on itself was accepted")
		}
		if err := s.DeleteDependency(ctx, store.Actor{}, f.authority.ID, deps[1].ID); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateDependency(ctx, store.Actor{}, dep(2, 0)); err != nil {
			t.Errorf("once the loop is broken: %v", err)
		}
	})
}

func TestPlanningIsScopedToTheAuthority(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := newPlanningFixture(t, s, "Ville A", "a@a.fr", 1)
		b := newPlanningFixture(t, s, "Ville B", "b@b.fr", 1)
		scB := absolute(b, 0, pday(2027, 1, 1), 10)
		if err := s.SaveSchedule(ctx, store.Actor{}, &scB); err != nil {
			t.Fatal(err)
		}
		mB := schedule.MilestoneRecord{AuthorityID: b.authority.ID, StrategyID: b.strategy.ID, Kind: schedule.MilestoneSteering, Title: "COPIL", Date: partialdate.Of(2027, 6, 1)}
		if err := s.CreateMilestone(ctx, store.Actor{}, &mB); err != nil {
			t.Fatal(err)
		}
		// A's schedule cannot hang on B's activity or milestone, nor A schedule B's activity.
		for _, anchor := range []schedule.Node{actNode(b.acts[0]), mB.Node()} {
			sc := relative(a, 0, anchor, 5)
			if err := s.SaveSchedule(ctx, store.Actor{}, &sc); !errors.Is(err, store.ErrMissingNode) {
				t.Errorf("anchor %v of B: err = %v", anchor, err)
			}
		}
		steal := absolute(b, 0, pday(2027, 1, 1), 1)
		steal.AuthorityID, steal.StrategyID, steal.Version = a.authority.ID, a.strategy.ID, 1
		if err := s.SaveSchedule(ctx, store.Actor{}, &steal); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("A saves B's schedule: err = %v", err)
		}
		if _, err := s.Schedule(ctx, a.authority.ID, b.acts[0].ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("A reads B's schedule: %v", err)
		}
		if _, err := s.Milestone(ctx, a.authority.ID, mB.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("A reads B's milestone: %v", err)
		}
		if err := s.DeleteMilestone(ctx, store.Actor{}, a.authority.ID, mB.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("A deletes B's milestone: %v", err)
		}
		mB.AuthorityID = a.authority.ID
		if err := s.UpdateMilestone(ctx, store.Actor{}, &mB); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("A updates B's milestone: %v", err)
		}
		if list, _ := s.Milestones(ctx, a.authority.ID, b.strategy.ID); len(list) != 0 {
			t.Errorf("A lists B's milestones")
		}
	})
}

func TestCalendarTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newPlanningFixture(t, s, "Ville A", "a@a.fr", 0)
		u, _ := s.UserByEmail(ctx, "a@a.fr")
		if _, err := s.CalendarTokenCreated(ctx, f.authority.ID, u.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("token before creation: %v", err)
		}
		for _, h := range []string{"hash-1", "hash-2"} {
			if err := s.SetCalendarToken(ctx, store.Actor{}, f.authority.ID, u.ID, h); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, err := s.CalendarTokenOwner(ctx, "hash-1"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the replaced token still works: %v", err)
		}
		a, uid, err := s.CalendarTokenOwner(ctx, "hash-2")
		if err != nil || a != f.authority.ID || uid != u.ID {
			t.Errorf("owner = %d, %d, %v", a, uid, err)
		}
	})
}

func TestLagUnitsAreAClosedList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newPlanningFixture(t, s, "Ville A", "a@a.fr", 2)
		for i := range f.acts {
			sc := absolute(f, i, pday(2027, 1, 1), 10)
			if err := s.SaveSchedule(ctx, store.Actor{}, &sc); err != nil {
				t.Fatal(err)
			}
		}
		d := schedule.DependencyRecord{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, From: actNode(f.acts[0]), To: actNode(f.acts[1]),
			Kind: schedule.FinishToStart, LagN: 3, LagUnit: schedule.WorkingDays}
		if err := s.CreateDependency(ctx, store.Actor{}, &d); err != nil {
			t.Fatal(err)
		}
		got, err := s.Dependency(ctx, f.authority.ID, d.ID)
		if err != nil || got.LagUnit != schedule.WorkingDays || got.LagN != 3 {
			t.Errorf("working-day lag read back as %d %q, %v", got.LagN, got.LagUnit, err)
		}
		bad := d
		bad.LagUnit = "heures"
		if err := s.CreateDependency(ctx, store.Actor{}, &bad); err == nil {
			t.Error("the database accepted a lag in « heures »")
		}
		sc, err := s.Schedule(ctx, f.authority.ID, f.acts[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		sc.StartKind, sc.Anchor, sc.AnchorEdge, sc.OffsetN, sc.OffsetUnit = schedule.StartRelative, actNode(f.acts[0]), schedule.EdgeEnd, 2, "heures"
		if err := s.SaveSchedule(ctx, store.Actor{}, &sc); err == nil {
			t.Error("the database accepted an offset in « heures »")
		}
		sc.OffsetUnit = schedule.WorkingDays
		if err := s.SaveSchedule(ctx, store.Actor{}, &sc); err != nil {
			t.Errorf("offset in working days: %v", err)
		}
	})
}

// TestOneOwnerPerActivity checks that planning and the logframe share one owner: what the schedule saves is
// the activity's owner, and migration 0013 merged the two former fields keeping whichever was filled.
func TestOneOwnerPerActivity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newPlanningFixture(t, s, "Ville A", "a@a.fr", 4)
		sc := absolute(f, 0, pday(2027, 3, 1), 30)
		sc.Responsible = "Karim Benali"
		if err := s.SaveSchedule(ctx, store.Actor{}, &sc); err != nil {
			t.Fatal(err)
		}
		if a, _ := s.Activity(ctx, f.authority.ID, f.acts[0].ID); a.Owner != "Karim Benali" || a.Version != 2 {
			t.Errorf("after the schedule: activity owner %q version %d, want Karim Benali, 2", a.Owner, a.Version)
		}
		a, _ := s.Activity(ctx, f.authority.ID, f.acts[0].ID)
		a.Owner = "Julie Martin"
		if err := s.UpdateActivity(ctx, store.Actor{}, &a); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Schedule(ctx, f.authority.ID, f.acts[0].ID); got.Responsible != "Julie Martin" {
			t.Errorf("the schedule reads %q after the logframe changed the owner", got.Responsible)
		}
		// Saving progress or an unchanged owner does not move the activity's version.
		got, _ := s.Schedule(ctx, f.authority.ID, f.acts[0].ID)
		got.PercentDone = 40
		if err := s.SaveSchedule(ctx, store.Actor{}, &got); err != nil {
			t.Fatal(err)
		}
		if b, _ := s.Activity(ctx, f.authority.ID, f.acts[0].ID); b.Version != a.Version {
			t.Errorf("an unchanged owner moved the activity's version: %d → %d", a.Version, b.Version)
		}

		// Put the database back as migration 0013 found it: two fields, filled in every combination.
		for _, i := range []int{1, 2, 3} {
			sc := absolute(f, i, pday(2027, 3, 1), 30)
			if err := s.SaveSchedule(ctx, store.Actor{}, &sc); err != nil {
				t.Fatal(err)
			}
		}
		for _, q := range []string{
			"ALTER TABLE objectives DROP COLUMN achievable",
			"ALTER TABLE activity_schedules ADD COLUMN responsible TEXT NOT NULL DEFAULT ''",
			"DELETE FROM schema_migrations WHERE version = 13",
		} {
			if err := s.ExecRaw(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		set := func(i int, owner, responsible string) {
			if err := s.ExecRaw(ctx, "UPDATE activities SET owner = $1 WHERE id = $2", owner, f.acts[i].ID); err != nil {
				t.Fatal(err)
			}
			if err := s.ExecRaw(ctx, "UPDATE activity_schedules SET responsible = $1 WHERE activity_id = $2", responsible, f.acts[i].ID); err != nil {
				t.Fatal(err)
			}
		}
		set(0, "Direction jeunesse", "")
		set(1, "", "Karim Benali")
		set(2, "Service eau", "Julien")
		set(3, "", "")
		if applied, err := s.Migrate(ctx); err != nil || len(applied) != 1 || applied[0] != 13 {
			t.Fatalf("re-applying 0013: %v, %v", applied, err)
		}
		want := []string{"Direction jeunesse", "Karim Benali", "Julien", ""}
		acts, err := s.ActivitiesOf(ctx, f.authority.ID, f.strategy.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range acts {
			if a.Owner != want[i] {
				t.Errorf("activity %d: owner %q after the merge, want %q", i, a.Owner, want[i])
			}
			if sc, _ := s.Schedule(ctx, f.authority.ID, a.ID); sc.Responsible != want[i] {
				t.Errorf("activity %d: the schedule reads %q, want %q", i, sc.Responsible, want[i])
			}
		}
	})
}
