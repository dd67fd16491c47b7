package web

import (
	"net/http"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/store/storetest"
)

// TestAPIChangesARisk changes a demo risk's likelihood and status through the API, refuses a likelihood
// out of its scale at the field, and leaves the element it threatens as it was.
func TestAPIChangesARisk(t *testing.T) {
	st := storetest.SQLite(t)
	app, strat := demoAPI(t, st)
	token := app.apiToken("agent@demo.boussole.test", demo.Slug, true)
	var whole apiWholeStrategy
	app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID), token, nil).decode(t, &whole)
	if len(whole.Risks) == 0 {
		t.Fatal("the demo has no risk")
	}
	path := "/api/v1/risks/" + itoa64(whole.Risks[0].ID)
	read := app.api("GET", path, token, nil)
	var before apiRisk
	read.decode(t, &before)
	if p := app.api("PATCH", path, token, map[string]any{"likelihood": 9}, "If-Match", read.header.Get("ETag")).problemOf(t, http.StatusUnprocessableEntity); p.Errors[0].Field != "likelihood" {
		t.Errorf("a likelihood of 9: %+v", p)
	}
	ok := app.api("PATCH", path, token, map[string]any{"likelihood": 1, "mitigation": "Convention signée"}, "If-Match", read.header.Get("ETag"))
	var after apiRisk
	ok.decode(t, &after)
	if ok.status != http.StatusOK || after.Likelihood != 1 || after.Mitigation != "Convention signée" || after.Version != before.Version+1 ||
		after.Description != before.Description || (before.Linked == nil) != (after.Linked == nil) {
		t.Fatalf("risk changed: %d %+v", ok.status, after)
	}
}
