package store

import (
	"context"
	"database/sql/driver"
	"sync/atomic"
)

// Statements returns how many SQL statements the store has run since it was opened, on SQLite, where the
// store owns the connections; -1 on PostgreSQL. Tests and benchmarks take the difference around one page
// to count its queries: the same SQL runs on both databases, so the count holds for both.
func (s *Store) Statements() int64 {
	if s.statements == nil {
		return -1
	}
	return s.statements.Load()
}

// countedStmt is a statement prepared by database/sql (the store's hot reads, see prepared.go) that
// counts its runs.
type countedStmt struct {
	driver.Stmt
	count *atomic.Int64
}

func (s countedStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	s.count.Add(1)
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s countedStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	s.count.Add(1)
	return s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
}
