package web

import (
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/store/storetest"
)

func TestOpenDataOfThePublicIndicators(t *testing.T) {
	app, strat := demoAPI(t, storetest.SQLite(t))
	token := app.apiToken("admin@demo.boussole.test", demo.Slug, true)
	var whole apiWholeStrategy
	app.api("GET", "/api/v1/strategies/"+itoa64(strat.ID), token, nil).decode(t, &whole)
	public, private := 0, ""
	for _, in := range whole.Indicators {
		if in.Public {
			public++
		} else {
			private = in.Title
		}
	}
	c := app.client()
	base := "/public/" + demo.Slug + "/donnees/"
	if public == 0 {
		if res := c.get(base + "indicateurs.csv"); res.status != http.StatusNotFound {
			t.Errorf("nothing public, yet %d", res.status)
		}
		// Publish one through the API, as the authority would on the indicator's page.
		in := whole.Indicators[0]
		app.api("PATCH", "/api/v1/indicators/"+itoa64(in.ID), token, map[string]any{"public": true}, "If-Match", versionETag(in.Version))
		public, private = 1, ""
		if len(whole.Indicators) > 1 {
			private = whole.Indicators[1].Title
		}
	}
	res := c.get(base + "indicateurs.csv")
	if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/csv") || !strings.Contains(res.header.Get("Link"), "licence-ouverte") {
		t.Fatalf("CSV: %d %v", res.status, res.header)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(res.body, "\ufeff"))).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][0] != "strategie" {
		t.Fatalf("CSV rows: %v %v", rows, err)
	}
	if private != "" && strings.Contains(res.body, private) {
		t.Errorf("an indicator not marked public is published: %s", private)
	}
	c.get(base+"indicateurs.json").mustContain(t, "licence-ouverte", `"donnees"`)
	cat := c.get(base + "catalogue.json")
	cat.mustContain(t, `"dcat:Catalog"`, app.srv.URL+base+"indicateurs.csv", "Licence", "reference_valeur")
	if res := c.get("/public/inconnue/donnees/catalogue.json"); res.status != http.StatusNotFound {
		t.Errorf("unknown authority: %d", res.status)
	}
}
