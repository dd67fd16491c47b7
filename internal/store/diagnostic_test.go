package store_test

import (
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"boussole/internal/diagnostic"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// diagStrategy creates a strategy for the diagnostic tests.
func diagStrategy(t *testing.T, s *store.Store, authorityID int64) model.Strategy {
	t.Helper()
	st := model.Strategy{AuthorityID: authorityID, Title: "Stratégie", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	if err := s.CreateStrategy(ctx, store.Actor{}, &st, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return st
}

func addItem(t *testing.T, s *store.Store, st model.Strategy, q diagnostic.Quadrant, text string) diagnostic.ItemRecord {
	t.Helper()
	it := diagnostic.ItemRecord{AuthorityID: st.AuthorityID, StrategyID: st.ID,
		Item: diagnostic.Item{Quadrant: q, Scope: diagnostic.ScopeTerritory, Text: text, Weight: 2, ProposedBy: "Atelier"}}
	if err := s.CreateSWOTItem(ctx, store.Actor{}, &it); err != nil {
		t.Fatal(err)
	}
	return it
}

// texts lists the matrix as "quadrant:position:text" in display order.
func texts(t *testing.T, s *store.Store, st model.Strategy) []string {
	t.Helper()
	items, err := s.SWOTItems(ctx, st.AuthorityID, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, string(it.Item.Quadrant)+":"+strconv.Itoa(it.Item.Position)+":"+it.Item.Text)
	}
	return out
}

func TestSWOTMatrixOperations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		st := diagStrategy(t, s, a.ID)
		threat := addItem(t, s, st, diagnostic.Threats, "Baisse des dotations")
		f1 := addItem(t, s, st, diagnostic.Strengths, "Université")
		f2 := addItem(t, s, st, diagnostic.Strengths, "Diaspora")
		f3 := addItem(t, s, st, diagnostic.Strengths, "Port fluvial")
		want := []string{"forces:1:Université", "forces:2:Diaspora", "forces:3:Port fluvial", "menaces:1:Baisse des dotations"}
		if diff := cmp.Diff(want, texts(t, s, st)); diff != "" {
			t.Fatalf("matrix after creation (-want +got):\n%s", diff)
		}

		if err := s.MoveSWOTItem(ctx, store.Actor{}, a.ID, f3.ID, -1); err != nil {
			t.Fatal(err)
		}
		if err := s.MoveSWOTItem(ctx, store.Actor{}, a.ID, f1.ID, -1); err != nil { // already first: stays
			t.Fatal(err)
		}
		want = []string{"forces:1:Université", "forces:2:Port fluvial", "forces:3:Diaspora", "menaces:1:Baisse des dotations"}
		if diff := cmp.Diff(want, texts(t, s, st)); diff != "" {
			t.Fatalf("matrix after moves (-want +got):\n%s", diff)
		}

		// An edit from a stale form is refused; moving did not change the version.
		stale := f2
		f2.Item.Text, f2.Item.Quadrant = "Diaspora sénégalaise active", diagnostic.Opportunities
		if err := s.UpdateSWOTItem(ctx, store.Actor{}, &f2); err != nil {
			t.Fatal(err)
		}
		stale.Item.Text = "Autre"
		if err := s.UpdateSWOTItem(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale update: err = %v, want ErrConflict", err)
		}
		want = []string{"forces:1:Université", "forces:2:Port fluvial", "opportunites:1:Diaspora sénégalaise active", "menaces:1:Baisse des dotations"}
		if diff := cmp.Diff(want, texts(t, s, st)); diff != "" {
			t.Fatalf("matrix after change of quadrant (-want +got):\n%s", diff)
		}

		// Merging across quadrants is refused; within one it keeps both texts.
		got, _ := s.SWOTItem(ctx, a.ID, f1.ID)
		if _, err := s.MergeSWOTItems(ctx, store.Actor{}, a.ID, f1.ID, got.Version, threat.ID, threat.Version); !errors.Is(err, diagnostic.ErrMergeQuadrant) {
			t.Fatalf("merge across quadrants: err = %v", err)
		}
		if _, err := s.MergeSWOTItems(ctx, store.Actor{}, a.ID, f1.ID, got.Version+5, f3.ID, f3.Version); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("merge with a stale version: err = %v", err)
		}
		merged, err := s.MergeSWOTItems(ctx, store.Actor{}, a.ID, f1.ID, got.Version, f3.ID, f3.Version)
		if err != nil {
			t.Fatal(err)
		}
		if merged.Item.Text != "Université\nPort fluvial" || merged.Version != got.Version+1 {
			t.Errorf("merged item = %+v", merged)
		}
		if _, err := s.SWOTItem(ctx, a.ID, f3.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("merged-away item still there: %v", err)
		}

		// Deleting closes the gap.
		x := addItem(t, s, st, diagnostic.Threats, "Départ du chargé de mission")
		if err := s.DeleteSWOTItem(ctx, store.Actor{}, a.ID, threat.ID, threat.Version+1); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale delete: err = %v", err)
		}
		if err := s.DeleteSWOTItem(ctx, store.Actor{}, a.ID, threat.ID, threat.Version); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SWOTItem(ctx, a.ID, x.ID); got.Item.Position != 1 {
			t.Errorf("position after deletion = %d, want 1", got.Item.Position)
		}
		entries, _ := s.AuditLog(ctx, a.ID, model.AuditFilter{Entity: "élément AFOM"})
		if len(entries) < 8 {
			t.Errorf("audit entries for the matrix: %d", len(entries))
		}
	})
}

