package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/apitoken"
	"boussole/internal/demo"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// apiToken makes a token for the account email in the workspace slug, straight in the store.
func (a *testApp) apiToken(email, slug string, writable bool) string {
	a.t.Helper()
	ctx := context.Background()
	u, err := a.st.UserByEmail(ctx, email)
	if err != nil {
		a.t.Fatal(err)
	}
	au, err := a.st.AuthorityBySlug(ctx, slug)
	if err != nil {
		a.t.Fatal(err)
	}
	secret, hash, prefix := apitoken.NewSecret()
	tok := apitoken.Token{AuthorityID: au.ID, UserID: u.ID, Name: "essai " + email, Prefix: prefix, Writable: writable, ExpiresAt: time.Now().Add(time.Hour)}
	if err := a.st.CreateAPIToken(ctx, store.Actor{}, &tok, hash); err != nil {
		a.t.Fatal(err)
	}
	return secret
}

type apiResponse struct {
	status int
	header http.Header
	body   []byte
}

// api calls the API with a token ("" for none), a JSON body (nil for none) and extra headers.
func (a *testApp) api(method, path, token string, body any, headers ...string) apiResponse {
	a.t.Helper()
	var rd io.Reader
	if b, ok := body.(string); ok {
		rd = strings.NewReader(b)
	} else if body != nil {
		raw, _ := json.Marshal(body)
		rd = strings.NewReader(string(raw))
	}
	req, _ := http.NewRequest(method, a.srv.URL+path, rd)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return apiResponse{status: res.StatusCode, header: res.Header, body: b}
}

func (r apiResponse) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("status %d, body not JSON: %v\n%s", r.status, err, r.body)
	}
}

// problemOf reads a problem document and checks it is one, in French.
func (r apiResponse) problemOf(t testing.TB, status int) problem {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d\n%s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q, want a problem document", ct)
	}
	var p problem
	r.decode(t, &p)
	if p.Status != status || p.Title == "" || p.Detail == "" && len(p.Errors) == 0 {
		t.Errorf("problem document %+v", p)
	}
	return p
}

// demoAPI loads the demo and returns the app with its strategy's identifiers.
func demoAPI(t *testing.T, st *store.Store) (*testApp, model.Strategy) {
	t.Helper()
	app, _ := demoOn(t, st)
	au, err := st.AuthorityBySlug(context.Background(), demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.Strategies(context.Background(), au.ID)
	if err != nil || len(list) == 0 {
		t.Fatalf("demo strategies: %v", err)
	}
	return app, list[0]
}

func TestAPIReadsTheWholeStrategyAsTheRoleMay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, strat := demoAPI(t, st)
		agent := app.apiToken("agent@demo.boussole.test", demo.Slug, false)
		var page apiPage[apiStrategy]
		app.api("GET", "/api/v1/strategies", agent, nil).decode(t, &page)
		if len(page.Items) == 0 || page.Next != nil {
			t.Fatalf("strategies: %+v", page)
		}
		res := app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID), agent, nil)
		var whole apiWholeStrategy
		res.decode(t, &whole)
		if whole.Strategy.ID != strat.ID || len(whole.Objectives) == 0 || len(whole.Indicators) == 0 || len(whole.Activities) == 0 || whole.Stakeholders == nil || whole.SWOT == nil {
			t.Fatalf("whole strategy for an agent: %d objectives, %d indicators, stakeholders %v", len(whole.Objectives), len(whole.Indicators), whole.Stakeholders != nil)
		}
		etag := res.header.Get("ETag")
		if again := app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID), agent, nil, "If-None-Match", etag); again.status != http.StatusNotModified {
			t.Errorf("If-None-Match with the ETag: %d", again.status)
		}
		// A partner reads the framework, never the diagnostic's parts.
		partner := app.apiToken("partenaire@demo.boussole.test", demo.Slug, false)
		var seen map[string]json.RawMessage
		app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID), partner, nil).decode(t, &seen)
		for _, hidden := range []string{"stakeholders", "partnerships", "swot"} {
			if _, ok := seen[hidden]; ok {
				t.Errorf("a partner's token reads %s", hidden)
			}
		}
		app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID)+"/stakeholders", partner, nil).problemOf(t, http.StatusForbidden)
		// Pages follow one another by cursor, without loss or repetition.
		var ids []int64
		next := "/api/v1/strategies/" + itoa64(strat.ID) + "/indicators?limit=2"
		for range 100 {
			var p apiPage[apiIndicator]
			app.api("GET", next, agent, nil).decode(t, &p)
			for _, in := range p.Items {
				ids = append(ids, in.ID)
			}
			if p.Next == nil {
				break
			}
			next = "/api/v1/strategies/" + itoa64(strat.ID) + "/indicators?limit=2&cursor=" + *p.Next
		}
		if len(ids) != len(whole.Indicators) {
			t.Errorf("paged %d indicators, the strategy has %d", len(ids), len(whole.Indicators))
		}
		for i := 1; i < len(ids); i++ {
			if ids[i] <= ids[i-1] {
				t.Errorf("pages out of order: %v", ids)
			}
		}
		p := app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID)+"/indicators?limit=0", agent, nil).problemOf(t, http.StatusUnprocessableEntity)
		if len(p.Errors) != 1 || p.Errors[0].Field != "limit" {
			t.Errorf("bad limit: %+v", p)
		}
	})
}

