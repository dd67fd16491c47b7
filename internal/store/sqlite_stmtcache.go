package store

import (
	"context"
	"database/sql/driver"
	"reflect"
	"sync/atomic"

	"modernc.org/sqlite"
)

// The SQLite driver parses and plans every query it is handed as text, and a page runs a dozen reads or
// more: parsing was a fifth of the home page's time. cachedConn keeps each connection's prepared reads,
// keyed by their text, the way the PostgreSQL driver does on its side. The cache lives and dies with the
// connection, so it holds no state beyond what the database connection itself holds.

// stmtCacheSize bounds how many read statements one connection keeps; the application has a few hundred
// distinct reads at most, and a full cache simply prepares the rest each time.
const stmtCacheSize = 256

// sqliteConnector opens SQLite connections wrapped with a statement cache.
type sqliteConnector struct {
	dsn   string
	drv   *sqlite.Driver
	count *atomic.Int64 // statements run, see statement_count.go
}

// Connect opens a connection.
func (c sqliteConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &cachedConn{conn: conn, stmts: map[string]*cachedStmt{}, count: c.count}, nil
}

// Driver returns the underlying driver.
func (c sqliteConnector) Driver() driver.Driver { return c.drv }

// sqliteConn is what the SQLite driver's connection offers and database/sql uses.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// cachedConn is a connection with its prepared reads. database/sql never uses a connection from two
// goroutines at once, so the map needs no lock.
type cachedConn struct {
	conn  driver.Conn
	stmts map[string]*cachedStmt
	count *atomic.Int64
}

// cachedStmt is a prepared read; busy while its rows are open, since one statement steps one result at a
// time (a transaction may run the same read again inside a loop over its first result).
type cachedStmt struct {
	stmt driver.Stmt
	busy bool
}

func (c *cachedConn) inner() sqliteConn { return c.conn.(sqliteConn) }

// QueryContext runs a read through the connection's prepared statement for its text.
func (c *cachedConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	c.count.Add(1)
	cs := c.stmts[query]
	if cs == nil {
		if len(c.stmts) >= stmtCacheSize && !c.evictIdle() {
			return c.inner().QueryContext(ctx, query, args)
		}
		st, err := c.inner().PrepareContext(ctx, query)
		if err != nil {
			return nil, err
		}
		cs = &cachedStmt{stmt: st}
		c.stmts[query] = cs
	}
	if cs.busy {
		return c.inner().QueryContext(ctx, query, args)
	}
	rows, err := cs.stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	cs.busy = true
	return &cachedRows{Rows: rows, stmt: cs}, nil
}

// evictIdle closes one statement that no open result uses; false when all are in use.
func (c *cachedConn) evictIdle() bool {
	for q, cs := range c.stmts {
		if !cs.busy {
			_ = cs.stmt.Close()
			delete(c.stmts, q)
			return true
		}
	}
	return false
}

// Close finalises the cached statements, then closes the connection.
func (c *cachedConn) Close() error {
	for q, cs := range c.stmts {
		_ = cs.stmt.Close()
		delete(c.stmts, q)
	}
	return c.conn.Close()
}

// Prepare prepares a statement outside the cache.
func (c *cachedConn) Prepare(query string) (driver.Stmt, error) { return c.conn.Prepare(query) }

// Begin starts a transaction.
//
// Deprecated: database/sql calls BeginTx; this satisfies driver.Conn.
func (c *cachedConn) Begin() (driver.Tx, error) {
	return c.inner().BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx starts a transaction.
func (c *cachedConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.inner().BeginTx(ctx, opts)
}

// PrepareContext prepares a statement outside the cache: database/sql's own statements manage their life.
func (c *cachedConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.inner().PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return countedStmt{Stmt: st, count: c.count}, nil
}

// ExecContext runs a write; writes are rarer than reads and may be scripts, so they are not cached.
func (c *cachedConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	c.count.Add(1)
	return c.inner().ExecContext(ctx, query, args)
}

// Ping checks the connection.
func (c *cachedConn) Ping(ctx context.Context) error { return c.inner().Ping(ctx) }

// ResetSession prepares the connection for its next user.
func (c *cachedConn) ResetSession(ctx context.Context) error { return c.inner().ResetSession(ctx) }

// IsValid tells whether the connection may be reused.
func (c *cachedConn) IsValid() bool { return c.inner().IsValid() }

// cachedRows frees its statement for the next read when closed.
type cachedRows struct {
	driver.Rows
	stmt *cachedStmt
}

// Close resets the statement (the driver keeps it prepared) and marks it free.
func (r *cachedRows) Close() error {
	err := r.Rows.Close()
	r.stmt.busy = false
	return err
}

// ColumnTypeDatabaseTypeName forwards the column's declared type.
func (r *cachedRows) ColumnTypeDatabaseTypeName(i int) string {
	if t, ok := r.Rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return t.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

// ColumnTypeScanType forwards the column's Go type.
func (r *cachedRows) ColumnTypeScanType(i int) reflect.Type {
	if t, ok := r.Rows.(driver.RowsColumnTypeScanType); ok {
		return t.ColumnTypeScanType(i)
	}
	return reflect.TypeFor[any]()
}
