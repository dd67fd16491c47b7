package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// rowScanner is what a scan function reads from: one *sql.Row or the current row of *sql.Rows, so that
// one scan function per record serves both a list and a single read.
type rowScanner = interface{ Scan(...any) error }

// queryAll runs a query and scans every row.
func queryAll[T any](ctx context.Context, q querier, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: query failed: %w", err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read a row: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// queryOne runs a query for one row; no row is ErrNotFound.
func queryOne[T any](ctx context.Context, q querier, scan func(rowScanner) (T, error), query string, args ...any) (T, error) {
	v, err := scan(q.QueryRowContext(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return v, ErrNotFound
	}
	return v, err
}

// scanInto returns a scan function for a record read column by column into the fields fields names, for
// the short reads that need no scan function of their own.
func scanInto[T any](fields func(*T) []any) func(rowScanner) (T, error) {
	return func(row rowScanner) (T, error) {
		var v T
		err := row.Scan(fields(&v)...)
		return v, err
	}
}

// scanColumn reads a row of one column, for the lists of IDs, codes or texts.
func scanColumn[T any](row rowScanner) (T, error) {
	var v T
	err := row.Scan(&v)
	return v, err
}
