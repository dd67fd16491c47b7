package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/access"
	"boussole/internal/demo"
	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

// demoProjectID finds a demo project by title.
func demoProjectID(t *testing.T, st *store.Store, title string) int64 {
	t.Helper()
	ctx := context.Background()
	a, err := st.AuthorityBySlug(ctx, demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.ReadStrategies(ctx, a.ID, strategy.PartFunding)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		for _, p := range s.Funding.Projects {
			if p.Title == title {
				return p.ID
			}
		}
	}
	t.Fatalf("no demo project %q", title)
	return 0
}

// TestProjectDeclarationForm: a bad sector and a marker scored 3 are refused at their fields with what was
// typed kept; a good form is saved, read back, and shows on the declaration and in its spreadsheet.
func TestProjectDeclarationForm(t *testing.T) {
	app, c := demoApp(t)
	id := demoProjectID(t, app.st, "Tri des déchets à Quảng Nam")
	p := "/ct/" + demo.Slug + "/financements/projets/" + strconv.FormatInt(id, 10) + "/declaration"
	form := c.get(p)
	form.mustContain(t, "Déclaration APD et IATI du projet", "Secteur CAD", "14030 – Approvisionnement en eau potable", "Egalité des genres", "non examiné")
	bad := url.Values{"version": {"0"}, "nature": {"un-pour-cent"}, "secteur": {"99999"}, "canal": {"11002"}, "marqueur-1": {"3"}, "marqueur-2": {"2"}}
	res := c.post(p, bad)
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad form: %d", res.status)
	}
	res.mustContain(t, "Choisissez un secteur CAD à 5 chiffres", "Choisissez 0 (non ciblé), 1 (objectif significatif) ou 2")
	for _, kept := range []string{`<option value="un-pour-cent" selected>`, `<option value="11002" selected>`, `<option value="2" selected>`} {
		if !strings.Contains(res.body, kept) {
			t.Errorf("the refused form lost %s", kept)
		}
	}
	checkRefusal(t, "bad sector", res)
	good := url.Values{"version": {"0"}, "nature": {"un-pour-cent"}, "secteur": {"14050"}, "canal": {"12002"}, "marqueur-1": {"1"}, "marqueur-2": {"2"}}
	if res := c.post(p, good); res.status != http.StatusSeeOther {
		t.Fatalf("good form: %d %s", res.status, summaryText(res.body))
	}
	if res := c.post(p, good); res.status != http.StatusConflict {
		t.Errorf("a stale version: %d", res.status)
	}
	back := c.get(p)
	back.mustContain(t, `<option value="14050" selected>`, `<option value="12002" selected>`)
	project := c.get(strings.TrimSuffix(p, "/declaration"))
	project.mustContain(t, "Déclaration APD et IATI", "14050 – ", "Compléter les champs de la déclaration", "Plan de financement")
	decl := c.get("/ct/" + demo.Slug + "/financements/declaration")
	decl.mustContain(t, "Déclaration annuelle de l'aide publique au développement", "Ce qui manque", "Fichier IATI 2.03",
		"Description des projets pour la déclaration", "14050 – ", "Formation des agents de Sefrou", "À compléter")
	csv := c.get("/ct/" + demo.Slug + "/financements/declaration/apd.csv")
	if csv.status != http.StatusOK || !strings.HasPrefix(csv.header.Get("Content-Type"), "text/csv") || !strings.Contains(csv.body, "Code secteur CAD") {
		t.Errorf("CSV: %d %s", csv.status, csv.header.Get("Content-Type"))
	}
	xml := c.get("/ct/" + demo.Slug + "/financements/declaration/iati.xml")
	if xml.status != http.StatusOK || !strings.Contains(xml.body, `<sector vocabulary="1" code="14030" percentage="100">`) ||
		!strings.Contains(xml.body, `<policy-marker vocabulary="1" code="7" significance="1">`) {
		t.Errorf("IATI: %d\n%.2000s", xml.status, xml.body)
	}
	atlas := c.get("/ct/" + demo.Slug + "/financements/declaration/atlas.xlsx")
	if atlas.status != http.StatusOK || !strings.HasPrefix(atlas.body, "PK") {
		t.Errorf("Atlas: %d", atlas.status)
	}
	if c.get("/ct/"+demo.Slug+"/financements/declaration?annee=1850").status != http.StatusNotFound {
		t.Error("a year out of range is served")
	}
}