func TestAPIWritesAnIndicatorWithIfMatch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, strat := demoAPI(t, st)
		token := app.apiToken("agent@demo.boussole.test", demo.Slug, true)
		var whole apiWholeStrategy
		app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID), token, nil).decode(t, &whole)
		path := "/api/v1/indicators/" + itoa64(whole.Indicators[0].ID)
		read := app.api("GET", path, token, nil)
		etag := read.header.Get("ETag")
		var before apiIndicator
		read.decode(t, &before)
		if etag != versionETag(before.Version) {
			t.Fatalf("ETag %q for version %d", etag, before.Version)
		}

		app.api("PATCH", path, token, map[string]any{"title": "Sans version"}).problemOf(t, http.StatusPreconditionRequired)
		app.api("PATCH", path, token, map[string]any{"title": "Périmé"}, "If-Match", versionETag(before.Version-1)).problemOf(t, http.StatusPreconditionFailed)
		refused := app.api("PATCH", path, token, map[string]any{"title": "", "periodicity": "chaque siècle"}, "If-Match", etag).problemOf(t, http.StatusUnprocessableEntity)
		fields := map[string]string{}
		for _, e := range refused.Errors {
			fields[e.Field] = e.Detail
		}
		if !strings.Contains(fields["periodicity"], "périodicité") || fields["title"] == "" {
			t.Errorf("refusals: %+v", refused.Errors)
		}
		if p := app.api("PATCH", path, token, map[string]any{"titre": "x"}, "If-Match", etag).problemOf(t, http.StatusUnprocessableEntity); p.Errors[0].Field != "titre" {
			t.Errorf("unknown field: %+v", p)
		}
		if p := app.api("PATCH", path, token, map[string]any{"public": "oui"}, "If-Match", etag).problemOf(t, http.StatusUnprocessableEntity); p.Errors[0].Field != "public" {
			t.Errorf("wrong type: %+v", p)
		}
		app.api("PATCH", path, token, `{"title": "`, "If-Match", etag).problemOf(t, http.StatusBadRequest)
		app.api("PATCH", path, token, `{"title": "`+strings.Repeat("x", 70<<10)+`"}`, "If-Match", etag).problemOf(t, http.StatusRequestEntityTooLarge)
		var unchanged apiIndicator
		app.api("GET", path, token, nil).decode(t, &unchanged)
		if unchanged.Title != before.Title || unchanged.Version != before.Version {
			t.Fatalf("a refused write changed the indicator: %+v", unchanged)
		}

		ok := app.api("PATCH", path, token, map[string]any{"title": "Jeunes partis en mobilité (API)", "periodicity": "semestrielle", "public": true}, "If-Match", etag)
		var after apiIndicator
		ok.decode(t, &after)
		if ok.status != http.StatusOK || after.Title != "Jeunes partis en mobilité (API)" || after.Periodicity != "semestrielle" || !after.Public || after.Version != before.Version+1 {
			t.Fatalf("write: %d %+v", ok.status, after)
		}
		if ok.header.Get("ETag") != versionETag(after.Version) || after.Unit != before.Unit || len(after.Targets) != len(before.Targets) {
			t.Errorf("the write changed what it was not asked to: %+v", after)
		}
		app.api("PATCH", path, token, map[string]any{"title": "Encore"}, "If-Match", etag).problemOf(t, http.StatusPreconditionFailed)
		au, _ := st.AuthorityBySlug(context.Background(), demo.Slug)
		log, err := st.AuditLog(context.Background(), au.ID, model.AuditFilter{Limit: 5})
		if err != nil || len(log) == 0 || !strings.Contains(log[0].UserLabel, "jeton « essai agent@demo.boussole.test »") {
			t.Errorf("audit log: %+v, %v", log, err)
		}

		// A read-only token, and a reader's read-write token, write nothing.
		ro := app.apiToken("agent@demo.boussole.test", demo.Slug, false)
		app.api("PATCH", path, ro, map[string]any{"title": "x"}, "If-Match", versionETag(after.Version)).problemOf(t, http.StatusForbidden)
		reader := app.apiToken("lecteur@demo.boussole.test", demo.Slug, true)
		app.api("PATCH", path, reader, map[string]any{"title": "x"}, "If-Match", versionETag(after.Version)).problemOf(t, http.StatusForbidden)
	})
}

