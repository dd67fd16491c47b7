package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// benchMonitoring fills a 2026–2031 strategy with 12 objectives, 36 results and 200 monthly indicators, each
// with its 72 actuals: the dashboard benchmark.
func benchMonitoring(b *testing.B, st *store.Store, a model.Authority) {
	b.Helper()
	ctx := context.Background()
	strat := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2031", TermStart: 2026, TermEnd: 2031, Status: model.StrategyCurrent}
	if err := st.CreateStrategy(ctx, store.Actor{}, &strat, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		b.Fatal(err)
	}
	var results []int64
	for o := range 12 {
		obj := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: strat.ID, SpecificObjective: logframe.SpecificObjective{Title: fmt.Sprintf("Objectif %d", o+1)}}
		if err := st.CreateObjective(ctx, store.Actor{}, &obj); err != nil {
			b.Fatal(err)
		}
		for r := range 3 {
			res := logframe.ResultRecord{AuthorityID: a.ID, StrategyID: strat.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: obj.ID, Title: fmt.Sprintf("Résultat %d.%d", o+1, r+1)}}
			if err := st.CreateResult(ctx, store.Actor{}, &res); err != nil {
				b.Fatal(err)
			}
			results = append(results, res.ID)
		}
	}
	term := monitoring.Term{Start: 2026, End: 2031}
	for i := range 200 {
		in := logframe.IndicatorRecord{AuthorityID: a.ID, StrategyID: strat.ID, Indicator: logframe.Indicator{Level: logframe.Ref{Kind: logframe.KindResult, ID: results[i%len(results)]},
			Title: fmt.Sprintf("Indicateur %03d suivi chaque mois", i), Measure: logframe.MeasureUnit, Unit: "bénéficiaires", Ascending: i%3 != 0,
			Baseline: &logframe.Baseline{Value: new(number.Int(500)), Date: partialdate.Of(2025, 12, 31)},
			Targets:  []logframe.Target{{Date: partialdate.Of(2031, 12, 31), Value: new(number.Int([]int64{100, 1500, 1500}[i%3]))}}, Periodicity: "mensuelle"}}
		if err := st.SaveIndicator(ctx, store.Actor{}, &in); err != nil {
			b.Fatal(err)
		}
		var ms []monitoring.Measurement
		for k, p := range monitoring.Periods(in.Periodicity, term) {
			v := number.Int(int64(500 + (k*7)%300))
			ms = append(ms, monitoring.Measurement{IndicatorID: in.ID, Period: p.Key, PeriodStart: p.Start, PeriodEnd: p.End, Value: &v, MeasuredOn: p.End, Source: "Tableau de bord"})
		}
		if err := st.ImportMeasurements(ctx, store.Actor{}, a.ID, "banc.csv", ms, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMonitoringDashboard serves the dashboard of 200 indicators × 72 monthly actuals through the real
// handler (session, role, one read transaction of the strategy, assessment, roll-up, sparklines, layout)
// beside a bare handler writing the same bytes.
func BenchmarkMonitoringDashboard(b *testing.B) {
	st := storetest.SQLite(b)
	app := newTestApp(b, st)
	a := app.workspace("Ville Bench")
	benchMonitoring(b, st, a)
	signedIn := app.signIn("agent@ville-bench.test")
	u, _ := url.Parse(app.srv.URL)
	req := httptest.NewRequest(http.MethodGet, "/ct/"+a.Slug+"/suivi-evaluation", nil)
	for _, c := range signedIn.hc.Jar.Cookies(u) {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	app.app.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("dashboard: %d", rec.Code)
	}
	body, ctype := rec.Body.Bytes(), rec.Header().Get("Content-Type")
	bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", ctype)
		_, _ = w.Write(body)
	})
	b.Run("handler", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			app.app.ServeHTTP(httptest.NewRecorder(), req)
		}
	})
	// rendered is the page's own cost: the page cache off, every request reads and draws it again, as the
	// first request after a measurement is entered does.
	b.Run("rendered", func(b *testing.B) {
		app.app.ReusePages(false)
		defer app.app.ReusePages(true)
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			app.app.ServeHTTP(httptest.NewRecorder(), req)
		}
	})
	b.Run("bare", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			bare.ServeHTTP(httptest.NewRecorder(), req)
		}
	})
}
