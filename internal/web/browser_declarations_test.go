package web

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/funding"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestBrowserDeclarations describes a project for the yearly ODA declaration in a real browser, from the
// declaration's page to the project's form and back, each page checked with axe-core and the HTML checker.
func TestBrowserDeclarations(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	app := newTestApp(t, st)
	a := app.workspace("Ville Alpha")
	strat, _ := planFixture(t, st, a)
	p := funding.Project{AuthorityID: a.ID, StrategyID: strat.ID, Title: "Eau potable à Kindia", Status: funding.StatusRunning, Countries: []string{"GN"}}
	if err := st.CreateProject(context.Background(), store.Actor{}, &p); err != nil {
		t.Fatal(err)
	}
	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "agent@ville-alpha.test")
	b.Fill("Mot de passe", testPassword)
	b.Submit("Se connecter")
	b.Navigate(app.srv.URL + "/ct/" + a.Slug + "/financements/declaration")
	if text := b.Text(); !strings.Contains(text, "Description des projets pour la déclaration") || !strings.Contains(text, "À compléter") {
		t.Fatalf("declaration page: %s", text)
	}
	b.CheckPage(t)
	b.Click("Eau potable à Kindia")
	b.CheckPage(t)
	b.Fill("Nature de la dépense", funding.KindOnePercent.Label())
	b.Fill("Secteur CAD (OCDE, 5 chiffres)", "14030 – Approvisionnement en eau potable et assainissement - dispositifs de base")
	b.Fill("Canal d'acheminement (code CRS)", "12002 – Gouvernment local")
	b.Fill("Egalité des genres", "1 – objectif significatif")
	b.Submit("Enregistrer")
	if text := b.Text(); !strings.Contains(text, "Les modifications ont été enregistrées") {
		t.Fatalf("not saved: %s", text)
	}
	b.CheckPage(t)
	got, err := st.Project(context.Background(), a.ID, p.ID)
	if err != nil || got.Declaration.Sector != "14030" || got.Declaration.Channel != "12002" || got.Declaration.Markers["1"] != 1 {
		t.Fatalf("stored: %+v %v (project %s)", got.Declaration, err, strconv.FormatInt(p.ID, 10))
	}
}
