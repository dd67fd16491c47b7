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
// consultations), which is rendered on every request.
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
		name string
		h    http.Handler
	}{{"page", app.app}, {"bare", bare}} {
		b.Run(h.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				h.h.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}
