package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"os"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/opendata"
	"boussole/internal/store"
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

// TestOpenDataOfWhatThePublicPagePublishes reads the demo's objectives, partnerships, projects and
// co-financing as open data, checks the register's own fields stay home, and unpublishes a part.
func TestOpenDataOfWhatThePublicPagePublishes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, _ := demoOn(t, st)
		c := app.client()
		base := "/public/" + demo.Slug + "/donnees/"
		cat := c.get(base + "catalogue.json")
		for _, slug := range []string{"objectifs", "partenariats", "projets", "cofinancements"} {
			cat.mustContain(t, app.srv.URL+base+slug+".csv", app.srv.URL+base+slug+".json")
		}
		c.get(base+"partenariats.csv").mustContain(t, "partenaire,pays,nature", "Commune de Ziguinchor", "SN")
		c.get(base+"objectifs.json").mustContain(t, `"intitule"`, "objectif spécifique", "résultat attendu")
		c.get(base+"cofinancements.csv").mustContain(t, "projet,source,financeur,montant", "AFD — FICOL")
		a, err := st.AuthorityBySlug(ctx, demo.Slug)
		must(t, err)
		partnerships, err := st.Partnerships(ctx, a.ID)
		must(t, err)
		body := c.get(base + "partenariats.csv").body
		for _, p := range partnerships {
			for _, own := range append(append([]string{}, p.Partnership.Services...), p.Partnership.LocalActors...) {
				if own != "" && strings.Contains(body, own) {
					t.Errorf("the open data holds the register's own %q", own)
				}
			}
		}
		// The authority stops publishing its projects: their tables go, the rest stays.
		profile, err := st.PublicProfile(ctx, a.ID)
		must(t, err)
		profile.ShowProjects = false
		must(t, st.SavePublicProfile(ctx, store.Actor{}, &profile))
		for _, slug := range []string{"projets.csv", "cofinancements.json"} {
			if res := c.get(base + slug); res.status != http.StatusNotFound {
				t.Errorf("%s after unpublishing: %d", slug, res.status)
			}
		}
		if res := c.get(base + "partenariats.json"); res.status != http.StatusOK {
			t.Errorf("the partnerships went with the projects: %d", res.status)
		}
		// Unpublished page: only what is marked public one by one (indicators) stays open.
		profile.Published = false
		must(t, st.SavePublicProfile(ctx, store.Actor{}, &profile))
		if res := c.get(base + "objectifs.csv"); res.status != http.StatusNotFound {
			t.Errorf("objectives of an unpublished page: %d", res.status)
		}
	})
}

// TestOpenDataOfTheGrantsIsValidSCDL reads the demo's grants as the national « SCDL Subventions » table and
// validates it against the format's own schema; a grant missing what the format requires stays out.
func TestOpenDataOfTheGrantsIsValidSCDL(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, _ := demoOn(t, st)
		c := app.client()
		res := c.get("/public/" + demo.Slug + "/donnees/subventions.csv")
		res.mustContain(t, "nomAttribuant,idAttribuant,dateConvention", "W333216789", "Fonds de solidarité internationale", "2026-03-12")
		f, err := os.Open("../opendata/testdata/scdl-subventions/schema.json")
		must(t, err)
		defer f.Close()
		schema, err := opendata.ParseSchema(f)
		must(t, err)
		problems, err := schema.Validate(strings.NewReader(res.body))
		must(t, err)
		if len(problems) > 0 {
			t.Errorf("the grants break the SCDL schema: %v\n%s", problems, res.body)
		}
		if n := strings.Count(strings.TrimSpace(res.body), "\n"); n != 1 {
			t.Errorf("%d grants published, want the one the demo completed:\n%s", n, res.body)
		}
	})
}
