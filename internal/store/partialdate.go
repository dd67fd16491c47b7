package store

import (
	"database/sql"
	"strings"

	"boussole/internal/partialdate"
)

// Dates known to the year, the month or the day are stored as their ISO text (« 1962 », « 2020-12 »,
// « 2020-12-15 »), which sorts in date order on both databases; an unknown date is NULL, or '' in a
// NOT NULL column.

// nullPartial is the value stored for d.
func nullPartial(d partialdate.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.ISO()
}

// partialOf reads a stored date; what cannot be read (it can only come from outside the application) is
// unknown rather than an error on every page that lists it.
func partialOf(n sql.NullString) partialdate.Date {
	d, _ := partialdate.ParseISO(n.String)
	return d
}

// joinCodes and splitCodes store a list of country codes as one space-separated column.
func joinCodes(codes []string) string { return strings.Join(codes, " ") }

func splitCodes(s string) []string {
	if codes := strings.Fields(s); len(codes) > 0 {
		return codes
	}
	return nil // as the other lists read back: none is nil
}
