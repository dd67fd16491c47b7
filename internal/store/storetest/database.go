package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// go test runs test packages in parallel processes; each gets a database of its own on the server named
// by BOUSSOLE_TEST_POSTGRES_URL, so that one package emptying its tables never disturbs another.
var (
	dbOnce sync.Once
	dbURL  string
	dbName string
	dbErr  error
)

// OwnDatabase returns the URL of this test process's database on the server at base, creating it on
// first use.
func OwnDatabase(base string) (string, error) {
	dbOnce.Do(func() { dbURL, dbName, dbErr = createDatabase(base) })
	return dbURL, dbErr
}

func createDatabase(base string) (string, string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", "", err
	}
	pkg := strings.TrimSuffix(filepath.Base(os.Args[0]), ".test")
	name := fmt.Sprintf("boussole_test_%s_%d", sanitize(pkg), os.Getpid())
	db, err := sql.Open("pgx", base)
	if err != nil {
		return "", "", err
	}
	defer db.Close()
	if _, err := db.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		return "", "", fmt.Errorf("unable to create %s (the role needs CREATEDB): %w", name, err)
	}
	u.Path = "/" + name
	return u.String(), name, nil
}

func sanitize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// Main runs a package's tests, then drops the PostgreSQL database they created, if any. Call it from
// TestMain: os.Exit(storetest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if dbName != "" {
		if db, err := sql.Open("pgx", os.Getenv("BOUSSOLE_TEST_POSTGRES_URL")); err == nil {
			if _, err := db.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+dbName+" WITH (FORCE)"); err != nil {
				fmt.Fprintln(os.Stderr, "storetest:", err)
			}
			db.Close()
		}
	}
	return code
}
