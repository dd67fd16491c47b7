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

// BenchmarkDemoAFOMPage serves the demo authority's AFOM matrix (its workshop-sized list of items, the
// figure, the add form) to its officer, in process, beside a bare handler writing the same bytes, as
// BenchmarkHomePage does for the home page. BenchmarkDiagnosticPages measures the 500-item stress case.
func BenchmarkDemoAFOMPage(b *testing.B) {
	st := storetest.SQLite(b)
	if _, err := demo.Load(context.Background(), st); err != nil {
		b.Fatal(err)
	}
	app := newTestApp(b, st)
	c := app.client()
	if res := c.post("/connexion", url.Values{"email": {"agent@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
		b.Fatalf("sign-in: %d", res.status)
	}
	req := httptest.NewRequest(http.MethodGet, "/ct/"+demo.Slug+"/diagnostic/afom", nil)
	for _, ck := range c.sessionCookies() {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	app.app.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("afom: %d", rec.Code)
	}
	body := rec.Body.Bytes()
	bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(body)
	})
	for _, h := range []struct {
		name string
		h    http.Handler
	}{{"handler", app.app}, {"bare", bare}} {
		b.Run(h.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				h.h.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}
