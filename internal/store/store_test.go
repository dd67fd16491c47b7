package store_test

import (
	"context"
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"boussole/internal/access"
	"boussole/internal/model"
	"boussole/internal/process"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

var ctx = context.Background()

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// signUp opens a workspace with an administrator, failing the test on error.
func signUp(t *testing.T, s *store.Store, name, email string) (model.Authority, model.User) {
	t.Helper()
	a := model.Authority{Kind: "commune", Name: name, Slug: "ville"}
	u := model.User{Email: email, Name: "Admin " + name, PasswordHash: "x"}
	if err := s.SignUp(ctx, &a, &u); err != nil {
		t.Fatal(err)
	}
	return a, u
}

func TestSignUpIsAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, u := signUp(t, s, "Ville A", "Chef@A.fr ")
		if u.Email != "chef@a.fr" {
			t.Errorf("email not normalised: %q", u.Email)
		}
		role, err := s.RoleIn(ctx, a.ID, u.ID)
		if err != nil || role != access.Admin {
			t.Fatalf("role = %v, %v; want admin", role, err)
		}
		// Same email again: the second authority must not exist afterwards.
		b := model.Authority{Kind: "commune", Name: "Ville B", Slug: "ville"}
		err = s.SignUp(ctx, &b, &model.User{Email: "chef@a.fr", Name: "x", PasswordHash: "x"})
		if !errors.Is(err, store.ErrDuplicate) {
			t.Fatalf("duplicate email: err = %v", err)
		}
		all, _ := s.Authorities(ctx)
		if len(all) != 1 {
			t.Errorf("half-written sign-up left %d authorities", len(all))
		}
		// A second workspace gets a distinct slug.
		c, _ := signUp(t, s, "Ville C", "c@c.fr")
		if c.Slug == a.Slug {
			t.Errorf("slug collision: %q", c.Slug)
		}
	})
}

func TestQueriesAreScopedToTheAuthority(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, ua := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		st := model.Strategy{AuthorityID: a.ID, Title: "Stratégie A", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		if err := s.CreateStrategy(ctx, store.Actor{UserID: ua.ID}, &st, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Strategy(ctx, b.ID, st.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("authority B reads A's strategy: err = %v", err)
		}
		if steps, _ := s.Steps(ctx, b.ID, st.ID); len(steps) != 0 {
			t.Errorf("authority B reads A's steps")
		}
		if _, err := s.RoleIn(ctx, b.ID, ua.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("A's admin has a role in B: %v", err)
		}
		entries, _ := s.AuditLog(ctx, b.ID, model.AuditFilter{})
		for _, e := range entries {
			if e.Entity == "stratégie" {
				t.Errorf("A's strategy appears in B's audit log")
			}
		}
	})
}

func TestStepOptimisticConcurrency(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, u := signUp(t, s, "Ville A", "a@a.fr")
		st := model.Strategy{AuthorityID: a.ID, Title: "S", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		if err := s.CreateStrategy(ctx, store.Actor{UserID: u.ID}, &st, start); err != nil {
			t.Fatal(err)
		}
		steps, err := s.Steps(ctx, a.ID, st.ID)
		if err != nil || len(steps) != len(process.Steps) {
			t.Fatalf("steps = %d, %v", len(steps), err)
		}
		if !steps[0].PlannedStart.Equal(start) {
			t.Errorf("planned start %v, want %v", steps[0].PlannedStart, start)
		}
		first, second := steps[1], steps[1]
		first.Status, first.Notes = process.InProgress, "Atelier prévu"
		if err := s.UpdateStep(ctx, store.Actor{UserID: u.ID}, &first); err != nil {
			t.Fatal(err)
		}
		second.Notes = "Autre note"
		if err := s.UpdateStep(ctx, store.Actor{UserID: u.ID}, &second); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale write: err = %v, want ErrConflict", err)
		}
		got, _ := s.Step(ctx, a.ID, st.ID, first.Step)
		if got.Notes != "Atelier prévu" || got.Status != process.InProgress || got.Version != 2 {
			t.Errorf("stored step = %+v", got)
		}
		entries, _ := s.AuditLog(ctx, a.ID, model.AuditFilter{Entity: "étape"})
		if len(entries) != 1 || entries[0].Before == "" || entries[0].After == "" {
			t.Errorf("audit for the step: %+v", entries)
		}
	})
}

func TestSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		_, u := signUp(t, s, "Ville A", "a@a.fr")
		if err := s.CreateSession(ctx, "h1", u.ID, time.Hour, "test"); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateSession(ctx, "h2", u.ID, -time.Second, "test"); err != nil {
			t.Fatal(err)
		}
		if got, err := s.SessionUser(ctx, "h1"); err != nil || got.ID != u.ID {
			t.Errorf("live session: %v, %v", got.ID, err)
		}
		if _, err := s.SessionUser(ctx, "h2"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("expired session accepted: %v", err)
		}
		if err := s.CreateSession(ctx, "h3", u.ID, time.Hour, "other"); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.DeleteUserSessions(ctx, u.ID); n != 3 {
			t.Errorf("sign out everywhere removed %d sessions, want 3", n)
		}
		if _, err := s.SessionUser(ctx, "h3"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("session survived sign-out everywhere")
		}
	})
}

func TestPasswordResetIsSingleUse(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		_, u := signUp(t, s, "Ville A", "a@a.fr")
		_ = s.CreateSession(ctx, "sess", u.ID, time.Hour, "")
		if err := s.CreatePasswordReset(ctx, "tok", u.ID, "http://x/r/tok", time.Hour); err != nil {
			t.Fatal(err)
		}
		if got, err := s.PasswordResetUser(ctx, "tok"); err != nil || got.ID != u.ID {
			t.Fatalf("reset user: %v", err)
		}
		if err := s.ResetPassword(ctx, "tok", "new-hash"); err != nil {
			t.Fatal(err)
		}
		if err := s.ResetPassword(ctx, "tok", "again"); !errors.Is(err, store.ErrExpired) {
			t.Errorf("second use: %v, want ErrExpired", err)
		}
		got, _ := s.UserByID(ctx, u.ID)
		if got.PasswordHash != "new-hash" {
			t.Errorf("hash = %q", got.PasswordHash)
		}
		if _, err := s.SessionUser(ctx, "sess"); !errors.Is(err, store.ErrNotFound) {
			t.Error("reset must end existing sessions")
		}
		_ = s.CreatePasswordReset(ctx, "old", u.ID, "l", -time.Minute)
		if _, err := s.PasswordResetUser(ctx, "old"); !errors.Is(err, store.ErrExpired) {
			t.Errorf("expired token: %v", err)
		}
	})
}

func TestInvitationsAndLastAdmin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, admin := signUp(t, s, "Ville A", "a@a.fr")
		by := store.Actor{UserID: admin.ID, Label: admin.Name}
		inv := model.Invitation{AuthorityID: a.ID, Email: "Elue@A.fr", Role: access.Elected}
		if err := s.CreateInvitation(ctx, by, "inv", inv, time.Hour); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateInvitation(ctx, by, "late", inv, -time.Hour); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Invitation(ctx, "late"); !errors.Is(err, store.ErrExpired) {
			t.Errorf("expired invitation: %v", err)
		}
		newUser := model.User{Email: "elue@a.fr", Name: "Élue", PasswordHash: "h"}
		if err := s.AcceptInvitation(ctx, "inv", 0, &newUser); err != nil {
			t.Fatal(err)
		}
		if err := s.AcceptInvitation(ctx, "inv", newUser.ID, nil); !errors.Is(err, store.ErrExpired) {
			t.Errorf("invitation used twice: %v", err)
		}
		if role, _ := s.RoleIn(ctx, a.ID, newUser.ID); role != access.Elected {
			t.Errorf("role = %s", role)
		}
		members, _ := s.Members(ctx, a.ID)
		if len(members) != 2 {
			t.Fatalf("members = %d", len(members))
		}
		var adminVersion int64
		for _, m := range members {
			if m.User.ID == admin.ID {
				adminVersion = m.Version
			}
		}
		if err := s.ChangeRole(ctx, by, a.ID, admin.ID, access.Agent, adminVersion); !errors.Is(err, store.ErrLastAdmin) {
			t.Errorf("demoting the last admin: %v", err)
		}
		if err := s.RemoveMember(ctx, by, a.ID, admin.ID); !errors.Is(err, store.ErrLastAdmin) {
			t.Errorf("removing the last admin: %v", err)
		}
		if err := s.RemoveMember(ctx, by, a.ID, newUser.ID); err != nil {
			t.Errorf("removing a member: %v", err)
		}
	})
}

func TestGrantsAreRevocable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, admin := signUp(t, s, "Ville A", "a@a.fr")
		_, expert := signUp(t, s, "Réseau", "expert@reseau.fr")
		by := store.Actor{UserID: admin.ID}
		if err := s.CreateGrant(ctx, by, a.ID, expert.ID, "Réseau régional"); err != nil {
			t.Fatal(err)
		}
		if role, _ := s.RoleIn(ctx, a.ID, expert.ID); role != access.Accompagnateur {
			t.Errorf("role = %q, want accompagnateur", role)
		}
		ws, _ := s.Workspaces(ctx, expert.ID)
		if len(ws) != 2 {
			t.Errorf("expert sees %d workspaces, want 2", len(ws))
		}
		grants, _ := s.Grants(ctx, a.ID)
		if err := s.RevokeGrant(ctx, by, a.ID, grants[0].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RoleIn(ctx, a.ID, expert.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("revoked grant still gives access: %v", err)
		}
	})
}