func TestAPIWritesAnActivity(t *testing.T) {
	app, strat := demoAPI(t, storetest.SQLite(t))
	token := app.apiToken("admin@demo.boussole.test", demo.Slug, true)
	var whole apiWholeStrategy
	app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID), token, nil).decode(t, &whole)
	a := whole.Activities[0]
	path := "/api/v1/activities/" + itoa64(a.ID)
	bad := app.api("PATCH", path, token, map[string]any{"cost": "douze", "start": "2031", "end": "2027"}, "If-Match", versionETag(a.Version)).problemOf(t, http.StatusUnprocessableEntity)
	fields := map[string]bool{}
	for _, e := range bad.Errors {
		fields[e.Field] = true
	}
	if !fields["cost"] {
		t.Errorf("refusals %+v", bad.Errors)
	}
	res := app.api("PATCH", path, token, map[string]any{"cost": 12500.5, "owner": "Direction des relations internationales", "start": "2027-03", "end": nil}, "If-Match", versionETag(a.Version))
	var after apiActivity
	res.decode(t, &after)
	if res.status != http.StatusOK || after.Cost == nil || *after.Cost != "12500.50" || after.Start == nil || *after.Start != "2027-03" || after.End != nil || after.Title != a.Title {
		t.Fatalf("activity write: %d %s", res.status, res.body)
	}
}

