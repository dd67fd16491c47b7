package web

import (
	"net/http"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
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
