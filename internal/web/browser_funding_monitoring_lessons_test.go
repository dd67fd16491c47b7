package web

import (
	"context"
	"strconv"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/demo"
	"boussole/internal/model"
	"boussole/internal/store/storetest"
)

// TestBrowserFundingMonitoringLessonsOnTheDemo opens the funding, monitoring and lessons pages moved to
// templ that no other browser test visits, as the platform's administrator (a programme's edit form) then
// as the demo's administrator, and checks each with axe-core and the HTML checker.
func TestBrowserFundingMonitoringLessonsOnTheDemo(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, err := st.AuthorityBySlug(ctx, demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	lessons, err := st.Lessons(ctx, a.ID)
	if err != nil || len(lessons) == 0 {
		t.Fatalf("the demo's lessons: %v, %d", err, len(lessons))
	}
	lesson := "/lecons/" + strconv.FormatInt(lessons[0].ID, 10)
	operator := model.User{Email: "operateur@plateforme.test", Name: "Opérateur", PasswordHash: testPasswordHash, PlatformAdmin: true}
	must(t, st.CreateUser(ctx, &operator))
	app := newTestApp(t, st)
	// The platform's administrator edits a programme of the catalogue.
	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", operator.Email)
	b.Fill("Mot de passe", testPassword)
	b.Submit("Se connecter")
	b.Navigate(app.srv.URL + "/administration/catalogue/ficol")
	if b.Status() != 200 || b.Path() != "/administration/catalogue/ficol" {
		t.Fatalf("the catalogue's edit page: status %d at %s", b.Status(), b.Path())
	}
	b.CheckPage(t)
	b.Submit("Se déconnecter")
	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "admin@demo.boussole.test")
	b.Fill("Mot de passe", demo.Password)
	b.Submit("Se connecter")
	for _, p := range []string{"/financements/portefeuille", "/financements/catalogue", "/financements/catalogue/ficol",
		"/financements/organisation", "/financements/reseaux", "/financements/reseaux/1", "/financements/projets/1/programmes",
		"/financements/projets/1/lignes/1", "/suivi-evaluation/evaluations", "/suivi-evaluation/evaluations/1",
		"/suivi-evaluation/evaluations/1/recommandations/1", "/suivi-evaluation/import", "/suivi-evaluation/a-mettre-a-jour",
		"/suivi-evaluation/indicateurs/2", "/lecons", lesson, lesson + "/suppression"} {
		path := "/ct/" + demo.Slug + p
		b.Navigate(app.srv.URL + path)
		if b.Status() != 200 || b.Path() != path {
			t.Errorf("%s: status %d at %s", p, b.Status(), b.Path())
			continue
		}
		b.CheckPage(t)
	}
}
