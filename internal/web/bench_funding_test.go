package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// BenchmarkFundingPages serves the project list (20 per page), the portfolio and a project's page for an
// authority with 60 projects and 300 financing lines through the real handler, beside a bare handler that
// writes the same bytes.
func BenchmarkFundingPages(b *testing.B) {
	st := storetest.SQLite(b)
	app := newTestApp(b, st)
	a := app.workspace("Ville Bench")
	ctx := context.Background()
	strat := model.Strategy{AuthorityID: a.ID, Title: "Stratégie", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(b, st.CreateStrategy(ctx, store.Actor{}, &strat, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	codes := []string{"ficol", "meae-generaliste", "1pc-eau", "erasmus-plus", "interreg"}
	themes := funding.Themes()
	var first int64
	for i := range 60 {
		budget := int64(50_000_000 + i*100_000)
		p := funding.Project{AuthorityID: a.ID, StrategyID: strat.ID, Title: fmt.Sprintf("Projet %02d", i), Status: funding.StatusDrafting,
			Countries: []string{[]string{"SN", "MA", "DE", "VN"}[i%4]}, Themes: []funding.Theme{themes[i%len(themes)]},
			Start: partialdate.OfMonth(2027, 1), End: partialdate.OfMonth(2028, 12), BudgetCents: &budget}
		must(b, st.CreateProject(ctx, store.Actor{}, &p))
		if first == 0 {
			first = p.ID
		}
		for k := range 5 {
			l := funding.Line{ProjectID: p.ID, Source: funding.SourceProgramme, Programme: codes[(i+k)%len(codes)], AmountCents: 10_000_000,
				Status: funding.LineStatuses[(i+k)%len(funding.LineStatuses)], Year: 2027}
			if k == 0 {
				l.Source, l.Programme = funding.SourceOwn, ""
			}
			must(b, st.CreateLine(ctx, store.Actor{}, a.ID, &l))
		}
	}
	cookies := app.signIn("agent@ville-bench.test").sessionCookies()
	for name, page := range map[string]string{"liste": "", "portefeuille": "/portefeuille", "projet": fmt.Sprintf("/projets/%d", first)} {
		path := "/ct/" + a.Slug + "/financements" + page
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for _, c := range cookies {
			req.AddCookie(c)
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
		b.Run(name+"/handler", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				app.app.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
		b.Run(name+"/bare", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				bare.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}