func TestLoginAttempts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		since := time.Now().Add(-time.Minute)
		var ids []int64
		for want := range 3 {
			id, earlier, err := s.BeginLoginAttempt(ctx, "compte:x@y.fr", since)
			if err != nil || earlier != want {
				t.Errorf("attempt %d: earlier = %d, %v", want, earlier, err)
			}
			ids = append(ids, id)
		}
		if _, earlier, _ := s.BeginLoginAttempt(ctx, "adresse:192.0.2.1", since); earlier != 0 {
			t.Errorf("another key counts the first one's attempts: %d", earlier)
		}
		if _, earlier, _ := s.BeginLoginAttempt(ctx, "compte:x@y.fr", time.Now().Add(time.Minute)); earlier != 0 {
			t.Errorf("attempts before the window counted: %d", earlier)
		}
		if err := s.ForgetLoginAttempt(ctx, ids[0]); err != nil {
			t.Fatal(err)
		}
		if _, earlier, _ := s.BeginLoginAttempt(ctx, "compte:x@y.fr", since); earlier != 3 {
			t.Errorf("after forgetting one of four: %d, want 3", earlier)
		}
		_ = s.ClearLoginFailures(ctx, "compte:x@y.fr")
		if _, earlier, _ := s.BeginLoginAttempt(ctx, "compte:x@y.fr", since); earlier != 0 {
			t.Errorf("after clear: %d", earlier)
		}
		if _, earlier, _ := s.BeginLoginAttempt(ctx, "adresse:192.0.2.1", since); earlier != 1 {
			t.Errorf("clearing one key cleared another: %d", earlier)
		}
	})
}

func TestMigrateIsIdempotentAndConcurrent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Go(func() { _, errs[i] = s.Migrate(ctx) })
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if applied, err := s.Migrate(ctx); err != nil || len(applied) != 0 {
			t.Errorf("second migrate applied %v, %v", applied, err)
		}
	})
}

// TestSchemasMatch checks the two migration folders build the same schema: tables, columns with their
// kind, nullability and default, primary and foreign keys, unique constraints and indexes. CI always
// has PostgreSQL, so there the test fails rather than skips without it.
func TestSchemasMatch(t *testing.T) {
	url := os.Getenv("BOUSSOLE_TEST_POSTGRES_URL")
	if url == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("BOUSSOLE_TEST_POSTGRES_URL is not set: CI must compare the SQLite and PostgreSQL schemas")
		}
		t.Skip("set BOUSSOLE_TEST_POSTGRES_URL to compare the SQLite and PostgreSQL schemas")
	}
	own, err := storetest.OwnDatabase(url)
	if err != nil {
		t.Fatal(err)
	}
	lite, pg := storetest.SQLite(t), storetest.Postgres(t, own)
	a, err := lite.Describe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := pg.Describe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	delete(a.Tables, "schema_migrations")
	delete(b.Tables, "schema_migrations")
	if len(a.Tables) < 20 {
		t.Fatalf("only %d tables described on SQLite", len(a.Tables))
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("schemas differ (-sqlite +postgres):\n%s", diff)
	}
}

func TestBackup(t *testing.T) {
	s := storetest.SQLite(t)
	signUp(t, s, "Ville A", "a@a.fr")
	path := t.TempDir() + "/copie.db"
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	copy, err := store.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer copy.Close()
	if u, err := copy.UserByEmail(ctx, "a@a.fr"); err != nil || u.Name != "Admin Ville A" {
		t.Errorf("backup lacks the user: %v", err)
	}
	if err := s.Backup(ctx, path); err == nil {
		t.Error("backup over an existing file must be refused")
	}
}

func TestChangeMarkMovesOnEveryWrite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, u := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		before, err := s.ChangeMark(ctx, a.ID)
		if err != nil || before == 0 {
			t.Fatalf("mark after sign-up: %d, %v", before, err)
		}
		otherBefore, _ := s.ChangeMark(ctx, b.ID)
		st := model.Strategy{AuthorityID: a.ID, Title: "S", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		if err := s.CreateStrategy(ctx, store.Actor{UserID: u.ID}, &st, time.Now()); err != nil {
			t.Fatal(err)
		}
		after, _ := s.ChangeMark(ctx, a.ID)
		if after <= before {
			t.Errorf("mark did not move: %d → %d", before, after)
		}
		if other, _ := s.ChangeMark(ctx, b.ID); other != otherBefore {
			t.Errorf("another authority's write moved B's mark: %d → %d", otherBefore, other)
		}
	})
}
