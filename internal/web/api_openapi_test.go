package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestOpenAPIDescribesEveryRouteAndNothingElse reads the served description: every route of the table is
// in it with its permission, every operation in it is served (a real call does not land on the API's
// « no such address »), and every schema it refers to is defined.
func TestOpenAPIDescribesEveryRouteAndNothingElse(t *testing.T) {
	st := storetest.SQLite(t)
	app := newTestApp(t, st)
	a := app.workspace("Ville Alpha")
	ids := apiFixture(t, st, a)
	b := app.workspace("Ville Beta")
	stratB := model.Strategy{AuthorityID: b.ID, Title: "B", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(t, st.CreateStrategy(context.Background(), store.Actor{}, &stratB, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	ids["share"], _ = sharedAndWithdrawn(t, st, b, stratB) // the library reads what another authority shares
	token := app.apiToken("admin@ville-alpha.test", a.Slug, true)

	res := app.api("GET", apiPrefix+"/openapi.json", "", nil)
	if res.status != http.StatusOK || res.header.Get("Content-Type") != "application/json" {
		t.Fatalf("openapi.json: %d %s", res.status, res.header.Get("Content-Type"))
	}
	var doc struct {
		OpenAPI    string                               `json:"openapi"`
		Info       map[string]any                       `json:"info"`
		Paths      map[string]map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas         map[string]any `json:"schemas"`
			SecuritySchemes map[string]any `json:"securitySchemes"`
		} `json:"components"`
	}
	res.decode(t, &doc)
	if doc.OpenAPI != "3.1.0" || doc.Info["title"] == nil || doc.Components.SecuritySchemes["jeton"] == nil {
		t.Errorf("header of the description: %s %v", doc.OpenAPI, doc.Info)
	}
	routes := app.app.apiRoutes()
	described := 0
	for _, ops := range doc.Paths {
		described += len(ops)
	}
	if described != len(routes) {
		t.Errorf("%d operations described, %d routes served", described, len(routes))
	}
	seenIDs := map[string]bool{}
	for _, rt := range routes {
		op := doc.Paths[rt.Path][strings.ToLower(rt.Method)]
		if op == nil {
			t.Errorf("%s %s is served but not described", rt.Method, rt.Path)
			continue
		}
		if op[apiActionKey] != string(rt.Action) {
			t.Errorf("%s %s: described permission %v, enforced %s", rt.Method, rt.Path, op[apiActionKey], rt.Action)
		}
		if id, _ := op["operationId"].(string); id == "" || seenIDs[id] {
			t.Errorf("%s %s: operationId %q missing or repeated", rt.Method, rt.Path, id)
		} else {
			seenIDs[id] = true
		}
	}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			rt := apiRoute{Method: strings.ToUpper(method), Path: path}
			mine := deletionTarget(t, st, a, rt, ids)
			call := app.api(rt.Method, apiPrefix+fill(path, mine), token, patchBody(rt), "If-Match", currentETag(t, st, a, rt, mine))
			if call.status == http.StatusNotFound || call.status == http.StatusMethodNotAllowed {
				t.Errorf("%s %s (%v) is described but answers %d: %s", method, path, op["operationId"], call.status, call.body)
			}
		}
	}
	raw := string(res.body)
	for _, ref := range strings.Split(raw, `"$ref": "#/components/schemas/`)[1:] {
		name := ref[:strings.IndexByte(ref, '"')]
		if doc.Components.Schemas[name] == nil {
			t.Errorf("reference to an undefined schema %s", name)
		}
	}
}

func TestAPIDocumentationPage(t *testing.T) {
	app := newTestApp(t, storetest.SQLite(t))
	c := app.client()
	page := c.get(apiPrefix + "/documentation")
	if page.status != http.StatusOK {
		t.Fatalf("documentation: %d", page.status)
	}
	page.mustContain(t, "API de Boussole", "Authorization: Bearer", "If-Match", "/api/v1/openapi.json")
	for _, rt := range app.app.apiRoutes() {
		page.mustContain(t, `id="`+rt.ID+`"`, rt.Summary)
	}
	if strings.Contains(page.body, `src="http`) || strings.Contains(page.body, `rel="stylesheet" href="http`) {
		t.Error("the page loads something from another server")
	}
}
