// Package store keeps Boussole's records in SQLite (embedded, the default) or PostgreSQL, with one SQL text
// for both wherever the two agree. Every query on an authority's data takes the authority's ID.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"boussole/internal/attachment"
	"boussole/internal/strategy"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver, registered as "pgx"
	"modernc.org/sqlite"               // pure-Go SQLite driver, wrapped with a statement cache
)

// Dialect names the database behind a Store.
type Dialect string

// The two databases Boussole runs on.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// ErrNotFound is returned when a record does not exist or belongs to another authority.
var ErrNotFound = errors.New("store: not found")

// ErrConflict is returned when a record changed since the version the writer read.
var ErrConflict = errors.New("store: the record was changed by someone else")

// ErrDuplicate is returned when a unique value (an email, an authority) is already taken.
var ErrDuplicate = errors.New("store: duplicate")

// Store is the database handle shared by every request.
type Store struct {
	db      *sql.DB
	dialect Dialect
	path    string   // SQLite file, for backups
	stmts   sync.Map // query text → *sql.Stmt, see prepared.go
	files   *attachment.Dir
	// statements counts the statements SQLite ran, for the tests and benchmarks that count a page's
	// queries (see statement_count.go); nil on PostgreSQL.
	statements *atomic.Int64
	// contribs writes the public form's contributions in groups, see consultation_contribution_writer.go.
	contribs *contributionWriter
	// afterPart, set only by tests, runs between the parts of ReadStrategy, to write while a read is open.
	afterPart func(strategy.Part)
}

// Open connects to PostgreSQL when url starts with postgres:// or postgresql://, and otherwise opens (and
// creates) the SQLite file boussole.db in dataDir. It does not migrate; call Migrate.
func Open(ctx context.Context, url, dataDir string) (*Store, error) {
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		s, err := openPostgres(ctx, url)
		if s != nil {
			s.files = attachment.NewDir(filepath.Join(dataDir, "attachments"))
		}
		return s, err
	}
	if url != "" {
		return nil, fmt.Errorf("store: adresse de base de données non reconnue (attendu : postgres://…) : %q", url)
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("store: unable to create data directory: %w", err)
	}
	return OpenSQLite(ctx, filepath.Join(dataDir, "boussole.db"))
}

// OpenSQLite opens an SQLite file with write-ahead logging, foreign keys and a busy timeout, and with
// write transactions that take the lock at BEGIN so that concurrent writers wait instead of failing.
func OpenSQLite(ctx context.Context, path string) (*Store, error) {
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)" +
		"&_pragma=synchronous(NORMAL)&_txlock=immediate"
	count := new(atomic.Int64)
	db := sql.OpenDB(sqliteConnector{dsn: dsn, drv: &sqlite.Driver{}, count: count})
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, dialect: SQLite, path: path, statements: count, files: attachment.NewDir(filepath.Join(filepath.Dir(path), "attachments")),
		contribs: newContributionWriter()}
	return s, s.Ping(ctx)
}

func openPostgres(ctx context.Context, url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("store: unable to open PostgreSQL: %w", err)
	}
	// As many idle as open: a burst that closes connections beyond the idle count pays PostgreSQL's
	// connection start and re-prepares the hot statements on the next burst.
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
	db.SetConnMaxLifetime(30 * time.Minute)
	s := &Store{db: db, dialect: Postgres, contribs: newContributionWriter()}
	return s, s.Ping(ctx)
}

// Dialect tells which database is behind the store.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("store: database unreachable: %w", err)
	}
	return nil
}

// Stats returns the connection pool's figures, for metrics.
func (s *Store) Stats() sql.DBStats { return s.db.Stats() }

// Close releases the prepared statements and the pool.
func (s *Store) Close() error {
	s.closeContributionWriter()
	s.closeStatements()
	return s.db.Close()
}

// querier is what *sql.DB and *sql.Tx share, so reads can run inside or outside a transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in a transaction, committing when it returns nil and rolling back otherwise, so that a
// failed form never leaves half its writes behind.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: unable to begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit: %w", err)
	}
	return nil
}

// isUniqueViolation recognises a unique constraint failure on either database.
func isUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") || strings.Contains(msg, "SQLSTATE 23505")
}

// nullDate turns the zero time into NULL and keeps only the calendar day otherwise.
func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// timeOf returns the zero time for NULL.
func timeOf(n sql.NullTime) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return n.Time.UTC()
}

// now is the clock the store stamps records with, in UTC and to the microsecond, so values read back
// compare equal on both databases.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