// TestDeclarationAccess: the partner does not see the internal declaration; the élu reads it
// but cannot save.
func TestDeclarationAccess(t *testing.T) {
	app, _ := demoApp(t)
	id := demoProjectID(t, app.st, "Eau potable à Ziguinchor")
	p := "/ct/" + demo.Slug + "/financements/projets/" + strconv.FormatInt(id, 10) + "/declaration"
	for _, who := range []string{"partenaire"} {
		c := app.signIn2(who+"@demo.boussole.test", demo.Password)
		if res := c.get(p); res.status != http.StatusForbidden && res.status != http.StatusNotFound {
			t.Errorf("%s opens the declaration: %d", who, res.status)
		}
		if res := c.get("/ct/" + demo.Slug + "/financements/declaration/apd.csv"); res.status == http.StatusOK {
			t.Errorf("%s downloads the declaration", who)
		}
	}
	// The reader sees the declaration but not the Atlas sheets, which name the élus and officers.
	reader := app.signIn2("lecteur@demo.boussole.test", demo.Password)
	if res := reader.get("/ct/" + demo.Slug + "/financements/declaration/atlas.xlsx"); res.status == http.StatusOK {
		t.Error("the reader downloads the members' details")
	}
	if strings.Contains(reader.get("/ct/"+demo.Slug+"/financements/declaration").body, "atlas.xlsx") {
		t.Error("the reader is offered the Atlas sheets")
	}
	elu := app.signIn2("elu@demo.boussole.test", demo.Password)
	page := elu.get(p)
	page.mustContain(t, "Approvisionnement en eau potable")
	if strings.Contains(page.body, ">Enregistrer<") {
		t.Error("the élu is offered to save")
	}
	if res := elu.post(p, url.Values{"version": {"1"}, "nature": {string(funding.KindCooperation)}}); res.status != http.StatusForbidden && res.status != http.StatusNotFound {
		t.Errorf("the élu saves: %d", res.status)
	}
}

// TestDeclarationReminder: the home page's reminder shows in April and May to those who prepare the
// declaration, and not in June nor to the élu.
func TestDeclarationReminder(t *testing.T) {
	render := func(role access.Role, m time.Month) string {
		var b strings.Builder
		v := view{WS: &workspace{Authority: model.Authority{Slug: "x"}, Role: role}}
		if err := declarationReminderAt(v, time.Date(2027, m, 20, 0, 0, 0, 0, time.UTC)).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if s := render(access.Agent, time.April); !strings.Contains(s, "Déclaration de l'APD 2026") || !strings.Contains(s, "/financements/declaration") {
		t.Errorf("April: %q", s)
	}
	if render(access.Agent, time.June) != "" || render(access.Elected, time.May) != "" {
		t.Error("the reminder shows out of season or to the élu")
	}
}

// TestDeclarationCountsTheSchemesGrants reads the demo's declaration of 2026, the year its support scheme
// paid a grant: the grant is a line of its own, as a grant to an association, counted in the total and in
// the spreadsheet, with a link to its application.
func TestDeclarationCountsTheSchemesGrants(t *testing.T) {
	st := storetest.SQLite(t)
	_, admin := demoOn(t, st)
	ctx := context.Background()
	a, err := st.AuthorityBySlug(ctx, demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	grants, err := st.SchemeGrantsPaidIn(ctx, a.ID, 2026)
	if err != nil || len(grants) == 0 {
		t.Fatalf("the demo's scheme paid nothing in 2026: %v", err)
	}
	g := grants[0]
	page := admin.get("/ct/" + demo.Slug + "/financements/declaration?annee=2026")
	page.mustContain(t, g.Title, g.Applicant, funding.KindNGOGrant.Label(), "22000",
		"/financements/dispositifs/"+strconv.FormatInt(g.SchemeID, 10)+"/demandes/"+strconv.FormatInt(g.ApplicationID, 10))
	sheet := admin.get("/ct/" + demo.Slug + "/financements/declaration/apd.csv?annee=2026")
	sheet.mustContain(t, g.Title, fmt.Sprintf("%d,%02d", g.PaidCents/100, g.PaidCents%100))
	if before := admin.get("/ct/" + demo.Slug + "/financements/declaration?annee=2025"); strings.Contains(before.body, g.Title) {
		t.Error("the grant paid in 2026 is declared in 2025")
	}
}
