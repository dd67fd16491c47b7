package main

import (
	"fmt"
	"net/http"
	"time"

	"boussole/bench/benchapp"
	"boussole/bench/loadgen"
)

// row is one page's measure beside its bare handler.
type row struct {
	page      page
	app, bare loadgen.Result
	ratio     float64
	queries   string // statements of one request, rendered / kept
}

// measure loads the page after a short warm-up, then a bare handler writing its captured bytes and
// headers, with the same connections and duration.
func measure(app string, cookie *http.Cookie, p page, conns int, d time.Duration) row {
	bareURL, stop := benchapp.Serve(loadgen.Bare(p.body, p.header))
	defer stop()
	loadgen.Run(app+p.path, cookie, conns, d/4)
	r := row{page: p}
	r.app = loadgen.Run(app+p.path, cookie, conns, d)
	r.bare = loadgen.Run(bareURL+p.path, nil, conns, d)
	if r.bare.PerSecond > 0 {
		r.ratio = r.app.PerSecond / r.bare.PerSecond
	}
	return r
}

func (r row) markdown() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }
	errs := ""
	if r.app.Errors > 0 {
		errs = fmt.Sprintf(" (%d erreurs)", r.app.Errors)
	}
	return fmt.Sprintf("| `%s` | %d | %s | %.0f req/s%s | %s | %s | %.0f req/s | %s | %s | **%.2f** |", r.page.path, len(r.page.body),
		r.queries, r.app.PerSecond, errs, ms(r.app.P50), ms(r.app.P99), r.bare.PerSecond, ms(r.bare.P50), ms(r.bare.P99), r.ratio)
}
