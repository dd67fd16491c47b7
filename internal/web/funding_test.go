package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/frfmt"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestFundingCatalogueEditByPlatformAdmin: only the platform administrator edits the catalogue; an edit is a
// new version, read by every authority's pages; a rate over 100 % is refused at its field with what was typed kept.
func TestFundingCatalogueEditByPlatformAdmin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		operator := model.User{Email: "operateur@plateforme.test", Name: "Opérateur", PasswordHash: testPasswordHash, PlatformAdmin: true}
		must(t, st.CreateUser(ctx, &operator))
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		if res := app.signIn("admin@" + a.Slug + ".test").get("/administration/catalogue/ficol"); res.status != http.StatusNotFound {
			t.Errorf("a workspace administrator opens the catalogue's edit page: %d", res.status)
		}
		op := app.signIn(operator.Email)
		page := op.get("/administration/catalogue/ficol")
		page.mustContain(t, "Modifier « AFD — FICOL")
		values := url.Values{"name": {"AFD — FICOL"}, "funder": {"AFD"}, "level": {"national"}, "orientation": {"pays-tiers"}, "version": {"0"},
			"min_grant": {"250 000"}, "min_grant_source": {"Appel à projets FICOL 2027"}, "max_rate": {"120"}, "max_rate_source": {"x"}}
		res := op.post("/administration/catalogue/ficol", values)
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "ne peut pas dépasser 100") || !strings.Contains(res.body, `value="250 000"`) {
			t.Fatalf("a rate over 100 %%: %d", res.status)
		}
		checkRefusal(t, "rate over 100 %", res)
		values.Set("max_rate", "")
		values.Set("max_rate_source", "")
		if res := op.post("/administration/catalogue/ficol", values); res.status != http.StatusSeeOther {
			t.Fatalf("valid edit: %d %s", res.status, summaryText(res.body))
		}
		if res := op.post("/administration/catalogue/ficol", values); res.status != http.StatusConflict {
			t.Errorf("a stale version: %d", res.status)
		}
		agent := app.signIn("agent@" + a.Slug + ".test")
		prog := agent.get("/ct/" + a.Slug + "/financements/catalogue/ficol")
		prog.mustContain(t, frfmt.Euros(25_000_000), "Appel à projets FICOL 2027", "Version 1")
	})
}

// TestFundingPagesOnTheDemo reads the demo's funding pages as the agent: the deliberate faults show, with
// their sources, and the partner is told the plans are internal.
func TestFundingPagesOnTheDemo(t *testing.T) {
	_, c := demoApp(t)
	p := "/ct/" + demo.Slug + "/financements"
	list := c.get(p)
	list.mustContain(t, "Assainissement de Ziguinchor, phase 2", "bloquant", "le plan demande plus de personnes")
	search := c.get(p + "?q=sefrou")
	search.mustContain(t, "Formation des agents de Sefrou", "1 projet sur 8")
	if strings.Contains(search.body, "Quảng Nam") {
		t.Error("the search shows a project without the word")
	}
	c.get(p+"/portefeuille").mustContain(t, "Redondances possibles", "Assainissement de Ziguinchor, phase 2", "Priorité thématique « Économie »")
	c.get(p+"/annees").mustContain(t, "2027", "dans le plafond", "ressources à saisir")
	c.get(p+"/organisation").mustContain(t, "Direction générale des services", "choix de la collectivité", "fiches de poste")
	c.get(p+"/reseaux").mustContain(t, "Cités Unies France (CUF)", "coût non renseigné pour 1 adhésion", "Expertise France")
	c.get(p+"/catalogue?niveau=ue").mustContain(t, "Erasmus+", "Fonds Bêkou")
	if strings.Contains(c.get(p+"/catalogue?niveau=ue").body, "Dispositif 1 %") {
		t.Error("the EU filter shows a national programme")
	}
}
