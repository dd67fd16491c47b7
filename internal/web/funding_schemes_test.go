package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/frfmt"
	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// B's scheme and an application to it: the isolation walk tries them through A's routes.
func init() {
	isolationFixtures = append(isolationFixtures, func(t testing.TB, st *store.Store, b model.Authority, _ model.Strategy) map[string]string {
		ctx := context.Background()
		sc := funding.Scheme{AuthorityID: b.ID, Name: "Fonds de B"}
		if err := st.SaveScheme(ctx, store.Actor{}, &sc); err != nil {
			t.Fatal(err)
		}
		who := stakeholder.Stakeholder{Name: "Association de B", Kind: stakeholder.KindAssociation}
		if err := st.CreateStakeholder(ctx, store.Actor{}, b.ID, &who); err != nil {
			t.Fatal(err)
		}
		asked := int64(100_000)
		a := funding.Application{AuthorityID: b.ID, SchemeID: sc.ID, StakeholderID: who.ID, Title: "Projet de B", Year: 2026, AskedCents: &asked}
		if err := st.SaveApplication(ctx, store.Actor{}, &a); err != nil {
			t.Fatal(err)
		}
		return map[string]string{"scheme": strconv.FormatInt(sc.ID, 10), "application": strconv.FormatInt(a.ID, 10)}
	})
}

