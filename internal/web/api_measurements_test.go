package web

import (
	"context"
	"net/http"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/funding"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

// TestAPIRecordsAMeasurement records a value for a period of a demo indicator that has none, as the
// indicator's page would: the checks of the page, a period already measured changed only with If-Match at
// its version, and nothing recorded by a token that may not.
func TestAPIRecordsAMeasurement(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, strat := demoAPI(t, st)
		token := app.apiToken("agent@demo.boussole.test", demo.Slug, true)
		var whole apiWholeStrategy
		app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID), token, nil).decode(t, &whole)
		path, open := "", apiPeriod{}
		for _, in := range whole.Indicators {
			if in.Measure != "unité" && in.Measure != "pourcentage" {
				continue
			}
			var periods []apiPeriod
			app.api("GET", "/api/v1/indicators/"+itoa64(in.ID)+"/measurements", token, nil).decode(t, &periods)
			for _, p := range periods {
				if p.Measurement == nil {
					path, open = "/api/v1/indicators/"+itoa64(in.ID)+"/measurements", p
				}
			}
			if path != "" {
				break
			}
		}
		if path == "" {
			t.Fatal("no numeric demo indicator has a period without a measurement")
		}

		bad := app.api("POST", path, token, map[string]any{"date": open.End, "value": "beaucoup"}).problemOf(t, http.StatusUnprocessableEntity)
		if len(bad.Errors) == 0 || bad.Errors[0].Field != "value" {
			t.Errorf("a value that is no number: %+v", bad)
		}
		if p := app.api("POST", path, token, map[string]any{"date": "1990-01-01", "value": 3}).problemOf(t, http.StatusUnprocessableEntity); p.Errors[0].Field != "date" {
			t.Errorf("a day out of every period: %+v", p)
		}
		reader := app.apiToken("lecteur@demo.boussole.test", demo.Slug, true)
		app.api("POST", path, reader, map[string]any{"date": open.End, "value": 3}).problemOf(t, http.StatusForbidden)

		created := app.api("POST", path, token, map[string]any{"date": open.End, "value": 42, "source": "Bilan du service"})
		var m apiMeasurement
		created.decode(t, &m)
		if created.status != http.StatusCreated || m.Period != open.Period || m.Value == nil || *m.Value != "42" || m.Source != "Bilan du service" {
			t.Fatalf("recorded: %d %s", created.status, created.body)
		}
		app.api("POST", path, token, map[string]any{"date": open.End, "value": 43}).problemOf(t, http.StatusConflict)
		app.api("POST", path, token, map[string]any{"date": open.End, "value": 43}, "If-Match", versionETag(m.Version+1)).problemOf(t, http.StatusPreconditionFailed)
		changed := app.api("POST", path, token, map[string]any{"date": open.End, "value": "43.5"}, "If-Match", versionETag(m.Version))
		var m2 apiMeasurement
		changed.decode(t, &m2)
		if changed.status != http.StatusCreated || m2.ID != m.ID || m2.Value == nil || *m2.Value != "43.5" || m2.Version <= m.Version {
			t.Fatalf("changed: %d %s", changed.status, changed.body)
		}
		var periods []apiPeriod
		app.api("GET", path, token, nil).decode(t, &periods)
		for _, p := range periods {
			if p.Period == open.Period && (p.Measurement == nil || *p.Measurement.Value != "43.5") {
				t.Errorf("read back: %+v", p.Measurement)
			}
		}
	})
}

// TestAPIReadsTheProjectsAndTheirCheck reads the demo's projects through the API, alone and in the whole
// strategy: every stored project, its lines in euros, and the findings its page shows.
func TestAPIReadsTheProjectsAndTheirCheck(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, strat := demoAPI(t, st)
		token := app.apiToken("lecteur@demo.boussole.test", demo.Slug, false)
		whole, err := st.ReadStrategy(context.Background(), strat.AuthorityID, strat.ID, strategy.PartFunding)
		if err != nil || len(whole.Funding.Projects) == 0 {
			t.Fatalf("the demo's projects: %v", err)
		}
		var list apiPage[apiProject]
		app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID)+"/projects?limit=200", token, nil).decode(t, &list)
		if len(list.Items) != len(whole.Funding.Projects) {
			t.Fatalf("%d projects through the API, %d stored", len(list.Items), len(whole.Funding.Projects))
		}
		byID := map[int64]funding.Project{}
		for _, p := range whole.Funding.Projects {
			byID[p.ID] = p
		}
		lines, findings := 0, 0
		for _, p := range list.Items {
			stored, ok := byID[p.ID]
			if !ok || len(p.Lines) != len(stored.Lines) {
				t.Errorf("project %d: %+v", p.ID, p)
				continue
			}
			for j, l := range p.Lines {
				if want := *centsString(stored.Lines[j].AmountCents); l.Amount != want {
					t.Errorf("line %d: %s, stored %s", l.ID, l.Amount, want)
				}
			}
			lines += len(p.Lines)
			findings += len(p.Findings)
		}
		if lines == 0 || findings == 0 {
			t.Errorf("the demo's plans: %d lines, %d findings through the API", lines, findings)
		}
		var all apiWholeStrategy
		app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID), token, nil).decode(t, &all)
		if len(all.Projects) != len(list.Items) {
			t.Errorf("the whole strategy holds %d projects, the list %d", len(all.Projects), len(list.Items))
		}
	})
}

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
