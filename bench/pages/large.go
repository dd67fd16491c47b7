package main

import (
	"context"
	"fmt"
	"time"

	"boussole/internal/auth"
	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
)

const benchPassword = "mot de passe du banc"

// newAuthority opens a workspace whose administrator the bench signs in as, with one draft strategy.
func newAuthority(ctx context.Context, st *store.Store, name, slug string, from, to int) (model.Authority, model.Strategy, signIn) {
	hash, err := auth.HashPassword(benchPassword)
	check(err)
	a := model.Authority{Kind: "metropole", Name: name, Slug: slug}
	admin := model.User{Email: "admin@" + slug + ".test", Name: "Admin " + name, PasswordHash: hash}
	check(st.SignUp(ctx, &a, &admin))
	strat := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: from, TermEnd: to, Status: model.StrategyDraft}
	strat.Title = fmt.Sprintf("Stratégie %d–%d", from, to)
	check(st.CreateStrategy(ctx, store.Actor{}, &strat, time.Date(from-1, 9, 1, 0, 0, 0, 0, time.UTC)))
	return a, strat, signIn{slug: slug, email: admin.Email, password: benchPassword}
}

// loadLarge builds the large authority of the issue: 400 actors, 500 AFOM items, 300 activities with
// dependencies under 12 objectives and 36 results, and 200 indicators.
func loadLarge(ctx context.Context, st *store.Store) signIn {
	a, strat, who := newAuthority(ctx, st, "Grande Métropole du banc", "grande-metropole-banc", 2026, 2032)
	largeSWOT(ctx, st, a, strat, 500)
	largeActors(ctx, st, a, 400)
	results := largeTree(ctx, st, a, strat, 12, 3)
	largeActivities(ctx, st, a, strat, results, 300)
	largeIndicators(ctx, st, a, strat, results, 200)
	return who
}

func largeSWOT(ctx context.Context, st *store.Store, a model.Authority, strat model.Strategy, n int) {
	quads, scopes := diagnostic.Quadrants(), diagnostic.Scopes()
	for i := range n {
		it := diagnostic.ItemRecord{AuthorityID: a.ID, StrategyID: strat.ID, Item: diagnostic.Item{
			Quadrant: quads[i%4], Scope: scopes[(i/4)%len(scopes)], Weight: 1 + i%3, ProposedBy: "Atelier des référents",
			Text:     fmt.Sprintf("Élément %03d : un constat du diagnostic territorial, formulé en une ou deux phrases comme en atelier", i),
			Evidence: "Étude de la chambre de commerce, 2025"}}
		check(st.CreateSWOTItem(ctx, store.Actor{}, &it))
	}
}

func largeActors(ctx context.Context, st *store.Store, a model.Authority, n int) {
	kinds := stakeholder.Kinds()
	for i := range n {
		s := stakeholder.Stakeholder{Name: fmt.Sprintf("Acteur %03d du territoire", i), Kind: kinds[i%len(kinds)],
			Themes: []string{[]string{"Eau", "Culture", "Jeunesse", "Climat"}[i%4]}}
		for k, r := range s.Rated() {
			s.ScoreAt(r.Field).Value = (i*7 + k*3) % 4
		}
		check(st.CreateStakeholder(ctx, store.Actor{}, a.ID, &s))
	}
}

// largeTree creates objectives and results and returns the results' IDs.
func largeTree(ctx context.Context, st *store.Store, a model.Authority, strat model.Strategy, objectives, perObjective int) []int64 {
	var results []int64
	for o := range objectives {
		obj := model.Objective{AuthorityID: a.ID, StrategyID: strat.ID, SpecificObjective: logframe.SpecificObjective{Title: fmt.Sprintf("Objectif %d : coopérer avec les partenaires", o+1)}}
		check(st.CreateObjective(ctx, store.Actor{}, &obj))
		for r := range perObjective {
			res := model.Result{AuthorityID: a.ID, StrategyID: strat.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: obj.ID, Title: fmt.Sprintf("Résultat %d.%d", o+1, r+1)}}
			check(st.CreateResult(ctx, store.Actor{}, &res))
			results = append(results, res.ID)
		}
	}
	return results
}

// largeActivities spreads n activities along the term: the first of each result on a date, the others
// after the one before, and a start-to-start dependency every fifth activity.
func largeActivities(ctx context.Context, st *store.Store, a model.Authority, strat model.Strategy, results []int64, n int) {
	prev := map[int64]int64{}
	var ids []int64
	for i := range n {
		r := results[i%len(results)]
		act := model.Activity{AuthorityID: a.ID, StrategyID: strat.ID, ResultID: r, Title: fmt.Sprintf("Activité %03d du plan d'action", i), Owner: "Mission RI"}
		check(st.CreateActivity(ctx, store.Actor{}, &act))
		sc := model.ActivitySchedule{ActivityID: act.ID, AuthorityID: a.ID, StrategyID: strat.ID, DurationDays: 20 + i%90, PrepDays: i % 15,
			Service: []string{"Relations internationales", "Eau", "Jeunesse", "Culture"}[i%4], Status: model.SchedulePlanned}
		if p, ok := prev[r]; ok {
			sc.StartKind, sc.Anchor, sc.AnchorEdge, sc.OffsetN, sc.OffsetUnit = model.StartRelative, model.Node{Kind: model.NodeActivity, ID: p}, model.EdgeEnd, 2, model.LagWeeks
		} else {
			sc.StartKind, sc.StartDate = model.StartAbsolute, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC).AddDate(0, i%60, 0)
		}
		check(st.SaveSchedule(ctx, store.Actor{}, &sc))
		prev[r] = act.ID
		ids = append(ids, act.ID)
	}
	for i := 5; i < n; i += 5 {
		d := model.Dependency{AuthorityID: a.ID, StrategyID: strat.ID, From: model.Node{Kind: model.NodeActivity, ID: ids[i-5]},
			To: model.Node{Kind: model.NodeActivity, ID: ids[i]}, Kind: model.StartToStart, LagN: 1, LagUnit: model.LagMonths}
		_ = st.CreateDependency(ctx, store.Actor{}, &d) // a few would close a loop through the chains: refused, which is fine
	}
}

func largeIndicators(ctx context.Context, st *store.Store, a model.Authority, strat model.Strategy, results []int64, n int) {
	for i := range n {
		in := model.Indicator{AuthorityID: a.ID, StrategyID: strat.ID, Indicator: logframe.Indicator{
			Level: logframe.Ref{Kind: logframe.KindResult, ID: results[i%len(results)]}, Title: fmt.Sprintf("Indicateur %03d : part des projets menés avec un partenaire", i),
			Measure: logframe.MeasureUnit, Unit: "projets", Ascending: true, Periodicity: "annuelle", Sources: []string{"Rapport annuel"}, Owner: "Mission RI"}}
		check(st.SaveIndicator(ctx, store.Actor{}, &in))
	}
}