// TestSupportSchemePages reads the demo's solidarity fund, creates a scheme with bad then good rules,
// records an application the review refuses at its fields, fixes it, decides and pays it, sees the
// payment in the spending, deletes after a confirmation, and keeps a reader out of every form.
func TestSupportSchemePages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, admin := demoOn(t, st)
		base := "/ct/" + demo.Slug + "/financements/dispositifs"
		list := admin.get(base)
		list.mustContain(t, "Fonds de solidarité internationale", "50 %", "8\u202f000", "40\u202f000")
		a, err := st.AuthorityBySlug(ctx, demo.Slug)
		must(t, err)
		schemes, err := st.Schemes(ctx, a.ID)
		must(t, err)
		if len(schemes) != 1 {
			t.Fatalf("demo schemes %+v", schemes)
		}
		fund := admin.get(base + "/" + strconv.FormatInt(schemes[0].ID, 10))
		fund.mustContain(t, "Tournée d'artistes de Casamance", "n'est pas parmi les thèmes du dispositif", "dépasse le plafond de 8",
			"Accordé", "Versé par ce dispositif", "Budget propre versé sur les projets", "Reste de l'enveloppe", "33\u202f000")

		// A scheme with absurd rules: messages at the fields, what was typed kept.
		bad := admin.post(base, url.Values{"nom": {"Fonds jeunesse gardé"}, "taux_max": {"120"}, "plafond": {"-5"}, "enveloppe": {"beaucoup"}, "country": {"XX"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad rules: %d", bad.status)
		}
		bad.mustContain(t, "Un pourcentage se compte de 0 à 100", `id="f-plafond-error"`, `id="f-enveloppe-error"`, "Choisissez les pays dans la liste.", `value="Fonds jeunesse gardé"`, `value="beaucoup"`)
		res := admin.post(base, url.Values{"nom": {"Fonds mobilité jeunesse"}, "taux_max": {"80"}, "plafond": {"3 000"}, "enveloppe": {"10 000,00"},
			"demandeurs": {"association"}, "country": {"DE"}, "themes": {"jeunesse-sport"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("create: %d %s", res.status, summaryText(res.body))
		}
		page := strings.SplitN(res.location, "?", 2)[0]
		admin.get(page).mustContain(t, "Fonds mobilité jeunesse", "80 %", "Allemagne", "Aucune demande n'est encore enregistrée", "non fixé : non vérifié")

		// An application to a country and a theme the fund does not support, above its rate and cap: the review says each at its field.
		scouts, err := st.StakeholderByKey(ctx, a.ID, stakeholder.KindAssociation, "Scouts et guides de Belval")
		must(t, err)
		bad = admin.post(page+"/demandes", url.Values{"demandeur": {""}, "titre": {"Chantier gardé"}, "annee": {"deux mille"}, "cout": {"1 000"}, "montant": {"2 000"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad application: %d", bad.status)
		}
		bad.mustContain(t, "Choisissez le demandeur parmi les acteurs", "Le montant demandé dépasse le coût total", `value="Chantier gardé"`, `value="deux mille"`)
		res = admin.post(page+"/demandes", url.Values{"demandeur": {strconv.FormatInt(scouts.ID, 10)}, "titre": {"Chantier à Lörrach"}, "annee": {"2026"},
			"country": {"SN"}, "theme": {"culture"}, "cout": {"4 000"}, "montant": {"3 500"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("application: %d %s", res.status, summaryText(res.body))
		}
		appURL := strings.SplitN(res.location, "?", 2)[0]
		admin.get(appURL).mustContain(t, "n'est pas éligible en l'état", "Sénégal", "Culture", "dépasse 80 %", "dépasse le plafond de 3", "Non vérifié",
			"Part des salaires : le dispositif ne la limite pas")
		res = admin.post(appURL, url.Values{"demandeur": {strconv.FormatInt(scouts.ID, 10)}, "titre": {"Chantier à Lörrach"}, "annee": {"2026"},
			"country": {"DE"}, "theme": {"jeunesse-sport"}, "cout": {"4 000"}, "montant": {"2 500"}, "version": {"1"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("fix: %d %s", res.status, summaryText(res.body))
		}
		admin.get(appURL).mustContain(t, "La demande respecte les règles que le dispositif fixe.")

		// The decision: more than asked is refused; then granted and paid, the payment counts in the spending.
		bad = admin.post(appURL+"/decision", url.Values{"decision": {"accorde"}, "accorde": {"9 000"}, "version": {"2"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("granted above the asked: %d", bad.status)
		}
		bad.mustContain(t, "Le montant accordé dépasse le montant demandé.", `value="9 000"`)
		res = admin.post(appURL+"/decision", url.Values{"decision": {"accorde"}, "accorde": {"2 500"}, "verse": {"1 500"}, "annee_versement": {"2027"}, "version": {"2"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("decide: %d %s", res.status, summaryText(res.body))
		}
		admin.get(appURL).mustContain(t, "2027 : "+frfmt.Euros(150_000))
		admin.get(page).mustContain(t, "Versé dans l'année", frfmt.Euros(150_000))
		admin.get("/ct/"+demo.Slug+"/financements/annees").mustContain(t, "Budget propre dépensé", "versés par les", frfmt.Euros(150_000), frfmt.Euros(400_000))
		paid, err := st.SchemePayments(ctx, a.ID)
		must(t, err)
		if paid[2027] != 150_000 || paid[2026] != 400_000 {
			t.Errorf("payments by year %v", paid)
		}

		// A reader sees the schemes, and none of their forms.
		reader := app.client()
		reader.post("/connexion", url.Values{"email": {"lecteur@demo.boussole.test"}, "password": {demo.Password}})
		if r := reader.get(page); r.status == http.StatusOK && strings.Contains(r.body, "Enregistrer une demande") {
			t.Error("a reader is offered the application form")
		}
		for _, path := range []string{base, page, page + "/demandes", appURL, appURL + "/decision", appURL + "/suppression", page + "/suppression"} {
			if r := reader.post(path, url.Values{"nom": {"x"}}); r.status != http.StatusForbidden {
				t.Errorf("a reader posts %s: %d", path, r.status)
			}
		}

		// Deleting asks first, then removes the application and its payment.
		admin.get(appURL+"/suppression").mustContain(t, "Supprimer la demande", "1 versement(s)")
		if r := admin.post(appURL+"/suppression", url.Values{"version": {"3"}}); r.status != http.StatusSeeOther {
			t.Fatalf("delete the application: %d", r.status)
		}
		admin.get(page+"/suppression").mustContain(t, "Supprimer le dispositif")
		if r := admin.post(page+"/suppression", url.Values{"version": {"1"}}); r.status != http.StatusSeeOther {
			t.Fatalf("delete the scheme: %d", r.status)
		}
		if strings.Contains(admin.get(base).body, "Fonds mobilité jeunesse") {
			t.Error("the deleted scheme is still listed")
		}
	})
}

// TestSchemeApplicationsArePaged fills the demo's fund with sixty applications of an older year: the page
// lists fifty at a time with the next page's link, and the filters by year and decision keep what they
// ask for, with the count.
func TestSchemeApplicationsArePaged(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	_, admin := demoOn(t, st)
	a, err := st.AuthorityBySlug(ctx, demo.Slug)
	must(t, err)
	schemes, err := st.Schemes(ctx, a.ID)
	must(t, err)
	sc := schemes[0]
	apps, err := st.Applications(ctx, a.ID, sc.ID)
	must(t, err)
	who := apps[0].StakeholderID
	for i := range 60 {
		asked := int64(100_000)
		app := funding.Application{AuthorityID: a.ID, SchemeID: sc.ID, StakeholderID: who, Title: "Projet ancien n° " + strconv.Itoa(i+1), Year: 2022, AskedCents: &asked}
		must(t, st.SaveApplication(ctx, store.Actor{}, &app))
	}
	base := "/ct/" + demo.Slug + "/financements/dispositifs/" + strconv.FormatInt(sc.ID, 10)
	first := admin.get(base)
	first.mustContain(t, "Page 1 sur 2", "Page suivante", strconv.Itoa(60+len(apps))+" demandes sur "+strconv.Itoa(60+len(apps)))
	if n := strings.Count(first.body, "/demandes/"); n < appsPerPage || n > appsPerPage+2 {
		t.Errorf("the first page links %d applications, want %d", n, appsPerPage)
	}
	admin.get(base+"?page=2").mustContain(t, "Page 2 sur 2", "Page précédente")
	old := admin.get(base + "?annee=2022&decision=")
	old.mustContain(t, "60 demandes sur", "Projet ancien n° 1<", "Page 1 sur 2")
	if strings.Contains(old.body, apps[0].Title) {
		t.Errorf("the 2022 filter lists a %d application", apps[0].Year)
	}
	granted := admin.get(base + "?decision=" + string(funding.DecisionGranted))
	granted.mustContain(t, "Accordé")
	if strings.Contains(granted.body, "Projet ancien n° ") {
		t.Error("the granted filter lists applications still to decide")
	}
	admin.get(base+"?annee=1999&decision=nimporte&page=-3").mustContain(t, "Page 1 sur 2")
}