func TestDiagnosticRecordsAreScopedToTheAuthority(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		stA := diagStrategy(t, s, a.ID)
		item := addItem(t, s, stA, diagnostic.Strengths, "Université")
		p := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: samplePartnership()}
		if err := s.CreatePartnership(ctx, store.Actor{}, &p); err != nil {
			t.Fatal(err)
		}
		sess := diagnostic.SessionRecord{AuthorityID: a.ID, StrategyID: stA.ID, Session: sampleSession()}
		if err := s.CreateAwarenessSession(ctx, store.Actor{}, &sess); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SWOTItem(ctx, b.ID, item.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B reads A's item: %v", err)
		}
		if items, _ := s.SWOTItems(ctx, b.ID, stA.ID); len(items) != 0 {
			t.Errorf("B lists A's matrix")
		}
		if err := s.MoveSWOTItem(ctx, store.Actor{}, b.ID, item.ID, 1); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B moves A's item: %v", err)
		}
		if err := s.DeleteSWOTItem(ctx, store.Actor{}, b.ID, item.ID, item.Version); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B deletes A's item: %v", err)
		}
		intruder := diagnostic.ItemRecord{AuthorityID: b.ID, StrategyID: stA.ID, Item: item.Item}
		if err := s.CreateSWOTItem(ctx, store.Actor{}, &intruder); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B adds to A's strategy: %v", err)
		}
		if _, err := s.Partnership(ctx, b.ID, p.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B reads A's partnership: %v", err)
		}
		if err := s.DeletePartnership(ctx, store.Actor{}, b.ID, p.ID, p.Version); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B deletes A's partnership: %v", err)
		}
		if list, _ := s.Partnerships(ctx, b.ID); len(list) != 0 {
			t.Errorf("B lists A's partnerships")
		}
		if _, err := s.AwarenessSession(ctx, b.ID, sess.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B reads A's session: %v", err)
		}
		if list, _ := s.AwarenessSessions(ctx, b.ID, stA.ID); len(list) != 0 {
			t.Errorf("B lists A's sessions")
		}
		if err := s.SaveArgument(ctx, store.Actor{}, &diagnostic.ArgumentRecord{AuthorityID: b.ID, StrategyID: stA.ID}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B writes A's argument: %v", err)
		}
		if err := s.SaveAssessment(ctx, store.Actor{}, &diagnostic.AssessmentRecord{AuthorityID: b.ID, StrategyID: stA.ID}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B writes A's assessment: %v", err)
		}
	})
}

