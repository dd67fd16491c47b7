package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"boussole/internal/consultation"
	"boussole/internal/demo"
	"boussole/internal/model"
	"boussole/internal/store/storetest"
)

// BenchmarkPublicConsultationPage renders the demo's open consultation as a citizen reads it, beside a
// bare handler writing the same bytes: the page every contribution starts from.
func BenchmarkPublicConsultationPage(b *testing.B) {
	benchPublicPage(b, func(a model.Authority, list []consultation.Consultation) string {
		return publicConsultationURL(a, list[len(list)-1].ID) // the consultation bench/contributions writes to
	})
}

// BenchmarkPublicPage renders the authority's public page (priorities map, validated progress, calendar,
// consultations), kept while the authority's data has not moved, and rendered on every request.
func BenchmarkPublicPage(b *testing.B) {
	benchPublicPage(b, func(a model.Authority, _ []consultation.Consultation) string { return "/public/" + a.Slug })
}

func benchPublicPage(b *testing.B, pathOf func(model.Authority, []consultation.Consultation) string) {
	st := storetest.SQLite(b)
	if _, err := demo.Load(context.Background(), st); err != nil {
		b.Fatal(err)
	}
	app := newTestApp(b, st)
	a, err := st.AuthorityBySlug(context.Background(), demo.Slug)
	if err != nil {
		b.Fatal(err)
	}
	list, err := st.PublicConsultations(context.Background(), a.ID)
	if err != nil || len(list) == 0 {
		b.Fatalf("demo consultations: %v", err)
	}
	path := pathOf(a, list)
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.RemoteAddr = "192.0.2.7:4242"
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
		rendered bool
	}{{"kept", app.app, false}, {"rendered", app.app, true}, {"bare", bare, false}} {
		b.Run(h.name, func(b *testing.B) {
			app.app.ReusePages(!h.rendered)
			defer app.app.ReusePages(true)
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				// One address per request, as many visitors: the public rate limit is per address.
				req.RemoteAddr = "10." + itoa(i>>16&255) + "." + itoa(i>>8&255) + "." + itoa(i&255) + ":4242"
				rec := httptest.NewRecorder()
				h.h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || rec.Body.Len() != len(body) {
					b.Fatalf("%s: %d, %d bytes instead of %d", path, rec.Code, rec.Body.Len(), len(body))
				}
			}
		})
	}
}
