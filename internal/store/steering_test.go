package store_test

import (
	"errors"
	"testing"
	"time"

	"boussole/internal/communication"
	"boussole/internal/stakeholder"
	"boussole/internal/steering"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func TestMeetingsWithAttendeesAndScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		var ids []int64
		for _, n := range []string{"Lycée Jean Moulin", "Association Sahel", "Chambre de commerce"} {
			sh := stakeholder.Stakeholder{Name: n, Kind: stakeholder.KindUniversity}
			must(t, s.CreateStakeholder(ctx, store.Actor{}, a.ID, &sh))
			ids = append(ids, sh.ID)
		}
		other := stakeholder.Stakeholder{Name: "Ailleurs", Kind: stakeholder.KindUniversity}
		must(t, s.CreateStakeholder(ctx, store.Actor{}, b.ID, &other))
		m := steering.Meeting{AuthorityID: a.ID, Kind: steering.Committee, Title: "Comité 2027", Date: time.Date(2027, 6, 24, 0, 0, 0, 0, time.UTC),
			Place: "Salle du conseil", Online: true, Decisions: "Lancer FICOL", Invited: []int64{ids[0], ids[1]}, Attended: []int64{ids[1], ids[2]}}
		must(t, s.SaveMeeting(ctx, store.Actor{}, &m))
		got, err := s.Meeting(ctx, a.ID, m.ID)
		must(t, err)
		if len(got.Invited) != 2 || len(got.Attended) != 2 || !got.Online || !got.Date.Equal(m.Date) || got.Decisions != "Lancer FICOL" {
			t.Errorf("read back: %+v", got)
		}
		stale := got
		got.Minutes = "Compte rendu"
		got.Attended = []int64{ids[0]}
		must(t, s.SaveMeeting(ctx, store.Actor{}, &got))
		if err := s.SaveMeeting(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale: %v", err)
		}
		again, _ := s.Meeting(ctx, a.ID, m.ID)
		if len(again.Attended) != 1 || again.Attended[0] != ids[0] || again.Minutes != "Compte rendu" {
			t.Errorf("after update: %+v", again)
		}
		intruder := steering.Meeting{AuthorityID: a.ID, Kind: steering.Cafe, Title: "Café", Date: m.Date, Invited: []int64{other.ID}}
		if err := s.SaveMeeting(ctx, store.Actor{}, &intruder); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority's stakeholder invited: %v", err)
		}
		if list, _ := s.Meetings(ctx, a.ID); len(list) != 1 {
			t.Errorf("the refused meeting was half written: %d meetings", len(list))
		}
		if _, err := s.Meeting(ctx, b.ID, m.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority reads the meeting: %v", err)
		}
		must(t, s.DeleteMeeting(ctx, store.Actor{}, a.ID, m.ID))
		if err := s.DeleteMeeting(ctx, store.Actor{}, a.ID, m.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
	})
}

func TestCommunicationPlan(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		act := communication.Action{AuthorityID: a.ID, Kind: communication.ThematicCafe, Title: "Café Sénégal", Start: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC),
			Owner: "Mission RI", Audience: "Agents"}
		must(t, s.SaveCommunicationAction(ctx, store.Actor{}, &act))
		stale := act
		act.Done, act.End = true, time.Date(2027, 3, 2, 0, 0, 0, 0, time.UTC)
		must(t, s.SaveCommunicationAction(ctx, store.Actor{}, &act))
		if err := s.SaveCommunicationAction(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale: %v", err)
		}
		got, err := s.CommunicationAction(ctx, a.ID, act.ID)
		must(t, err)
		if !got.Done || !got.End.Equal(act.End) || got.Owner != "Mission RI" {
			t.Errorf("read back: %+v", got)
		}
		if _, err := s.CommunicationAction(ctx, b.ID, act.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority reads it: %v", err)
		}
		if err := s.DeleteCommunicationAction(ctx, store.Actor{}, b.ID, act.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority deletes it: %v", err)
		}
		must(t, s.DeleteCommunicationAction(ctx, store.Actor{}, a.ID, act.ID))
	})
}