func diagDay(y int, m time.Month, d int) partialdate.Date { return partialdate.Of(y, m, d) }

func samplePartnership() diagnostic.Partnership {
	return diagnostic.Partnership{
		Partner: "Commune de Podor", Countries: []string{"SN"}, Kind: diagnostic.KindDecentralised, Status: diagnostic.StatusActive, StartYear: 2004,
		Agreement: diagnostic.Agreement{Signed: diagDay(2019, 5, 2), Start: diagDay(2019, 6, 1), End: diagDay(2025, 5, 31), DeliberationRef: "DEL-2019-042"},
		Themes:    []string{"Eau et assainissement", "Jeunesse"}, Services: []string{"Direction de l'eau"}, LocalActors: []string{"Lycée agricole"},
		YearlyBudgetCents: new(int64(1_500_000)),
		Review: diagnostic.Review{Results: "Trois forages", Functioning: "Comité annuel", OurGain: "Expertise", PartnerGain: "Accès à l'eau",
			Decision: diagnostic.DecisionRefocus, Reason: "Recentrer sur l'assainissement"},
	}
}

func TestPartnershipRoundTripAndConcurrency(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		p := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: samplePartnership()}
		if err := s.CreatePartnership(ctx, store.Actor{}, &p); err != nil {
			t.Fatal(err)
		}
		got, err := s.Partnership(ctx, a.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(p.Partnership, got.Partnership); diff != "" {
			t.Errorf("round trip (-stored +read):\n%s", diff)
		}
		// Unknown dates stay unknown.
		first, second := got, got
		first.Partnership.Agreement = diagnostic.Agreement{}
		first.Partnership.Themes = nil
		if err := s.UpdatePartnership(ctx, store.Actor{}, &first); err != nil {
			t.Fatal(err)
		}
		again, _ := s.Partnership(ctx, a.ID, p.ID)
		if !again.Partnership.Agreement.IsZero() || again.Partnership.Themes != nil || again.Version != 2 {
			t.Errorf("after clearing: %+v", again)
		}
		second.Partnership.Partner = "Autre"
		if err := s.UpdatePartnership(ctx, store.Actor{}, &second); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale update: %v", err)
		}
		if err := s.DeletePartnership(ctx, store.Actor{}, a.ID, p.ID, 1); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale delete: %v", err)
		}
		if err := s.DeletePartnership(ctx, store.Actor{}, a.ID, p.ID, 2); err != nil {
			t.Fatal(err)
		}
		if list, _ := s.Partnerships(ctx, a.ID); len(list) != 0 {
			t.Errorf("deleted partnership still listed")
		}
	})
}

func sampleSession() diagnostic.Session {
	return diagnostic.Session{Date: diagDay(2026, 2, 12), Title: "Séminaire des directeurs", Format: diagnostic.FormatSeminar,
		Audiences: []diagnostic.Audience{diagnostic.AudienceServices, diagnostic.AudienceElected},
		Attendees: []diagnostic.Attendee{{Name: "Julien Morel", Service: "Eau"}, {Name: "Hélène Marchand"}}, Outcomes: "Deux référents désignés."}
}

