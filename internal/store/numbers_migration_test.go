package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestNumbersMigrationMovesValues writes rows as the schema held them before migration 0011 (floats, 0 for
// « nothing typed »), runs it, and reads them back through the store on both databases.
func TestNumbersMigrationMovesValues(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		s, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "old.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		checkNumbersMigration(t, s)
	})
	base := os.Getenv("BOUSSOLE_TEST_POSTGRES_URL")
	if base == "" {
		return
	}
	t.Run("postgres", func(t *testing.T) {
		own, err := storetest.OwnDatabase(base)
		if err != nil {
			t.Fatal(err)
		}
		// A schema of its own in the test database, so that the migrations can start from nothing.
		schema := fmt.Sprintf("numbers_migration_%d", time.Now().UnixNano())
		raw, err := sql.Open("pgx", own)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		if _, err := raw.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { raw.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE") })
		u, _ := url.Parse(own)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		s, err := store.Open(ctx, u.String(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		checkNumbersMigration(t, s)
	})
}

func checkNumbersMigration(t *testing.T, s *store.Store) {
	t.Helper()
	if err := s.MigrateBelow(ctx, 11); err != nil {
		t.Fatal(err)
	}
	f := newFrameworkFixtureUnmigrated(t, s)
	a, st, res := f.authority.ID, f.strategy.ID, f.result.ID
	now := time.Now()
	exec := func(q string, args ...any) int64 {
		t.Helper()
		var id int64
		if err := s.DB().QueryRowContext(ctx, q+" RETURNING id", args...).Scan(&id); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return id
	}
	noCost := exec("INSERT INTO activities (authority_id, strategy_id, result_id, title, cost_cents, created_at, updated_at) VALUES ($1, $2, $3, 'Sans coût', 0, $4, $4)", a, st, res, now)
	cost := exec("INSERT INTO activities (authority_id, strategy_id, result_id, title, cost_cents, created_at, updated_at) VALUES ($1, $2, $3, 'Chiffrée', 1250050, $4, $4)", a, st, res, now)
	ind := func(has bool, value float64, text string) int64 {
		return exec(`INSERT INTO indicators (authority_id, strategy_id, level_kind, level_id, title, has_baseline, baseline_value, baseline_text, created_at, updated_at)
			VALUES ($1, $2, 'resultat', $3, 'Indicateur', $4, $5, $6, $7, $7)`, a, st, res, has, value, text, now)
	}
	measured, nominal, none := ind(true, 1234.5, ""), ind(true, 0, "faible"), ind(false, 0, "")
	target := func(value float64, text string, y int) {
		exec("INSERT INTO indicator_targets (authority_id, indicator_id, target_date, value, text) VALUES ($1, $2, $3, $4, $5)", a, measured, time.Date(y, 6, 30, 0, 0, 0, 0, time.UTC), value, text)
	}
	target(0.1, "", 2027)
	target(-3.25, "", 2028)
	target(0, "élevé", 2029)
	target(1e15, "", 2030) // beyond what a value may hold now: dropped rather than read as another number
	target(0, "", 2031)    // a 0 typed as such stays
	if s.Dialect() == store.Postgres {
		exec("INSERT INTO indicator_targets (authority_id, indicator_id, target_date, value, text) VALUES ($1, $2, $3, 'NaN', ''), ($1, $2, $4, 'Infinity', '')",
			a, measured, time.Date(2032, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2032, 2, 1, 0, 0, 0, 0, time.UTC))
	}
	exec("INSERT INTO strategy_dimensions (authority_id, strategy_id, position, name, weight) VALUES ($1, $2, 1, 'Jumelages', 0)", a, st)
	exec("INSERT INTO strategy_dimensions (authority_id, strategy_id, position, name, weight) VALUES ($1, $2, 2, 'Réseaux', 40)", a, st)
	budget := func(cents int64) int64 {
		return exec(`INSERT INTO diagnostic_partnerships (authority_id, partner, country, kind, status, yearly_budget_cents, created_at, updated_at)
			VALUES ($1, 'Podor', 'SN', 'cooperation-decentralisee', 'active', $2, $3, $3)`, a, cents, now)
	}
	noBudget, someBudget := budget(0), budget(250000)

	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}

	if got, err := s.Activity(ctx, a, noCost); err != nil || got.CostCents != nil {
		t.Errorf("a cost of 0 (shown as an empty field) became %v, %v; want unknown", show(got.CostCents), err)
	}
	if got, err := s.Activity(ctx, a, cost); err != nil || got.CostCents == nil || *got.CostCents != 1250050 {
		t.Errorf("a cost of 12 500,50 € became %v, %v", show(got.CostCents), err)
	}
	list, err := s.Indicators(ctx, a, st)
	if err != nil || len(list) != 3 {
		t.Fatalf("indicators after the migration: %d, %v", len(list), err)
	}
	byID := map[int64]logframe.IndicatorRecord{}
	for _, in := range list {
		byID[in.ID] = in
	}
	if b := byID[measured].Baseline; b == nil || b.Value == nil || b.Value.String() != "1234.5" {
		t.Errorf("measured baseline = %+v, want 1234.5", b)
	}
	if b := byID[nominal].Baseline; b == nil || b.Value != nil || b.Text != "faible" {
		t.Errorf("text baseline = %+v, want its text and no value", b)
	}
	if byID[none].Baseline != nil {
		t.Errorf("no baseline became %+v", byID[none].Baseline)
	}
	want := []string{"0.1", "-3.25", "unknown", "unknown", "0"}
	if s.Dialect() == store.Postgres {
		want = append(want, "unknown", "unknown")
	}
	ts := byID[measured].Targets
	if len(ts) != len(want) {
		t.Fatalf("%d targets, want %d", len(ts), len(want))
	}
	for i, tg := range ts {
		got := "unknown"
		if tg.Value != nil {
			got = tg.Value.String()
		}
		if got != want[i] {
			t.Errorf("target %d (%s) = %s, want %s", i, tg.Date.ISO(), got, want[i])
		}
	}
	k, err := s.KeyElements(ctx, a, st)
	if err != nil || len(k.Dimensions) != 2 || k.Dimensions[0].Weight == nil || *k.Dimensions[0].Weight != 0 || *k.Dimensions[1].Weight != 40 {
		t.Errorf("weights after the migration: %+v, %v", k.Dimensions, err)
	}
	if p, err := s.Partnership(ctx, a, noBudget); err != nil || p.Partnership.YearlyBudgetCents != nil {
		t.Errorf("a budget of 0 (shown as an empty field) became %v, %v; want unknown", show(p.Partnership.YearlyBudgetCents), err)
	}
	if p, err := s.Partnership(ctx, a, someBudget); err != nil || p.Partnership.YearlyBudgetCents == nil || *p.Partnership.YearlyBudgetCents != 250000 {
		t.Errorf("a budget of 2 500 € became %v, %v", show(p.Partnership.YearlyBudgetCents), err)
	}
}

// newFrameworkFixtureUnmigrated creates an authority, a strategy, an objective and a result through the store,
// whose tables migration 0011 leaves alone.
func newFrameworkFixtureUnmigrated(t *testing.T, s *store.Store) frameworkFixture {
	t.Helper()
	// Rows written with SQL as the schema before 0011 holds them: the store's own writes follow the newest
	// schema, which later migrations change.
	a, _ := signUp(t, s, "Ville A", "a@a.fr")
	now := time.Now()
	insert := func(q string, args ...any) int64 {
		t.Helper()
		var id int64
		if err := s.DB().QueryRowContext(ctx, q+" RETURNING id", args...).Scan(&id); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return id
	}
	st := model.Strategy{AuthorityID: a.ID, Title: "Stratégie", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	st.ID = insert("INSERT INTO strategies (authority_id, title, term_start, term_end, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)",
		a.ID, st.Title, st.TermStart, st.TermEnd, string(st.Status), now)
	o := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: st.ID, SpecificObjective: logframe.SpecificObjective{Title: "Objectif"}}
	o.ID = insert("INSERT INTO objectives (authority_id, strategy_id, title, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)", a.ID, st.ID, o.Title, now)
	r := logframe.ResultRecord{AuthorityID: a.ID, StrategyID: st.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: "Résultat"}}
	r.ID = insert("INSERT INTO results (authority_id, strategy_id, objective_id, title, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
		a.ID, st.ID, o.ID, r.Title, now)
	return frameworkFixture{a, st, o, r}
}
