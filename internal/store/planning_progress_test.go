package store_test

import (
	"errors"
	"testing"

	"boussole/internal/access"
	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func TestMemberService(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, admin := signUp(t, s, "Ville A", "a@a.fr")
		other, _ := signUp(t, s, "Ville B", "b@b.fr")
		ref := model.User{Email: "ref@a.fr", Name: "Julien", PasswordHash: "x"}
		if err := s.CreateMember(ctx, store.Actor{}, a.ID, &ref, access.Referent, "Direction de l'eau"); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name      string
			authority int64
			user      int64
			want      string
			err       error
		}{
			{"referent", a.ID, ref.ID, "Direction de l'eau", nil},
			{"member without a service", a.ID, admin.ID, "", nil},
			{"other authority", other.ID, ref.ID, "", store.ErrNotFound},
		}
		for _, tt := range tests {
			got, err := s.MemberService(ctx, tt.authority, tt.user)
			if got != tt.want || !errors.Is(err, tt.err) {
				t.Errorf("%s: MemberService = %q, %v; want %q, %v", tt.name, got, err, tt.want, tt.err)
			}
		}
	})
}

func TestScheduleProgressChangesOnlyStatusAndPercent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newPlanningFixture(t, s, "Ville A", "a@a.fr", 1)
		sc := absolute(f, 0, pday(2027, 3, 1), 30)
		sc.Service, sc.Responsible = "Direction de l'eau", "Julien"
		if err := s.SaveSchedule(ctx, store.Actor{}, &sc); err != nil {
			t.Fatal(err)
		}
		// A forged progress update carrying other dates changes only the status and the percent.
		upd := schedule.ScheduleRecord{AuthorityID: f.authority.ID, ActivityID: f.acts[0].ID, Version: 1, Status: schedule.Running,
			PercentDone: 40, DurationDays: 999, StartDate: pday(2030, 1, 1), Service: "Autre"}
		if err := s.SaveScheduleProgress(ctx, store.Actor{Label: "Julien"}, &upd, "direction de l'eau"); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Schedule(ctx, f.authority.ID, f.acts[0].ID)
		if got.Status != schedule.Running || got.PercentDone != 40 || got.Version != 2 || got.DurationDays != 30 ||
			!got.StartDate.Equal(pday(2027, 3, 1)) || got.Service != "Direction de l'eau" || got.Responsible != "Julien" {
			t.Errorf("after the progress update: %+v", got)
		}
		if upd.Version != 2 || upd.DurationDays != 30 {
			t.Errorf("the caller's copy is not the stored schedule: %+v", upd)
		}
		tests := []struct {
			name     string
			activity int64
			version  int64
			service  string
			err      error
		}{
			{"stale version", f.acts[0].ID, 1, "Direction de l'eau", store.ErrConflict},
			{"other service", f.acts[0].ID, 2, "Direction de la culture", store.ErrOtherService},
			{"no schedule", f.acts[0].ID + 1000, 1, "", store.ErrNotFound},
		}
		for _, tt := range tests {
			u := schedule.ScheduleRecord{AuthorityID: f.authority.ID, ActivityID: tt.activity, Version: tt.version, Status: schedule.Done, PercentDone: 100}
			if err := s.SaveScheduleProgress(ctx, store.Actor{}, &u, tt.service); !errors.Is(err, tt.err) {
				t.Errorf("%s: err = %v, want %v", tt.name, err, tt.err)
			}
		}
		if got, _ := s.Schedule(ctx, f.authority.ID, f.acts[0].ID); got.Status != schedule.Running || got.Version != 2 {
			t.Errorf("a refused update changed the schedule: %+v", got)
		}
		entries, _ := s.AuditLog(ctx, f.authority.ID, model.AuditFilter{Entity: "calendrier d'activité"})
		if len(entries) != 2 || entries[0].UserLabel != "Julien" {
			t.Errorf("audit entries = %+v, want the creation and Julien's update", entries)
		}
	})
}
