package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/store/storetest"
)

// BenchmarkHomePage serves the demo authority's home page (tracker, framework and diagnostic blocks)
// through the real handler, in process, beside a bare handler writing the same bytes; allocations per
// request are the steadiest figure on a shared machine. bench/pages measures it under load.
// "handler" is the page as served (rendered once per change of the authority, then reused, see
// pagecache.go); "rendered" is the page rendered on every request, with the reuse turned off.
func BenchmarkHomePage(b *testing.B) { benchDemoPage(b, "/") }

// BenchmarkAFOMPage serves the demo's AFOM matrix (its figure, items and links) the same way.
func BenchmarkAFOMPage(b *testing.B) { benchDemoPage(b, "/diagnostic/afom") }

func benchDemoPage(b *testing.B, path string) {
	st := storetest.SQLite(b)
	if _, err := demo.Load(context.Background(), st); err != nil {
		b.Fatal(err)
	}
	app := newTestApp(b, st)
	c := app.client()
	if res := c.post("/connexion", url.Values{"email": {"agent@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
		b.Fatalf("sign-in: %d", res.status)
	}
	req := httptest.NewRequest(http.MethodGet, "/ct/"+demo.Slug+path, nil)
	for _, ck := range c.sessionCookies() {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	app.app.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("%s: %d", path, rec.Code)
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
		b.Run(h.name, func(b *testing.B) {
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
