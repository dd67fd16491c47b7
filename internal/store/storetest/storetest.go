// Package storetest runs storage tests on every database Boussole supports: a fresh SQLite file always,
// and the PostgreSQL server named by BOUSSOLE_TEST_POSTGRES_URL when it is set (required when CI is set).
package storetest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"boussole/internal/store"
)

// pgMu serialises tests that share the one PostgreSQL test database, since each starts by emptying it.
var pgMu sync.Mutex

// Each runs fn once per available database, as subtests named "sqlite" and "postgres", each on a migrated,
// empty database.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	url := os.Getenv("BOUSSOLE_TEST_POSTGRES_URL")
	if url == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("BOUSSOLE_TEST_POSTGRES_URL must be set in CI: the PostgreSQL suite is not optional there")
		}
		t.Log("PostgreSQL suite skipped: set BOUSSOLE_TEST_POSTGRES_URL to run it")
		return
	}
	t.Run("postgres", func(t *testing.T) {
		pgMu.Lock()
		defer pgMu.Unlock()
		own, err := OwnDatabase(url)
		if err != nil {
			t.Fatalf("PostgreSQL test database: %v", err)
		}
		fn(t, Postgres(t, own))
	})
}

// SQLite returns a migrated store on a new file in the test's temporary directory.
func SQLite(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// Postgres returns a migrated store on the test server with every table emptied.
func Postgres(t testing.TB, url string) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, url, t.TempDir())
	if err != nil {
		t.Fatalf("PostgreSQL unreachable at BOUSSOLE_TEST_POSTGRES_URL: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.TruncateAll(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}
