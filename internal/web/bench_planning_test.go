package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/schedule"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// benchPlan fills a strategy with 12 objectives, 40 results and n activities spread along the term: the
// first activity of each result on a date, the others after the one before, a cross dependency every
// fifth activity, and 20 milestones.
func benchPlan(b testing.TB, st *store.Store, a model.Authority, n int) {
	b.Helper()
	ctx := context.Background()
	strat := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	if err := st.CreateStrategy(ctx, store.Actor{}, &strat, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		b.Fatal(err)
	}
	var results []int64
	for o := range 12 {
		obj := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: strat.ID, SpecificObjective: logframe.SpecificObjective{Title: fmt.Sprintf("Objectif %d : coopérer avec les partenaires", o+1)}}
		if err := st.CreateObjective(ctx, store.Actor{}, &obj); err != nil {
			b.Fatal(err)
		}
		for r := range 40 / 12 {
			res := logframe.ResultRecord{AuthorityID: a.ID, StrategyID: strat.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: obj.ID, Title: fmt.Sprintf("Résultat %d.%d", o+1, r+1)}}
			if err := st.CreateResult(ctx, store.Actor{}, &res); err != nil {
				b.Fatal(err)
			}
			results = append(results, res.ID)
		}
	}
	prev := map[int64]int64{}
	var ids []int64
	for i := range n {
		r := results[i%len(results)]
		act := logframe.ActivityRecord{AuthorityID: a.ID, StrategyID: strat.ID, Activity: logframe.Activity{ResultID: r, Title: fmt.Sprintf("Activité %03d du plan d'action", i), Owner: "Mission RI"}}
		if err := st.CreateActivity(ctx, store.Actor{}, &act); err != nil {
			b.Fatal(err)
		}
		sc := schedule.ScheduleRecord{ActivityID: act.ID, AuthorityID: a.ID, StrategyID: strat.ID, DurationDays: 20 + i%90, PrepDays: i % 15,
			Service: []string{"Relations internationales", "Eau", "Jeunesse", "Culture"}[i%4], Partners: []string{"Ziguinchor", "Neustadt"}[:1+i%2],
			Status: schedule.Planned}
		if p, ok := prev[r]; ok {
			sc.StartKind, sc.Anchor, sc.AnchorEdge, sc.OffsetN, sc.OffsetUnit = schedule.StartRelative, schedule.Node{Kind: schedule.NodeActivity, ID: p}, schedule.EdgeEnd, 2, schedule.Weeks
		} else {
			sc.StartKind, sc.StartDate = schedule.StartAbsolute, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC).AddDate(0, i%60, 0)
		}
		if err := st.SaveSchedule(ctx, store.Actor{}, &sc); err != nil {
			b.Fatal(err)
		}
		prev[r] = act.ID
		ids = append(ids, act.ID)
	}
	for i := 5; i < n; i += 5 {
		d := schedule.DependencyRecord{AuthorityID: a.ID, StrategyID: strat.ID, From: schedule.Node{Kind: schedule.NodeActivity, ID: ids[i-5]},
			To: schedule.Node{Kind: schedule.NodeActivity, ID: ids[i]}, Kind: schedule.StartToStart, LagN: 1, LagUnit: schedule.Months}
		_ = st.CreateDependency(ctx, store.Actor{}, &d) // a few would close loops through the chains: refused, which is fine here
	}
	for m := range 20 {
		ms := schedule.MilestoneRecord{AuthorityID: a.ID, StrategyID: strat.ID, Kind: schedule.MilestoneSteering, Title: fmt.Sprintf("Comité de pilotage %d", m+1),
			Date: partialdate.FromTime(time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC).AddDate(0, 4*m, 0))}
		if err := st.CreateMilestone(ctx, store.Actor{}, &ms); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGanttPage serves the chronogramme of 300 activities through the real handler (session, workspace
// and role checks, database reads, scheduling, SVG, table, layout) beside a bare handler writing the same
// bytes, so the difference is the application's own cost. "handler" is the page as served (kept while
// nothing changed), "rendered" the page computed and rendered on every request.
func BenchmarkGanttPage(b *testing.B) {
	st := storetest.SQLite(b)
	app := newTestApp(b, st)
	a := app.workspace("Ville Bench")
	benchPlan(b, st, a, 300)
	signedIn := app.signIn("agent@ville-bench.test")
	u, _ := url.Parse(app.srv.URL)
	cookies := signedIn.hc.Jar.Cookies(u)
	for _, page := range []string{"/planification", "/planification?lignes=partenaire", "/planification/chronogramme.svg"} {
		req := httptest.NewRequest(http.MethodGet, "/ct/"+a.Slug+page, nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		app.app.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d", page, rec.Code)
		}
		body, ctype := rec.Body.Bytes(), rec.Header().Get("Content-Type")
		bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", ctype)
			_, _ = w.Write(body)
		})
		for _, v := range []struct {
			name     string
			cacheOff bool
		}{{"handler", false}, {"rendered", true}} {
			b.Run(page+"/"+v.name, func(b *testing.B) {
				app.app.ReusePages(!v.cacheOff)
				defer app.app.ReusePages(true)
				b.SetBytes(int64(len(body)))
				b.ReportAllocs()
				cpu := processCPU()
				for b.Loop() {
					app.app.ServeHTTP(httptest.NewRecorder(), req)
				}
				reportCPU(b, cpu)
			})
		}
		b.Run(page+"/bare", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				bare.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}

// BenchmarkGanttSizes serves the chronogramme of 300, 1,000 and 3,000 activities, kept ("handler") and
// computed and rendered on every request ("rendered"), to see how the page grows with the plan.
func BenchmarkGanttSizes(b *testing.B) {
	for _, n := range []int{300, 1000, 3000} {
		// The plan is built inside the size's benchmark, so that -bench 'BenchmarkGanttSizes/300' builds only
		// that one (building 3,000 activities takes minutes and would fill a profile).
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			st := storetest.SQLite(b)
			app := newTestApp(b, st)
			a := app.workspace("Ville Bench")
			benchPlan(b, st, a, n)
			u, _ := url.Parse(app.srv.URL)
			req := httptest.NewRequest(http.MethodGet, "/ct/"+a.Slug+"/planification", nil)
			for _, c := range app.signIn("agent@ville-bench.test").hc.Jar.Cookies(u) {
				req.AddCookie(c)
			}
			for _, v := range []struct {
				name     string
				cacheOff bool
			}{{"handler", false}, {"rendered", true}} {
				b.Run(v.name, func(b *testing.B) {
					app.app.ReusePages(!v.cacheOff)
					defer app.app.ReusePages(true)
					app.app.ServeHTTP(httptest.NewRecorder(), req) // renders (and keeps) before the clock starts
					b.ReportAllocs()
					cpu := processCPU()
					for b.Loop() {
						rec := httptest.NewRecorder()
						app.app.ServeHTTP(rec, req)
						if rec.Code != http.StatusOK {
							b.Fatalf("%d", rec.Code)
						}
					}
					reportCPU(b, cpu)
				})
			}
		})
	}
}

// reportCPU adds the process's CPU time per request since since (garbage collection included) as cpu-ms/op,
// the figure to read on a loaded machine.
func reportCPU(b *testing.B, since time.Duration) {
	if b.N > 0 {
		b.ReportMetric(float64(processCPU()-since)/float64(b.N)/1e6, "cpu-ms/op")
	}
}
