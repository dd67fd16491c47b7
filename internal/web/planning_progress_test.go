package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"boussole/internal/access"
	"boussole/internal/demo"
	"boussole/internal/model"
	"boussole/internal/schedule"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// mustLack fails when the page shows any of the texts.
func (r response) mustLack(t testing.TB, unwanted ...string) {
	t.Helper()
	text := html.UnescapeString(r.body)
	for _, u := range unwanted {
		if strings.Contains(r.body, u) || strings.Contains(text, u) {
			t.Errorf("page shows %q (status %d)", u, r.status)
		}
	}
}

func TestReferentUpdatesTheProgressOfTheirServiceOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		_, acts := planFixture(t, st, a, "Mission technique à Ziguinchor", "Saison culturelle croisée")
		for i, service := range []string{"Direction de l'eau", "Direction de la culture"} {
			sc := schedule.ScheduleRecord{ActivityID: acts[i].ID, AuthorityID: a.ID, StrategyID: acts[i].StrategyID, StartKind: schedule.StartAbsolute,
				StartDate: time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC), DurationDays: 30, Service: service, Responsible: "Karim",
				Partners: []string{"Ville de Ziguinchor"}, Status: schedule.Planned}
			if err := st.SaveSchedule(ctx, store.Actor{}, &sc); err != nil {
				t.Fatal(err)
			}
		}
		ref := model.User{Email: "ref-eau@ville-alpha.test", Name: "Julien Morel", PasswordHash: testPasswordHash}
		if err := st.CreateMember(ctx, store.Actor{}, a.ID, &ref, access.Referent, "direction de l'eau "); err != nil {
			t.Fatal(err)
		}
		water, culture := activityPath(a, acts[0]), activityPath(a, acts[1])
		c := app.signIn(ref.Email)

		form := c.get(water)
		form.mustContain(t, "Enregistrer l'avancement", `name="status"`, `name="percent"`, `name="version" value="1"`, "30 jours", "Karim", "Ville de Ziguinchor")
		form.mustLack(t, `name="start_date"`, `name="duration"`, `name="service"`, `name="responsible"`)
		other := c.get(culture)
		if other.status != http.StatusOK {
			t.Fatalf("another service's activity: %d", other.status)
		}
		other.mustLack(t, "Enregistrer l'avancement", `name="status"`)
		mine := c.get("/ct/" + a.Slug + "/planification/mes-activites")
		mine.mustContain(t, "Mes activités à mettre à jour", "Mission technique à Ziguinchor")
		mine.mustLack(t, "Saison culturelle croisée")

		// A forged POST carrying other dates and another service changes only the status and the percent.
		forged := scheduleValues("status", "en-cours", "percent", "40", "version", "1", "start_date", "2030-01-01", "duration", "99",
			"service", "Direction de la culture", "responsible", "Moi")
		if res := c.post(water, forged); res.status != http.StatusSeeOther {
			t.Fatalf("referent saves the progress: %d\n%s", res.status, res.body)
		}
		got, _ := st.Schedule(ctx, a.ID, acts[0].ID)
		if got.Status != schedule.Running || got.PercentDone != 40 || got.Version != 2 || got.DurationDays != 30 ||
			!got.StartDate.Equal(time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)) || got.Service != "Direction de l'eau" || got.Responsible != "Karim" {
			t.Errorf("after the referent's save: %+v", got)
		}
		entries, _ := st.AuditLog(ctx, a.ID, model.AuditFilter{Entity: "calendrier d'activité", UserID: ref.ID})
		if len(entries) != 1 {
			t.Errorf("audit entries by the referent = %d, want 1", len(entries))
		}

		// The form was read at version 1: the stale save shows both versions and keeps the stored one.
		stale := c.post(water, scheduleValues("status", "terminee", "percent", "100", "version", "1"))
		if stale.status != http.StatusConflict {
			t.Fatalf("stale save: %d, want 409", stale.status)
		}
		stale.mustContain(t, "Quelqu'un a modifié cet élément", "En cours (40 %)", "Terminée (100 %)", `name="version" value="2"`)
		bad := c.post(water, scheduleValues("status", "terminee", "percent", "150", "version", "2"))
		if bad.status != http.StatusUnprocessableEntity {
			t.Errorf("percent 150: %d, want 422", bad.status)
		}
		bad.mustContain(t, "L'avancement est un pourcentage, de 0 à 100.", `value="150"`)

		refused := []struct {
			who, path string
		}{
			{ref.Email, culture},                 // another service's activity
			{"referent@ville-alpha.test", water}, // a referent without a service
			{"lecteur@ville-alpha.test", water},  // a reader
			{"elu@ville-alpha.test", water},      // an elected member
		}
		for _, tt := range refused {
			res := app.signIn(tt.who).post(tt.path, scheduleValues("status", "abandonnee", "percent", "0", "version", "2"))
			if res.status != http.StatusForbidden {
				t.Errorf("%s saves %s: %d, want 403", tt.who, tt.path, res.status)
			}
		}
		for i, want := range []schedule.Status{schedule.Running, schedule.Planned} {
			if got, _ := st.Schedule(ctx, a.ID, acts[i].ID); got.Status != want {
				t.Errorf("activity %d: status %s after the refused saves, want %s", i, got.Status, want)
			}
		}
		app.signIn("referent@ville-alpha.test").get("/ct/"+a.Slug+"/planification/mes-activites").mustContain(t, "Votre fiche de membre n'indique pas de service")

		// Agents keep the full form.
		app.signIn("agent@ville-alpha.test").get(water).mustContain(t, `name="start_date"`, `name="duration"`, "Enregistrer le calendrier")
	})
}

// TestDemoReferentHasActivitiesToUpdate checks the demo tells the story: the water referent finds their
// service's activities under « Mes activités à mettre à jour » and each opens on the progress form.
func TestDemoReferentHasActivitiesToUpdate(t *testing.T) {
	st := storetest.SQLite(t)
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	app := newTestApp(t, st)
	c := app.client()
	if res := c.post("/connexion", url.Values{"email": {"referent@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", res.status)
	}
	mine := c.get("/ct/" + demo.Slug + "/planification/mes-activites")
	mine.mustContain(t, "Mes activités à mettre à jour")
	_, list, _ := strings.Cut(mine.body, "Mes activités à mettre à jour")
	links := regexp.MustCompile(`href="(/ct/[^"]+/planification/activites/\d+)"`).FindAllStringSubmatch(list, -1)
	if len(links) < 2 {
		t.Fatalf("the demo referent has %d activities to update, want several", len(links))
	}
	for _, l := range links {
		c.get(l[1]).mustContain(t, "Enregistrer l'avancement")
	}
}
