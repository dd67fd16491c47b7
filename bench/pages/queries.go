package main

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"boussole/internal/store"
	"boussole/internal/web"
)

// countQueries counts the SQL statements of one request for path, rendered (reuse off), then kept (the
// same request again with reuse on). The store counts on SQLite only; on PostgreSQL it says so. Turning
// reuse off and on drops the kept pages: the next measure's warm-up renders its page again.
func countQueries(st *store.Store, srv *web.Server, base string, cookie *http.Cookie, path string, rendered bool) string {
	if st.Statements() < 0 {
		return "(comptées sur SQLite)"
	}
	one := func() int64 {
		before := st.Statements()
		get(base, cookie, path)
		return st.Statements() - before
	}
	srv.ReusePages(false)
	r := one()
	if rendered {
		return strconv.FormatInt(r, 10) + " / –"
	}
	srv.ReusePages(true)
	one() // renders and keeps
	return strconv.FormatInt(r, 10) + " / " + strconv.FormatInt(one(), 10)
}

// summary gives the ratios' minimum, median and maximum.
func summary(ratios []float64) string {
	if len(ratios) == 0 {
		return "aucune page mesurée"
	}
	s := slices.Clone(ratios)
	slices.Sort(s)
	return fmt.Sprintf("%d pages : rapport au handler nu min %.2f, médiane %.2f, max %.2f", len(s), s[0], s[len(s)/2], s[len(s)-1])
}
