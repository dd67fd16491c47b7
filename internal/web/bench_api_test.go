package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// BenchmarkAPI reads a large strategy through the API in process (400 actors, 12 objectives, 36
// results, 300 activities, 200 indicators): the whole strategy, and one page of the indicators' list,
// each beside a bare handler writing the same bytes. See docs/benchmarks.md.
func BenchmarkAPI(b *testing.B) {
	ctx := context.Background()
	st := storetest.SQLite(b)
	app := newTestApp(b, st)
	a := app.workspace("Grande Métropole")
	strat := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(b, st.CreateStrategy(ctx, store.Actor{}, &strat, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)))
	kinds := stakeholder.Kinds()
	for i := range 400 {
		s := stakeholder.Stakeholder{Name: fmt.Sprintf("Acteur %03d du territoire", i), Kind: kinds[i%len(kinds)], Themes: []string{"Eau"}}
		must(b, st.CreateStakeholder(ctx, store.Actor{}, a.ID, &s))
	}
	var results []int64
	for o := range 12 {
		obj := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: strat.ID, SpecificObjective: logframe.SpecificObjective{Title: fmt.Sprintf("Objectif %d", o+1)}}
		must(b, st.CreateObjective(ctx, store.Actor{}, &obj))
		for r := range 3 {
			res := logframe.ResultRecord{AuthorityID: a.ID, StrategyID: strat.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: obj.ID, Title: fmt.Sprintf("Résultat %d.%d", o+1, r+1)}}
			must(b, st.CreateResult(ctx, store.Actor{}, &res))
			results = append(results, res.ID)
		}
	}
	for i := range 300 {
		act := logframe.ActivityRecord{AuthorityID: a.ID, StrategyID: strat.ID, Activity: logframe.Activity{ResultID: results[i%len(results)], Title: fmt.Sprintf("Activité %03d du plan d'action", i), Owner: "Mission RI"}}
		must(b, st.CreateActivity(ctx, store.Actor{}, &act))
	}
	for i := range 200 {
		in := logframe.IndicatorRecord{AuthorityID: a.ID, StrategyID: strat.ID, Indicator: logframe.Indicator{
			Level: logframe.Ref{Kind: logframe.KindResult, ID: results[i%len(results)]}, Title: fmt.Sprintf("Indicateur %03d", i),
			Measure: logframe.MeasureUnit, Unit: "projets", Ascending: true, Periodicity: "annuelle", Sources: []string{"Rapport annuel"}, Owner: "Mission RI"}}
		must(b, st.SaveIndicator(ctx, store.Actor{}, &in))
	}
	token := app.apiToken("agent@grande-metropole.test", a.Slug, false)
	app.app.apiLimit = newRateLimit(1<<30, 1<<30) // the benchmark measures the reads, not the limit
	for _, path := range []string{"/strategies/" + itoa64(strat.ID), "/strategies/" + itoa64(strat.ID) + "/indicators?limit=50"} {
		req := httptest.NewRequest(http.MethodGet, apiPrefix+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		app.app.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
		}
		body := rec.Body.Bytes()
		bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(body)
		})
		name := map[bool]string{true: "whole", false: "list"}[len(path) < 20]
		for _, h := range []struct {
			name string
			h    http.Handler
		}{{"handler", app.app}, {"bare", bare}} {
			b.Run(name+"/"+h.name, func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				b.ReportAllocs()
				for b.Loop() {
					h.h.ServeHTTP(httptest.NewRecorder(), req)
				}
			})
		}
	}
}
