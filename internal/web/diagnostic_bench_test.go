package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/model"
	"boussole/internal/refdata/country"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// benchDiagnostic fills a strategy with n SWOT items over every quadrant and scope, and the authority with m
// partnerships spread over the world, with their reviews.
func benchDiagnostic(b *testing.B, st *store.Store, a model.Authority, n, m int) {
	b.Helper()
	ctx := context.Background()
	strat := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	if err := st.CreateStrategy(ctx, store.Actor{}, &strat, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)); err != nil {
		b.Fatal(err)
	}
	quads, scopes := diagnostic.Quadrants(), diagnostic.Scopes()
	for i := range n {
		it := diagnostic.ItemRecord{AuthorityID: a.ID, StrategyID: strat.ID, Item: diagnostic.Item{
			Quadrant: quads[i%4], Scope: scopes[(i/4)%5], Weight: 1 + i%3, ProposedBy: "Atelier des référents",
			Text:     fmt.Sprintf("Élément %03d : un constat du diagnostic territorial, formulé en une ou deux phrases comme en atelier", i),
			Evidence: "Étude de la chambre de commerce, 2025"}}
		if err := st.CreateSWOTItem(ctx, store.Actor{}, &it); err != nil {
			b.Fatal(err)
		}
	}
	all := country.All()
	for i := range m {
		p := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: diagnostic.Partnership{
			Partner: fmt.Sprintf("Collectivité partenaire %03d", i), Countries: []string{all[(i*7)%len(all)].Alpha2},
			Kind: diagnostic.PartnershipKinds()[i%8], Status: diagnostic.PartnershipStatuses()[i%3], StartYear: 1990 + i%30,
			Themes: []string{"Eau", "Jeunesse"}, YearlyBudgetCents: new(int64(i) * 100_000),
			Review: diagnostic.Review{Results: "Résultats obtenus", Decision: diagnostic.DecisionContinue, Reason: "Relation utile"}}}
		if err := st.CreatePartnership(ctx, store.Actor{}, &p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiagnosticPages serves the SWOT page (500 items) and the partner map (150 partnerships) through
// the real handler (session, workspace and role checks, database reads, SVG, template), beside a bare
// handler writing the same bytes, so the difference is the application's own cost. Both report req/s.
func BenchmarkDiagnosticPages(b *testing.B) {
	st := storetest.SQLite(b)
	app := newTestApp(b, st)
	a := app.workspace("Ville Bench")
	benchDiagnostic(b, st, a, 500, 150)
	cookies := app.signIn("agent@ville-bench.test").sessionCookies()
	for _, page := range []struct{ name, path string }{{"afom", "/diagnostic/afom"}, {"carte", "/diagnostic/partenariats/carte"}} {
		req := httptest.NewRequest(http.MethodGet, "/ct/"+a.Slug+page.path, nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		app.app.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d", page.path, rec.Code)
		}
		body := rec.Body.Bytes()
		bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(body)
		})
		for _, h := range []struct {
			name    string
			handler http.Handler
		}{{"handler", app.app}, {"bare", bare}} {
			b.Run(page.name+"/"+h.name, func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						h.handler.ServeHTTP(httptest.NewRecorder(), req.Clone(context.Background()))
					}
				})
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
			})
		}
	}
}
