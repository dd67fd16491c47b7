package store_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestPartialDatesRoundTripAndOrder stores dates known to the year, the month and the day on both
// databases, reads them back at their precision and lists sessions in date order.
func TestPartialDatesRoundTripAndOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		st := diagStrategy(t, s, a.ID)
		p := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: samplePartnership()}
		p.Partnership.Kind, p.Partnership.Countries = diagnostic.KindCrossBorder, []string{"FR", "DE", "CH"}
		p.Partnership.Agreement.Signed, p.Partnership.Agreement.Start = partialdate.OfYear(1962), partialdate.OfMonth(2020, 12)
		if err := s.CreatePartnership(ctx, store.Actor{}, &p); err != nil {
			t.Fatal(err)
		}
		net := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: diagnostic.Partnership{Partner: "Cités Unies France", Kind: diagnostic.KindNetwork, Status: diagnostic.StatusActive}}
		if err := s.CreatePartnership(ctx, store.Actor{}, &net); err != nil {
			t.Fatal(err)
		}
		got, err := s.Partnership(ctx, a.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ag := got.Partnership.Agreement; ag.Signed != partialdate.OfYear(1962) || ag.Start != partialdate.OfMonth(2020, 12) ||
			ag.End != partialdate.Of(2025, 5, 31) || !slices.Equal(got.Partnership.Countries, []string{"FR", "DE", "CH"}) {
			t.Errorf("read back %+v", got.Partnership)
		}
		if got, _ := s.Partnership(ctx, a.ID, net.ID); got.Partnership.Countries != nil || !got.Partnership.Agreement.IsZero() {
			t.Errorf("network read back %+v", got.Partnership)
		}

		dates := []partialdate.Date{partialdate.OfYear(2026), partialdate.OfMonth(2026, 3), partialdate.Of(2026, 3, 15), partialdate.OfMonth(2025, 12)}
		for i, d := range dates {
			rec := diagnostic.SessionRecord{AuthorityID: a.ID, StrategyID: st.ID, Session: sampleSession()}
			rec.Session.Date, rec.Session.Title = d, "Séance "+strconv.Itoa(i)
			if err := s.CreateAwarenessSession(ctx, store.Actor{}, &rec); err != nil {
				t.Fatal(err)
			}
		}
		list, err := s.AwarenessSessions(ctx, a.ID, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, x := range list {
			order = append(order, x.Session.Date.ISO())
		}
		if want := []string{"2026-03-15", "2026-03", "2026", "2025-12"}; !slices.Equal(order, want) {
			t.Errorf("sessions in order %v, want %v (latest first)", order, want)
		}
	})
}

// TestMigration0016KeepsDaysAndMovesTheCountry writes rows as the schema held them before migration 0016
// (DATE columns written by the drivers, one country), migrates, and reads them back.
func TestMigration0016KeepsDaysAndMovesTheCountry(t *testing.T) {
	run := func(t *testing.T, s *store.Store) {
		if err := s.MigrateBefore(ctx, 16); err != nil {
			t.Fatal(err)
		}
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		st := diagStrategy(t, s, a.ID)
		day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
		now := time.Now().UTC()
		if err := s.ExecRaw(ctx, `INSERT INTO diagnostic_partnerships (authority_id, partner, country, kind, status, start_year, agreement_signed,
			agreement_start, created_at, updated_at) VALUES ($1, 'Podor', 'sn', 'jumelage', 'active', 2004, $2, NULL, $3, $3)`, a.ID, day(1972, 6, 18), now); err != nil {
			t.Fatal(err)
		}
		if err := s.ExecRaw(ctx, `INSERT INTO diagnostic_sessions (authority_id, strategy_id, held_on, title, format, created_at, updated_at)
			VALUES ($1, $2, $3, 'Séance', 'reunion', $4, $4)`, a.ID, st.ID, day(2026, 3, 10), now); err != nil {
			t.Fatal(err)
		}
		if err := s.ExecRaw(ctx, `INSERT INTO milestones (authority_id, strategy_id, kind, title, on_date, created_at, updated_at)
			VALUES ($1, $2, 'deliberation', 'Délibération', $3, $4, $4)`, a.ID, st.ID, day(2026, 11, 20), now); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		ps, err := s.Partnerships(ctx, a.ID)
		if err != nil || len(ps) != 1 {
			t.Fatalf("%d partnerships: %v", len(ps), err)
		}
		if p := ps[0].Partnership; !slices.Equal(p.Countries, []string{"SN"}) || p.Agreement.Signed != partialdate.Of(1972, 6, 18) || !p.Agreement.Start.IsZero() {
			t.Errorf("partnership after the migration: %+v", p)
		}
		ss, err := s.AwarenessSessions(ctx, a.ID, st.ID)
		if err != nil || len(ss) != 1 || ss[0].Session.Date != partialdate.Of(2026, 3, 10) {
			t.Errorf("sessions after the migration: %+v, %v", ss, err)
		}
		ms, err := s.Milestones(ctx, a.ID, st.ID)
		if err != nil || len(ms) != 1 || ms[0].Date != partialdate.Of(2026, 11, 20) {
			t.Errorf("milestones after the migration: %+v, %v", ms, err)
		}
	}
	t.Run("sqlite", func(t *testing.T) {
		s, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "old.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		run(t, s)
	})
	t.Run("postgres", func(t *testing.T) {
		url := os.Getenv("BOUSSOLE_TEST_POSTGRES_URL")
		if url == "" {
			t.Skip("set BOUSSOLE_TEST_POSTGRES_URL to run it on PostgreSQL")
		}
		own, err := storetest.OwnDatabase(url)
		if err != nil {
			t.Fatal(err)
		}
		// A schema of its own, so the half-migrated tables never meet the other tests'.
		schema := "m0016_" + strconv.Itoa(os.Getpid())
		base, err := store.Open(context.Background(), own, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer base.Close()
		if err := base.ExecRaw(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatal(err)
		}
		defer base.ExecRaw(context.WithoutCancel(ctx), "DROP SCHEMA "+schema+" CASCADE")
		s, err := store.Open(ctx, withSearchPath(own, schema), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		run(t, s)
	})
}

func withSearchPath(url, schema string) string {
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + "search_path=" + schema
}
