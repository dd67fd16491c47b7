package web

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"boussole/internal/store/storetest"
)

// BenchmarkStakeholderList serves the first page of the stakeholder list (50 rows) for an authority of
// 400 and of 4,000 actors: the page costs what it shows, so the two should cost about the same. "handler"
// is the page as served (kept while nothing changed), "rendered" the page rendered on every request.
func BenchmarkStakeholderList(b *testing.B) {
	for _, n := range []int{400, 4000} {
		st := storetest.SQLite(b)
		app := newTestApp(b, st)
		a := app.workspace("Ville Bench")
		benchMap(b, st, a.ID, n, n)
		cookies := app.signIn("agent@ville-bench.test").sessionCookies()
		req := httptest.NewRequest(http.MethodGet, "/ct/"+a.Slug+"/acteurs", nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		app.app.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("list: %d", rec.Code)
		}
		body := rec.Body.Bytes()
		bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(body)
		})
		for _, h := range []struct {
			name     string
			h        http.Handler
			cacheOff bool
		}{{"handler", app.app, false}, {"rendered", app.app, true}, {"bare", bare, false}} {
			b.Run(strconv.Itoa(n)+"/"+h.name, func(b *testing.B) {
				app.app.ReusePages(!h.cacheOff)
				defer app.app.ReusePages(true)
				b.SetBytes(int64(len(body)))
				b.ReportAllocs()
				for b.Loop() {
					h.h.ServeHTTP(httptest.NewRecorder(), req)
				}
			})
		}
	}
}