func TestAPITokensOnTheAccountPage(t *testing.T) {
	app, _ := demoAPI(t, storetest.SQLite(t))
	au, _ := app.st.AuthorityBySlug(context.Background(), demo.Slug)
	c := app.signIn2("admin@demo.boussole.test", demo.Password)
	c.get("/compte").mustContain(t, "Jetons d'accès à l'API", "Vous n'avez encore créé aucun jeton")
	app.signIn2("agent@demo.boussole.test", demo.Password).get("/compte").mustContain(t, "Tableur du service finances", "lecture seule")
	refused := c.post("/compte/jetons", url.Values{"nom": {""}, "espace": {itoa64(au.ID)}, "droits": {"ecriture"}, "duree": {"90"}})
	if refused.status != http.StatusUnprocessableEntity {
		t.Fatalf("empty name: %d", refused.status)
	}
	refused.mustContain(t, "Nommez le jeton")
	if !strings.Contains(refused.body, `value="ecriture" checked`) {
		t.Error("the chosen rights were not kept")
	}
	made := c.post("/compte/jetons", url.Values{"nom": {"Tableur des finances"}, "espace": {itoa64(au.ID)}, "droits": {"ecriture"}, "duree": {"30"}})
	secret := regexp.MustCompile(`bsl_[A-Za-z0-9_-]{43}`).FindString(made.body)
	if made.status != http.StatusCreated || secret == "" {
		t.Fatalf("creation: %d", made.status)
	}
	if strings.Contains(c.get("/compte").body, secret) {
		t.Error("the secret is shown again")
	}
	var ws apiWorkspace
	app.api("GET", "/api/v1/workspace", secret, nil).decode(t, &ws)
	if ws.Slug != demo.Slug || ws.Role != "admin" || !ws.Writable {
		t.Errorf("workspace %+v", ws)
	}
	list := c.get("/compte")
	list.mustContain(t, "Tableur des finances", secret[:10]+"…", "lecture et écriture")
	if strings.Contains(list.body, ">jamais<") {
		t.Error("the last use was not noted")
	}
	id := regexp.MustCompile(`/compte/jetons/(\d+)/revocation`).FindStringSubmatch(list.body)
	if id == nil {
		t.Fatal("no revocation link")
	}
	c.get(id[0]).mustContain(t, "cessera aussitôt de fonctionner")
	if res := c.post(id[0], nil); res.status != http.StatusSeeOther {
		t.Fatalf("revocation: %d", res.status)
	}
	p := app.api("GET", "/api/v1/workspace", secret, nil).problemOf(t, http.StatusUnauthorized)
	if !strings.Contains(p.Detail, "révoqué") {
		t.Errorf("revoked token: %+v", p)
	}
	// Someone else's token cannot be revoked, nor its page seen.
	other := app.signIn2("elu@demo.boussole.test", demo.Password)
	if res := other.get(id[0]); res.status != http.StatusNotFound {
		t.Errorf("another person's token page: %d", res.status)
	}
}

// signIn2 signs in with a given password (the demo's accounts do not use the tests' one).
func (a *testApp) signIn2(email, password string) *client {
	a.t.Helper()
	c := a.client()
	if res := c.post("/connexion", url.Values{"email": {email}, "password": {password}}); res.status != http.StatusSeeOther {
		a.t.Fatalf("sign-in as %s: %d", email, res.status)
	}
	return c
}

func TestAPIRateLimitPerToken(t *testing.T) {
	app := newTestApp(t, storetest.SQLite(t))
	app.workspace("Ville Zeta")
	app.app.apiLimit = newRateLimit(60, 2)
	token := app.apiToken("agent@ville-zeta.test", "ville-zeta", false)
	for i := range 2 {
		res := app.api("GET", "/api/v1/workspace", token, nil)
		if res.status != http.StatusOK || !strings.Contains(res.header.Get("RateLimit"), "remaining="+strconv.Itoa(1-i)) {
			t.Fatalf("call %d: %d %q", i, res.status, res.header.Get("RateLimit"))
		}
	}
	res := app.api("GET", "/api/v1/workspace", token, nil)
	res.problemOf(t, http.StatusTooManyRequests)
	if res.header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	// Another token has its own allowance.
	if other := app.api("GET", "/api/v1/workspace", app.apiToken("admin@ville-zeta.test", "ville-zeta", false), nil); other.status != http.StatusOK {
		t.Errorf("another token: %d", other.status)
	}
}
