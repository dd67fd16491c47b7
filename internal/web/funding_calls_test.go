package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/demo"
	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// B's own call: the isolation walk tries it through A's routes.
func init() {
	isolationFixtures = append(isolationFixtures, func(t testing.TB, st *store.Store, b model.Authority, _ model.Strategy) map[string]string {
		c := funding.Call{AuthorityID: b.ID, Programme: "ficol", Title: "Appel de B", Deadline: time.Now().AddDate(0, 3, 0)}
		if err := st.CreateCall(context.Background(), store.Actor{}, &c); err != nil {
			t.Fatal(err)
		}
		return map[string]string{"call": strconv.FormatInt(c.ID, 10)}
	})
}

// TestCallsCalendar reads the demo's calls, the ones its projects aim at first with the day to start the
// file, refuses a bad call at its fields, adds and removes one of the authority's own, and keeps the
// platform's out of its reach.
func TestCallsCalendar(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, admin := demoOn(t, st)
		base := "/ct/" + demo.Slug + "/financements/appels"
		page := admin.get(base)
		page.mustContain(t, "Les appels que visent vos projets", "FICOL — dépôt des notes d", "Commencer le dossier avant le", "plateforme", "votre collectivité")
		feed := admin.get(base + ".ics")
		feed.mustContain(t, "BEGIN:VCALENDAR", "Date limite : ", "Commencer le dossier : ")

		deadline := time.Now().AddDate(0, 2, 0).Format("02/01/2006")
		bad := admin.post(base, url.Values{"programme": {"inconnu"}, "titre": {"Mon appel gardé"}, "ouverture": {"mars 2027"}, "date_limite": {""},
			"lien": {"javascript:alert(1)"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("a bad call: %d", bad.status)
		}
		bad.mustContain(t, "Choisissez le programme dans la liste.", "Indiquez le jour", "Indiquez la date limite", "commençant par https://", "Mon appel gardé")
		res := admin.post(base, url.Values{"programme": {"erasmus-plus"}, "titre": {"Appel relayé par le réseau"}, "date_limite": {deadline}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("add a call: %d\n%s", res.status, summaryText(res.body))
		}
		a, err := st.AuthorityBySlug(ctx, demo.Slug)
		must(t, err)
		calls, err := st.Calls(ctx, a.ID, time.Now())
		must(t, err)
		var own, platform funding.Call
		for _, c := range calls {
			if c.Title == "Appel relayé par le réseau" {
				own = c
			}
			if c.AuthorityID == 0 {
				platform = c
			}
		}
		if own.ID == 0 || platform.ID == 0 {
			t.Fatalf("calls %+v", calls)
		}
		admin.get(base).mustContain(t, "Appel relayé par le réseau")
		del := base + "/" + strconv.FormatInt(own.ID, 10) + "/suppression"
		admin.get(del).mustContain(t, "Supprimer l&#39;appel")
		if res := admin.post(del, url.Values{}); res.status != http.StatusSeeOther {
			t.Fatalf("delete: %d", res.status)
		}
		if strings.Contains(admin.get(base).body, "Appel relayé par le réseau") {
			t.Error("the deleted call is still on the calendar")
		}
		if res := admin.post(base+"/"+strconv.FormatInt(platform.ID, 10)+"/suppression", url.Values{}); res.status != http.StatusNotFound {
			t.Errorf("an authority removes a platform call: %d", res.status)
		}
		reader := app.client()
		reader.post("/connexion", url.Values{"email": {"lecteur@demo.boussole.test"}, "password": {demo.Password}})
		if res := reader.post(base, url.Values{"programme": {"ficol"}, "titre": {"x"}, "date_limite": {deadline}}); res.status != http.StatusForbidden {
			t.Errorf("a reader adds a call: %d", res.status)
		}
	})
}

// TestPlatformCallsByThePlatformAdministrator: only the platform administrator enters the calls every
// authority sees; they reach an authority's calendar at once, and go when removed.
func TestPlatformCallsByThePlatformAdministrator(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		operator := model.User{Email: "operateur@plateforme.test", Name: "Opérateur", PasswordHash: testPasswordHash, PlatformAdmin: true}
		must(t, st.CreateUser(ctx, &operator))
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		admin := app.signIn("admin@" + a.Slug + ".test")
		if res := admin.get("/administration/appels"); res.status != http.StatusNotFound {
			t.Errorf("a workspace administrator opens the platform's calls: %d", res.status)
		}
		deadline := time.Now().AddDate(0, 4, 0).Format("02/01/2006")
		if res := admin.post("/administration/appels", url.Values{"programme": {"ficol"}, "titre": {"x"}, "date_limite": {deadline}}); res.status != http.StatusNotFound {
			t.Errorf("a workspace administrator enters a platform call: %d", res.status)
		}
		op := app.signIn(operator.Email)
		op.get("/administration/appels").mustContain(t, "Aucun appel n", "est encore saisi")
		bad := op.post("/administration/appels", url.Values{"programme": {"ficol"}, "titre": {"Sans date"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("a call without deadline: %d", bad.status)
		}
		bad.mustContain(t, "Indiquez la date limite", `value="Sans date"`)
		if res := op.post("/administration/appels", url.Values{"programme": {"ficol"}, "titre": {"FICOL de la plateforme"}, "date_limite": {deadline}}); res.status != http.StatusSeeOther {
			t.Fatalf("enter a call: %d %s", res.status, summaryText(res.body))
		}
		admin.get("/ct/"+a.Slug+"/financements/appels").mustContain(t, "FICOL de la plateforme", "plateforme")
		calls, err := st.PlatformCalls(ctx)
		must(t, err)
		if len(calls) != 1 {
			t.Fatalf("platform calls %+v", calls)
		}
		if res := op.post("/administration/appels/"+strconv.FormatInt(calls[0].ID, 10)+"/suppression", url.Values{}); res.status != http.StatusSeeOther {
			t.Fatalf("remove: %d", res.status)
		}
		if strings.Contains(admin.get("/ct/"+a.Slug+"/financements/appels").body, "FICOL de la plateforme") {
			t.Error("a removed platform call is still on the authority's calendar")
		}
	})
}

// TestSchemePageSaysWhichGrantsCannotBePublished: a granted application without what the national format
// asks is counted on its scheme's page; the demo's completed one is not.
func TestSchemePageSaysWhichGrantsCannotBePublished(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		_, admin := demoOn(t, st)
		a, err := st.AuthorityBySlug(ctx, demo.Slug)
		must(t, err)
		schemes, err := st.Schemes(ctx, a.ID)
		if err != nil || len(schemes) == 0 {
			t.Fatalf("the demo's schemes: %v", err)
		}
		page := "/ct/" + demo.Slug + "/financements/dispositifs/" + strconv.FormatInt(schemes[0].ID, 10)
		if strings.Contains(admin.get(page).body, "ne peut pas encore être publiée") {
			t.Error("the demo's completed grant is said unpublishable")
		}
		apps, err := st.Applications(ctx, a.ID, schemes[0].ID)
		must(t, err)
		for _, app := range apps {
			if app.Decision == funding.DecisionGranted {
				app.BeneficiaryID = ""
				must(t, st.DecideApplication(ctx, store.Actor{}, &app, nil))
			}
		}
		admin.get(page).mustContain(t, "1 subvention accordée ne peut pas encore être publiée")
	})
}