func TestAwarenessSessionsKeepTheirAttendees(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		st := diagStrategy(t, s, a.ID)
		older := diagnostic.SessionRecord{AuthorityID: a.ID, StrategyID: st.ID, Session: sampleSession()}
		older.Session.Date = diagDay(2026, 1, 20)
		older.Session.Attendees = nil
		rec := diagnostic.SessionRecord{AuthorityID: a.ID, StrategyID: st.ID, Session: sampleSession()}
		for _, r := range []*diagnostic.SessionRecord{&older, &rec} {
			if err := s.CreateAwarenessSession(ctx, store.Actor{}, r); err != nil {
				t.Fatal(err)
			}
		}
		list, err := s.AwarenessSessions(ctx, a.ID, st.ID)
		if err != nil || len(list) != 2 {
			t.Fatalf("sessions = %d, %v", len(list), err)
		}
		if list[0].ID != rec.ID || list[1].Session.Attendees != nil {
			t.Errorf("order or attendees wrong: %+v", list)
		}
		if diff := cmp.Diff(rec.Session, list[0].Session); diff != "" {
			t.Errorf("round trip (-stored +read):\n%s", diff)
		}
		stale := rec
		rec.Session.Attendees = rec.Session.Attendees[:1]
		if err := s.UpdateAwarenessSession(ctx, store.Actor{}, &rec); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateAwarenessSession(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale update: %v", err)
		}
		got, _ := s.AwarenessSession(ctx, a.ID, rec.ID)
		if len(got.Session.Attendees) != 1 {
			t.Errorf("attendees after update: %+v", got.Session.Attendees)
		}
		if err := s.DeleteAwarenessSession(ctx, store.Actor{}, a.ID, rec.ID, rec.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AwarenessSession(ctx, a.ID, rec.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("deleted session: %v", err)
		}
	})
}

func TestSingletonsSaveOnceThenByVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		st := diagStrategy(t, s, a.ID)

		arg, err := s.Argument(ctx, a.ID, st.ID)
		if err != nil || arg.Version != 0 {
			t.Fatalf("fresh argument: %+v, %v", arg, err)
		}
		arg.Input = diagnostic.ArgumentInput{Authority: "Ville A", Stakes: []string{"atouts.jeunes", "global.odd"},
			Notes: map[string]string{"global.odd": "Agenda 2030 voté"}, LocalFacts: []string{"152 400 habitants"}}
		stale := arg
		if err := s.SaveArgument(ctx, store.Actor{}, &arg); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveArgument(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("second first save: %v", err)
		}
		got, _ := s.Argument(ctx, a.ID, st.ID)
		if diff := cmp.Diff(arg.Input, got.Input); diff != "" || got.Version != 1 {
			t.Errorf("argument round trip (-saved +read):\n%s", diff)
		}

		as := diagnostic.AssessmentRecord{AuthorityID: a.ID, StrategyID: st.ID, ConditionsMet: []string{"portage-politique"},
			Principles: []diagnostic.PrincipleAssessment{{Principle: "ciblage", Rating: diagnostic.RatingPartly, Comment: "À revoir"}}}
		if err := s.SaveAssessment(ctx, store.Actor{}, &as); err != nil {
			t.Fatal(err)
		}
		as.ConditionsMet = append(as.ConditionsMet, "diagnostic")
		if err := s.SaveAssessment(ctx, store.Actor{}, &as); err != nil {
			t.Fatal(err)
		}
		gotA, _ := s.Assessment(ctx, a.ID, st.ID)
		if diff := cmp.Diff(as.Principles, gotA.Principles); diff != "" || len(gotA.ConditionsMet) != 2 || gotA.Version != 2 {
			t.Errorf("assessment round trip: %+v (%s)", gotA, diff)
		}

		l := diagnostic.ServiceListRecord{AuthorityID: a.ID, Services: []string{"Eau", " Culture ", ""}}
		if err := s.SaveServiceList(ctx, store.Actor{}, &l); err != nil {
			t.Fatal(err)
		}
		old := l
		old.Version = 0
		if err := s.SaveServiceList(ctx, store.Actor{}, &old); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale service list: %v", err)
		}
		gotL, _ := s.ServiceList(ctx, a.ID)
		if diff := cmp.Diff([]string{"Eau", "Culture"}, gotL.Services); diff != "" {
			t.Errorf("services (-want +got):\n%s", diff)
		}
	})
}
