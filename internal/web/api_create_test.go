package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestAPICreatesAndDeletesFrameworkRecords creates an objective, a result under it and a risk through
// the API with the pages' checks, then deletes the objective with If-Match: without it 428, with a stale
// one 412, and once deleted its result is gone with it, as the page's confirmation says.
func TestAPICreatesAndDeletesFrameworkRecords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, strat := demoAPI(t, st)
		token := app.apiToken("agent@demo.boussole.test", demo.Slug, true)
		base := "/api/v1/strategies/" + itoa64(strat.ID)

		if p := app.api("POST", base+"/objectives", token, map[string]any{"title": "  "}).problemOf(t, http.StatusUnprocessableEntity); len(p.Errors) == 0 || p.Errors[0].Field != "title" {
			t.Errorf("an objective without a title: %+v", p)
		}
		if p := app.api("POST", base+"/objectives", token, map[string]any{"title": "Jumelage", "colour": "bleu"}).problemOf(t, http.StatusUnprocessableEntity); !strings.Contains(fmtProblem(p), "colour") {
			t.Errorf("an unknown field: %+v", p)
		}
		created := app.api("POST", base+"/objectives", token, map[string]any{"title": "Renforcer le jumelage avec Kaolack", "target_date": "2028"})
		var o apiObjective
		created.decode(t, &o)
		loc := created.header.Get("Location")
		if created.status != http.StatusCreated || o.Title != "Renforcer le jumelage avec Kaolack" || loc != "/api/v1/objectives/"+itoa64(o.ID) || created.header.Get("ETag") != versionETag(o.Version) {
			t.Fatalf("objective created: %d %s %+v", created.status, loc, o)
		}
		read := app.api("GET", loc, token, nil)
		if read.status != http.StatusOK || read.header.Get("ETag") != created.header.Get("ETag") {
			t.Errorf("the created objective read back: %d %s", read.status, read.body)
		}
		au, _ := st.AuthorityBySlug(context.Background(), demo.Slug)
		log, err := st.AuditLog(context.Background(), au.ID, model.AuditFilter{Limit: 1})
		if err != nil || len(log) == 0 || !strings.Contains(log[0].UserLabel, "(jeton «") {
			t.Errorf("the creation is not journaled with the token: %v %+v", err, log)
		}

		res := app.api("POST", loc+"/results", token, map[string]any{"title": "Deux échanges scolaires par an"})
		var rs apiResult
		res.decode(t, &rs)
		if res.status != http.StatusCreated || rs.ObjectiveID != o.ID {
			t.Fatalf("result created: %d %s", res.status, res.body)
		}
		if p := app.api("POST", base+"/risks", token, map[string]any{"description": "Départ du partenaire", "category": "externe", "likelihood": 7, "impact": 2, "status": "identifié"}).problemOf(t, http.StatusUnprocessableEntity); p.Errors[0].Field != "likelihood" {
			t.Errorf("a likelihood of 7: %+v", p)
		}
		risk := app.api("POST", base+"/risks", token, map[string]any{"description": "Départ du partenaire", "category": "externe", "likelihood": 2, "impact": 3, "status": "identifié"})
		if risk.status != http.StatusCreated || !strings.HasPrefix(risk.header.Get("Location"), "/api/v1/risks/") {
			t.Fatalf("risk created: %d %s", risk.status, risk.body)
		}
		reader := app.apiToken("lecteur@demo.boussole.test", demo.Slug, true)
		app.api("POST", base+"/objectives", reader, map[string]any{"title": "Interdit"}).problemOf(t, http.StatusForbidden)

		app.api("DELETE", loc, token, nil).problemOf(t, http.StatusPreconditionRequired)
		app.api("DELETE", loc, token, nil, "If-Match", versionETag(o.Version+5)).problemOf(t, http.StatusPreconditionFailed)
		if del := app.api("DELETE", loc, token, nil, "If-Match", created.header.Get("ETag")); del.status != http.StatusNoContent {
			t.Fatalf("delete: %d %s", del.status, del.body)
		}
		app.api("GET", loc, token, nil).problemOf(t, http.StatusNotFound)
		app.api("GET", "/api/v1/results/"+itoa64(rs.ID), token, nil).problemOf(t, http.StatusNotFound)
		if del := app.api("DELETE", risk.header.Get("Location"), token, nil, "If-Match", risk.header.Get("ETag")); del.status != http.StatusNoContent {
			t.Errorf("risk delete: %d %s", del.status, del.body)
		}
	})
}

func fmtProblem(p problem) string {
	out := p.Detail
	for _, e := range p.Errors {
		out += " " + e.Field + ": " + e.Detail
	}
	return out
}
