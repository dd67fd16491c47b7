package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/access"
	"boussole/internal/apitoken"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/sharing"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestAPIEveryRouteEveryRoleAnotherAuthority walks every API route with a read-only and a read-write
// token of every role of authority A, on A's identifiers and on B's: on B's, every call is refused (404,
// or 403 when the token may not call the route at all, which tells nothing of B); on A's, what the role
// and the token allow answers, the rest is 403; without a token, 401. B's records come out untouched.
func TestAPIEveryRouteEveryRoleAnotherAuthority(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app := newTestApp(t, st)
		a, b := app.workspace("Ville Alpha"), app.workspace("Ville Beta")
		idsA := apiFixture(t, st, a)
		// B holds a record of every area, made by each area's own isolation fixture.
		stratB := model.Strategy{AuthorityID: b.ID, Title: "B", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		must(t, st.CreateStrategy(ctx, store.Actor{}, &stratB, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
		idsB := map[string]string{"strategy": strconv.FormatInt(stratB.ID, 10)}
		for _, fixture := range isolationFixtures {
			for k, v := range fixture(t, st, b, stratB) {
				idsB[k] = v
			}
		}
		// The library is read across authorities by design: A's call reads what B shares; the
		// identifier of « B's » side is a share B withdrew, which nothing may read any more.
		idsA["share"], idsB["share"] = sharedAndWithdrawn(t, st, b, stratB)
		before, _ := st.Indicator(ctx, b.ID, mustID(idsB["indicator"]))
		routes := app.app.apiRoutes()
		for _, role := range access.MemberRoles {
			for _, writable := range []bool{false, true} {
				email := string(role) + "@ville-alpha.test"
				token := app.apiToken(email, a.Slug, writable)
				for _, rt := range routes {
					allowed := (apitoken.Token{Writable: writable}).Allows(role, rt.Action)
					what := fmt.Sprintf("%s %s as %s (writable %v)", rt.Method, rt.Path, role, writable)
					res := app.api(rt.Method, apiPrefix+fill(rt.Path, idsB), token, patchBody(rt), "If-Match", versionETag(before.Version))
					want := http.StatusNotFound
					if !allowed {
						want = http.StatusForbidden
					}
					if !strings.Contains(rt.Path, "{") {
						want = map[bool]int{true: http.StatusOK, false: http.StatusForbidden}[allowed] // names nothing of B
					}
					if res.status != want {
						t.Errorf("%s on B's identifiers: %d, want %d\n%s", what, res.status, want, res.body)
					}
					mine := deletionTarget(t, st, a, rt, idsA)
					own := app.api(rt.Method, apiPrefix+fill(rt.Path, mine), token, patchBody(rt), "If-Match", currentETag(t, st, a, rt, mine))
					success := http.StatusOK
					switch rt.Method {
					case http.MethodPost:
						success = http.StatusCreated
					case http.MethodDelete:
						success = http.StatusNoContent
					}
					if ownerOnly(rt) && role == access.Referent {
						// Beyond the permission table: a référent records only the indicators they keep.
						allowed, success = false, 0
					}
					if allowed && own.status != success || !allowed && own.status != http.StatusForbidden {
						t.Errorf("%s on A's identifiers: %d, allowed %v\n%s", what, own.status, allowed, own.body)
					}
				}
			}
		}
		for _, rt := range routes {
			app.api(rt.Method, apiPrefix+fill(rt.Path, idsA), "", patchBody(rt)).problemOf(t, http.StatusUnauthorized)
			app.api(rt.Method, apiPrefix+fill(rt.Path, idsB), "bsl_"+strings.Repeat("x", 43), patchBody(rt)).problemOf(t, http.StatusUnauthorized)
		}
		app.api("GET", apiPrefix+"/nexiste/pas", "", nil).problemOf(t, http.StatusUnauthorized)
		after, _ := st.Indicator(ctx, b.ID, before.ID)
		if after.Version != before.Version || after.Title != before.Title {
			t.Errorf("B's indicator changed: %+v", after)
		}
		// A token whose owner left the workspace, or that expired, opens nothing.
		agent, _ := st.UserByEmail(ctx, "agent@ville-alpha.test")
		left := app.apiToken(agent.Email, a.Slug, true)
		if err := st.RemoveMember(ctx, store.Actor{}, a.ID, agent.ID); err != nil {
			t.Fatal(err)
		}
		app.api("GET", apiPrefix+"/workspace", left, nil).problemOf(t, http.StatusUnauthorized)
		admin, _ := st.UserByEmail(ctx, "admin@ville-alpha.test")
		secret, hash, prefix := apitoken.NewSecret()
		old := apitoken.Token{AuthorityID: a.ID, UserID: admin.ID, Name: "ancien", Prefix: prefix, ExpiresAt: time.Now().Add(-time.Minute)}
		must(t, st.CreateAPIToken(ctx, store.Actor{}, &old, hash))
		if p := app.api("GET", apiPrefix+"/workspace", secret, nil).problemOf(t, http.StatusUnauthorized); !strings.Contains(p.Detail, "expiré") {
			t.Errorf("expired token: %+v", p)
		}
	})
}

// apiFixture gives an authority a strategy with framework records and returns the API's identifiers.
func apiFixture(t *testing.T, st *store.Store, au model.Authority) map[string]string {
	t.Helper()
	s := model.Strategy{AuthorityID: au.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(t, st.CreateStrategy(context.Background(), store.Actor{}, &s, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	ids := frameworkRecords(t, st, au, s)
	ids["strategy"] = strconv.FormatInt(s.ID, 10)
	// A yearly indicator, so that the walk has a period to record a measurement in.
	in, err := st.Indicator(context.Background(), au.ID, mustID(ids["indicator"]))
	must(t, err)
	in.Periodicity = "annuelle"
	must(t, st.SaveIndicator(context.Background(), store.Actor{}, &in))
	return ids
}

func mustID(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// patchBody is a valid body for the writes, nil for the reads.
func patchBody(rt apiRoute) any {
	switch {
	case rt.Method == http.MethodGet:
		return nil
	case strings.HasSuffix(rt.Path, "/measurements"):
		return map[string]any{"date": crawlMeasuredOn, "value": 1}
	case rt.Method == http.MethodDelete:
		return nil
	case strings.HasPrefix(rt.Path, "/risks/"):
		return map[string]any{"mitigation": "Atténuation changée par l'API", "status": "identifié"}
	case strings.HasSuffix(rt.Path, "/risks"):
		return map[string]any{"description": "Risque créé par l'API", "category": "externe", "likelihood": 2, "impact": 3, "status": "identifié"}
	}
	return map[string]any{"title": "Titre changé par l'API"}
}

// sharedAndWithdrawn shares one strategy of b with the platform, and shares then withdraws another;
// it returns the two shares' identifiers.
func sharedAndWithdrawn(t *testing.T, st *store.Store, b model.Authority, shared model.Strategy) (string, string) {
	ctx := context.Background()
	view := sharing.View{Authority: sharing.Peer{Name: b.Name, Slug: b.Slug, Kind: b.Kind}, Strategy: sharing.Header{Title: shared.Title, TermStart: shared.TermStart},
		Scope: sharing.Structure, Licence: sharing.LicenceOuverte}
	must(t, st.SaveShare(ctx, store.Actor{}, b.ID, shared.ID, view))
	live, err := st.ShareOf(ctx, b.ID, shared.ID)
	must(t, err)
	gone := model.Strategy{AuthorityID: b.ID, Title: "Retirée", TermStart: 2020, TermEnd: 2026, Status: model.StrategyDraft}
	must(t, st.CreateStrategy(ctx, store.Actor{}, &gone, time.Date(2020, 1, 5, 0, 0, 0, 0, time.UTC)))
	must(t, st.SaveShare(ctx, store.Actor{}, b.ID, gone.ID, view))
	withdrawn, err := st.ShareOf(ctx, b.ID, gone.ID)
	must(t, err)
	must(t, st.WithdrawShare(ctx, store.Actor{}, b.ID, gone.ID))
	return strconv.FormatInt(live.ID, 10), strconv.FormatInt(withdrawn.ID, 10)
}

// ownerOnly tells the routes whose permission also asks that the person keeps the record.
func ownerOnly(rt apiRoute) bool {
	return rt.Method == http.MethodPost && strings.HasSuffix(rt.Path, "/measurements")
}

// crawlMeasuredOn is the day of the measurement the walk records, in the fixture strategy's last period.
const crawlMeasuredOn = "2032-12-31"

// currentETag is the version of A's record a write route names, so that an allowed write succeeds.
func currentETag(t *testing.T, st *store.Store, a model.Authority, rt apiRoute, ids map[string]string) string {
	ctx := context.Background()
	switch {
	case strings.HasSuffix(rt.Path, "/measurements"):
		// The measurement the walk recorded already, if any: the next allowed call changes it.
		ms, err := st.IndicatorMeasurements(ctx, a.ID, mustID(ids["indicator"]))
		must(t, err)
		for _, m := range ms {
			if m.MeasuredOn.Format(time.DateOnly) == crawlMeasuredOn {
				return versionETag(m.Version)
			}
		}
		return ""
	case strings.HasPrefix(rt.Path, "/indicators/"):
		in, err := st.Indicator(ctx, a.ID, mustID(ids["indicator"]))
		must(t, err)
		return versionETag(in.Version)
	case strings.HasPrefix(rt.Path, "/objectives/"):
		o, err := st.Objective(ctx, a.ID, mustID(ids["objective"]))
		must(t, err)
		return versionETag(o.Version)
	case strings.HasPrefix(rt.Path, "/risks/"):
		k, err := st.Risk(ctx, a.ID, mustID(ids["risk"]))
		must(t, err)
		return versionETag(k.Version)
	case strings.HasPrefix(rt.Path, "/results/"):
		res, err := st.Result(ctx, a.ID, mustID(ids["result"]))
		must(t, err)
		return versionETag(res.Version)
	case strings.HasPrefix(rt.Path, "/activities/"):
		act, err := st.Activity(ctx, a.ID, mustID(ids["activity"]))
		must(t, err)
		return versionETag(act.Version)
	}
	return ""
}

// deletionTarget gives a DELETE route a record of its own to remove, so that the walk's other calls
// still find theirs; other routes keep the fixture's identifiers.
func deletionTarget(t *testing.T, st *store.Store, a model.Authority, rt apiRoute, ids map[string]string) map[string]string {
	t.Helper()
	if rt.Method != http.MethodDelete {
		return ids
	}
	ctx := context.Background()
	strategyID := mustID(ids["strategy"])
	out := map[string]string{}
	for k, v := range ids {
		out[k] = v
	}
	o := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: strategyID, SpecificObjective: logframe.SpecificObjective{Title: "À supprimer"}}
	must(t, st.CreateObjective(ctx, store.Actor{}, &o))
	r := logframe.ResultRecord{AuthorityID: a.ID, StrategyID: strategyID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: "À supprimer"}}
	must(t, st.CreateResult(ctx, store.Actor{}, &r))
	in := logframe.IndicatorRecord{AuthorityID: a.ID, StrategyID: strategyID, Indicator: logframe.Indicator{Title: "À supprimer", Measure: logframe.MeasureUnit, Level: logframe.Ref{Kind: logframe.KindResult, ID: r.ID}}}
	must(t, st.SaveIndicator(ctx, store.Actor{}, &in))
	rk := logframe.RiskRecord{AuthorityID: a.ID, StrategyID: strategyID, Risk: logframe.Risk{Description: "À supprimer", Category: logframe.RiskInternal, Likelihood: 1, Impact: 1}}
	must(t, st.SaveRisk(ctx, store.Actor{}, &rk))
	out["objective"], out["result"], out["indicator"], out["risk"] = strconv.FormatInt(o.ID, 10), strconv.FormatInt(r.ID, 10), strconv.FormatInt(in.ID, 10), strconv.FormatInt(rk.ID, 10)
	return out
}
