package web

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/schedule"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// planFixture creates, in authority a, a 2026–2032 strategy with one objective and result and the named
// activities, through the framework's store methods.
func planFixture(t testing.TB, st *store.Store, a model.Authority, titles ...string) (model.Strategy, []logframe.ActivityRecord) {
	t.Helper()
	ctx := context.Background()
	strat := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	if err := st.CreateStrategy(ctx, store.Actor{}, &strat, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	o := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: strat.ID, SpecificObjective: logframe.SpecificObjective{Title: "Coopérer avec Ziguinchor"}}
	if err := st.CreateObjective(ctx, store.Actor{}, &o); err != nil {
		t.Fatal(err)
	}
	r := logframe.ResultRecord{AuthorityID: a.ID, StrategyID: strat.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: "Des échanges réguliers"}}
	if err := st.CreateResult(ctx, store.Actor{}, &r); err != nil {
		t.Fatal(err)
	}
	var acts []logframe.ActivityRecord
	for _, title := range titles {
		act := logframe.ActivityRecord{AuthorityID: a.ID, StrategyID: strat.ID, Activity: logframe.Activity{ResultID: r.ID, Title: title, Owner: "Mission RI"}}
		if err := st.CreateActivity(ctx, store.Actor{}, &act); err != nil {
			t.Fatal(err)
		}
		acts = append(acts, act)
	}
	return strat, acts
}

// scheduleValues is a valid schedule form; callers change what they test.
func scheduleValues(kv ...string) url.Values {
	v := url.Values{"start_kind": {"absolue"}, "start_date": {"2027-01-04"}, "duration": {"30"}, "prep": {"0"}, "followup": {"0"},
		"status": {"prevue"}, "percent": {"0"}, "version": {"0"}, "offset_n": {"0"}, "offset_unit": {"jours"}, "anchor_edge": {"fin"}}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func activityPath(a model.Authority, act logframe.ActivityRecord) string {
	return fmt.Sprintf("/ct/%s/planification/activites/%d", a.Slug, act.ID)
}

func TestMovingADateMovesWhatDependsOnIt(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		_, acts := planFixture(t, st, a, "Mission d'identification", "Atelier avec les partenaires", "Restitution aux élus")
		c := app.signIn("agent@ville-alpha.test")
		agent, _ := st.UserByEmail(context.Background(), "agent@ville-alpha.test")
		c.get("/ct/"+a.Slug+"/planification").mustContain(t, "Activités à planifier", "Mission d'identification")

		if res := c.post(activityPath(a, acts[0]), scheduleValues("responsible", agent.Name, "service", "Relations internationales")); res.status != http.StatusSeeOther {
			t.Fatalf("first schedule: %d\n%s", res.status, res.body)
		}
		for i := 1; i < 3; i++ {
			v := scheduleValues("start_kind", "relative", "anchor", fmt.Sprintf("a%d", acts[i-1].ID), "offset_n", "1", "offset_unit", "semaines", "duration", "10")
			if res := c.post(activityPath(a, acts[i]), v); res.status != http.StatusSeeOther {
				t.Fatalf("relative schedule %d: %d\n%s", i, res.status, res.body)
			}
		}
		page := c.get("/ct/" + a.Slug + "/planification")
		// 4 Jan + 30 days → last day 2 Feb; + 1 week → 10 Feb for 10 days → 19 Feb; + 1 week → 27 Feb.
		page.mustContain(t, "<svg", "Chemin critique", "4 janvier 2027", "2 février 2027", "10 février 2027", "19 février 2027", "27 février 2027")

		// Move the first activity by ten days: the two others follow and the next page says so.
		sc, _ := st.Schedule(context.Background(), a.ID, acts[0].ID)
		res := c.post(activityPath(a, acts[0]), scheduleValues("start_date", "2027-01-14", "responsible", strings.ToUpper(agent.Name), "version", fmt.Sprint(sc.Version)))
		if res.status != http.StatusSeeOther || !strings.Contains(res.location, "decale=") {
			t.Fatalf("move: %d %q", res.status, res.location)
		}
		after := c.get(res.location)
		after.mustContain(t, "3 activités ont été décalées", "Atelier avec les partenaires (10 jours plus tard)", "Restitution aux élus (10 jours plus tard)",
			"20 février 2027", "9 mars 2027")
		for _, path := range []string{"/planification/feuille-de-route?annee=2027", "/planification/mes-activites", "/planification/jalons",
			"/planification/agenda", "/planification?lignes=service", "/planification?lignes=partenaire", "/planification/activites/" + fmt.Sprint(acts[1].ID)} {
			if r := c.get("/ct/" + a.Slug + path); r.status != http.StatusOK {
				t.Errorf("%s: status %d", path, r.status)
			}
		}
		c.get("/ct/"+a.Slug+"/planification/feuille-de-route?annee=2027").mustContain(t, "Démarrent", "Mission d'identification", strings.ToUpper(agent.Name))
		c.get("/ct/"+a.Slug+"/planification/mes-activites").mustContain(t, "Mission d'identification")
		if svg := c.get("/ct/" + a.Slug + "/planification/chronogramme.svg"); !strings.HasPrefix(svg.header.Get("Content-Type"), "image/svg+xml") {
			t.Errorf("SVG download: %q", svg.header.Get("Content-Type"))
		}
	})
}

func TestPlanningRefusesBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		_, acts := planFixture(t, st, a, "Alpha", "Bêta", "Gamma")
		c := app.signIn("agent@ville-alpha.test")
		for _, tc := range []struct {
			duration, want string
		}{
			{"0", "au moins un jour"}, {"-5", "au moins un jour"}, {"", "Indiquez la durée"}, {"trois", "nombre entier"},
		} {
			res := c.post(activityPath(a, acts[0]), scheduleValues("duration", tc.duration, "responsible", "Quelqu'un"))
			if res.status != http.StatusUnprocessableEntity {
				t.Errorf("duration %q: status %d", tc.duration, res.status)
			}
			res.mustContain(t, tc.want, `value="Quelqu&#39;un"`)
		}
		if _, err := st.Schedule(context.Background(), a.ID, acts[0].ID); err == nil {
			t.Fatalf("a refused schedule was stored")
		}
		// A chain Alpha → Bêta → Gamma; Gamma → Alpha is refused with the cycle named.
		for _, act := range acts {
			if res := c.post(activityPath(a, act), scheduleValues()); res.status != http.StatusSeeOther {
				t.Fatalf("schedule: %d", res.status)
			}
		}
		dep := func(from, to logframe.ActivityRecord) response {
			return c.post("/ct/"+a.Slug+"/planification/dependances", url.Values{"from": {fmt.Sprintf("a%d", from.ID)}, "to": {fmt.Sprintf("a%d", to.ID)},
				"dep_kind": {"FS"}, "lag_n": {"0"}, "lag_unit": {"jours"}})
		}
		if res := dep(acts[0], acts[1]); res.status != http.StatusSeeOther {
			t.Fatalf("dependency: %d\n%s", res.status, res.body)
		}
		if res := dep(acts[1], acts[2]); res.status != http.StatusSeeOther {
			t.Fatalf("dependency: %d", res.status)
		}
		res := dep(acts[2], acts[0])
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("cycle: status %d", res.status)
		}
		res.mustContain(t, "crée un cycle", "« Gamma » → « Alpha » → « Bêta » → « Gamma »")
		if deps, _ := st.Dependencies(context.Background(), a.ID, acts[0].StrategyID); len(deps) != 2 {
			t.Errorf("dependencies after the refusal: %d", len(deps))
		}
		// A relative date to a milestone deleted meanwhile is refused.
		m := schedule.MilestoneRecord{AuthorityID: a.ID, StrategyID: acts[0].StrategyID, Kind: schedule.MilestoneSteering, Title: "COPIL", Date: partialdate.FromTime(time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC))}
		if err := st.CreateMilestone(context.Background(), store.Actor{}, &m); err != nil {
			t.Fatal(err)
		}
		_ = st.DeleteMilestone(context.Background(), store.Actor{}, a.ID, m.ID)
		sc, _ := st.Schedule(context.Background(), a.ID, acts[2].ID)
		res = c.post(activityPath(a, acts[2]), scheduleValues("start_kind", "relative", "anchor", fmt.Sprintf("m%d", m.ID), "version", fmt.Sprint(sc.Version)))
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("relative to a deleted milestone: status %d", res.status)
		}
		res.mustContain(t, "n'existe plus")
		// Dates outside the term are accepted and flagged.
		sc, _ = st.Schedule(context.Background(), a.ID, acts[0].ID)
		if res := c.post(activityPath(a, acts[0]), scheduleValues("start_date", "2033-05-01", "version", fmt.Sprint(sc.Version))); res.status != http.StatusSeeOther {
			t.Fatalf("outside the term: status %d\n%s", res.status, res.body)
		}
		c.get("/ct/"+a.Slug+"/planification").mustContain(t, "se termine après le mandat", "du mandat (2026–2032)")
		// A reader may look but not change.
		reader := app.signIn("lecteur@ville-alpha.test")
		if res := reader.post(activityPath(a, acts[0]), scheduleValues()); res.status != http.StatusForbidden {
			t.Errorf("reader saves a schedule: %d", res.status)
		}
	})
}

func TestMilestonesAndDependencyDeletion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		strat, acts := planFixture(t, st, a, "Alpha")
		c := app.signIn("agent@ville-alpha.test")
		base := "/ct/" + a.Slug + "/planification/jalons"
		res := c.post(base, url.Values{"strategie": {fmt.Sprint(strat.ID)}, "kind": {"deliberation"}, "title": {""}, "date": {"2026-13-40"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad milestone: %d", res.status)
		}
		res.mustContain(t, "Ce champ est obligatoire", "Le mois doit être compris entre 1 et 12")
		res = c.post(base, url.Values{"strategie": {fmt.Sprint(strat.ID)}, "kind": {"deliberation"}, "title": {"Délibération du conseil"}, "date": {"2026-11-20"}, "public": {"1"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("milestone: %d\n%s", res.status, res.body)
		}
		ms, _ := st.Milestones(context.Background(), a.ID, strat.ID)
		if len(ms) != 1 || !ms[0].Public {
			t.Fatalf("milestones = %+v", ms)
		}
		// Alpha starts one month after the deliberation.
		if res := c.post(activityPath(a, acts[0]), scheduleValues("start_kind", "relative", "anchor", fmt.Sprintf("m%d", ms[0].ID), "offset_n", "1", "offset_unit", "mois")); res.status != http.StatusSeeOther {
			t.Fatalf("relative to the milestone: %d\n%s", res.status, res.body)
		}
		c.get("/ct/"+a.Slug+"/planification").mustContain(t, "20 décembre 2026")
		c.get(fmt.Sprintf("%s/%d/suppression", base, ms[0].ID)).mustContain(t, "1 activité commence")
		if res := c.post(fmt.Sprintf("%s/%d/suppression", base, ms[0].ID), nil); res.status != http.StatusSeeOther {
			t.Fatalf("delete: %d", res.status)
		}
		c.get("/ct/"+a.Slug+"/planification").mustContain(t, "renvoyait à un élément supprimé", "référence supprimée")
	})
}

func TestCalendarFeeds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		strat, acts := planFixture(t, st, a, "Mission publique", "Réunion interne")
		c := app.signIn("agent@ville-alpha.test")
		agent, _ := st.UserByEmail(context.Background(), "agent@ville-alpha.test")
		c.post(activityPath(a, acts[0]), scheduleValues("public", "1", "responsible", agent.Email))
		c.post(activityPath(a, acts[1]), scheduleValues("responsible", "quelqu'un d'autre"))
		ctx := context.Background()
		m := schedule.MilestoneRecord{AuthorityID: a.ID, StrategyID: strat.ID, Kind: schedule.MilestoneDeliberation, Title: "Délibération", Date: partialdate.FromTime(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)), Public: true}
		if err := st.CreateMilestone(ctx, store.Actor{}, &m); err != nil {
			t.Fatal(err)
		}

		anon := app.client()
		pub := anon.get("/public/" + a.Slug + "/calendrier.ics")
		if pub.status != http.StatusOK || !strings.HasPrefix(pub.header.Get("Content-Type"), "text/calendar") {
			t.Fatalf("public feed: %d %q", pub.status, pub.header.Get("Content-Type"))
		}
		if !strings.Contains(pub.body, "SUMMARY:Mission publique") || !strings.Contains(pub.body, "SUMMARY:Délibération") || strings.Contains(pub.body, "Réunion interne") {
			t.Errorf("public feed holds the wrong events:\n%s", pub.body)
		}
		if again := anon.get("/public/" + a.Slug + "/calendrier.ics"); again.body != pub.body {
			t.Errorf("the public feed changes between two requests")
		}
		uid := regexp.MustCompile(`UID:activite-(\d+)@`).FindStringSubmatch(pub.body)
		if uid == nil || uid[1] != fmt.Sprint(acts[0].ID) {
			t.Errorf("activity UID not stable on its ID: %v", uid)
		}
		unknown := anon.get("/public/inconnue/calendrier.ics")
		if unknown.status != http.StatusNotFound {
			t.Errorf("unknown authority: %d", unknown.status)
		}
		// An authority that publishes nothing answers like an unknown one, byte for byte.
		silent := app.workspace("Ville Muette")
		planFixture(t, st, silent, "Rien de public")
		if r := anon.get("/public/" + silent.Slug + "/calendrier.ics"); r.status != http.StatusNotFound || r.body != unknown.body {
			t.Errorf("authority publishing nothing: %d %q, want the unknown one's 404 %q", r.status, r.body, unknown.body)
		}
		app.signIn("agent@"+silent.Slug+".test").get("/ct/"+silent.Slug+"/planification/agenda").mustContain(t, "Rien n'est encore publié")
		if r := anon.get("/public/" + app.workspace("Ville Sans Stratégie").Slug + "/calendrier.ics"); r.status != http.StatusNotFound {
			t.Errorf("authority without strategy: %d", r.status)
		}

		// The personal link is shown once, works without a session, and dies when replaced.
		page := c.post("/ct/"+a.Slug+"/planification/agenda", nil)
		link := regexp.MustCompile(`value="http://[^"]+(/agenda/[^"/]+)/mes-activites\.ics"`).FindStringSubmatch(page.body)
		if link == nil {
			t.Fatalf("no personal link on the page:\n%s", page.body)
		}
		mine := anon.get(link[1] + "/mes-activites.ics")
		if mine.status != http.StatusOK || !strings.Contains(mine.body, "Mission publique") || strings.Contains(mine.body, "Réunion interne") {
			t.Errorf("personal feed: %d\n%s", mine.status, mine.body)
		}
		all := anon.get(link[1] + "/calendrier.ics")
		if !strings.Contains(all.body, "Réunion interne") || !bytes.Contains([]byte(all.body), []byte("\r\n")) {
			t.Errorf("strategy feed lacks the internal activity or CRLF")
		}
		if again := c.get("/ct/" + a.Slug + "/planification/agenda"); strings.Contains(again.body, link[1]) {
			t.Errorf("the secret link is shown again")
		}
		c.post("/ct/"+a.Slug+"/planification/agenda", nil)
		if r := anon.get(link[1] + "/calendrier.ics"); r.status != http.StatusNotFound {
			t.Errorf("the replaced link still works: %d", r.status)
		}
	})
}

func init() {
	isolationFixtures = append(isolationFixtures, func(t testing.TB, st *store.Store, b model.Authority, strategyB model.Strategy) map[string]string {
		ctx := context.Background()
		o := logframe.ObjectiveRecord{AuthorityID: b.ID, StrategyID: strategyB.ID, SpecificObjective: logframe.SpecificObjective{Title: "Objectif B"}}
		if err := st.CreateObjective(ctx, store.Actor{}, &o); err != nil {
			t.Fatal(err)
		}
		r := logframe.ResultRecord{AuthorityID: b.ID, StrategyID: strategyB.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: "Résultat B"}}
		if err := st.CreateResult(ctx, store.Actor{}, &r); err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, title := range []string{"Activité B1", "Activité B2"} {
			act := logframe.ActivityRecord{AuthorityID: b.ID, StrategyID: strategyB.ID, Activity: logframe.Activity{ResultID: r.ID, Title: title}}
			if err := st.CreateActivity(ctx, store.Actor{}, &act); err != nil {
				t.Fatal(err)
			}
			sc := schedule.ScheduleRecord{ActivityID: act.ID, AuthorityID: b.ID, StrategyID: strategyB.ID, StartKind: schedule.StartAbsolute,
				StartDate: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), DurationDays: 10, Status: schedule.Planned}
			if err := st.SaveSchedule(ctx, store.Actor{}, &sc); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, act.ID)
		}
		m := schedule.MilestoneRecord{AuthorityID: b.ID, StrategyID: strategyB.ID, Kind: schedule.MilestoneSteering, Title: "COPIL B", Date: partialdate.FromTime(time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC))}
		if err := st.CreateMilestone(ctx, store.Actor{}, &m); err != nil {
			t.Fatal(err)
		}
		d := schedule.DependencyRecord{AuthorityID: b.ID, StrategyID: strategyB.ID, From: schedule.Node{Kind: schedule.NodeActivity, ID: ids[0]},
			To: schedule.Node{Kind: schedule.NodeActivity, ID: ids[1]}, Kind: schedule.FinishToStart, LagUnit: schedule.Days}
		if err := st.CreateDependency(ctx, store.Actor{}, &d); err != nil {
			t.Fatal(err)
		}
		return map[string]string{"activity": fmt.Sprint(ids[0]), "milestone": fmt.Sprint(m.ID), "dependency": fmt.Sprint(d.ID)}
	})
}

// TestPlanningAndLogframeShareTheOwner names the person in charge on the schedule and reads it in the
// logframe and its check, then changes it in the logframe and reads it back on the schedule.
func TestPlanningAndLogframeShareTheOwner(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		_, acts := planFixture(t, st, a, "Mission à Ziguinchor")
		act := acts[0]
		act.Owner = ""
		if err := st.UpdateActivity(context.Background(), store.Actor{}, &act); err != nil {
			t.Fatal(err)
		}
		c := app.signIn("agent@ville-alpha.test")
		check := "/ct/" + a.Slug + "/cadre-logique/verification"
		if !strings.Contains(html.UnescapeString(c.get(check).body), "n'a pas de responsable") {
			t.Fatal("the check does not flag the activity without an owner: the test proves nothing")
		}
		if r := c.post(activityPath(a, act), scheduleValues("responsible", "Karim Benali")); r.status != http.StatusSeeOther {
			t.Fatalf("schedule: %d", r.status)
		}
		if body := html.UnescapeString(c.get(check).body); strings.Contains(body, "n'a pas de responsable") {
			t.Error("the check says « pas de responsable » while the schedule names one")
		}
		element := fmt.Sprintf("/ct/%s/cadre-logique/activites/%d", a.Slug, act.ID)
		page := c.get(element)
		page.mustContain(t, `value="Karim Benali"`)
		v := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(page.body)
		if v == nil {
			t.Fatal("no version on the activity form")
		}
		if r := c.post(element, url.Values{"version": {v[1]}, "titre": {act.Title}, "responsable": {"Direction de l'eau"}}); r.status != http.StatusSeeOther {
			t.Fatalf("logframe save: %d\n%s", r.status, r.body)
		}
		sched := c.get(activityPath(a, act))
		sched.mustContain(t, `value="Direction de l'eau"`)

		// The schedule form is open while the logframe changes the owner: saving the schedule without
		// touching its « Responsable » keeps the logframe's change.
		form := url.Values{}
		for _, m := range regexp.MustCompile(`<input type="hidden" name="(version|responsible_was)" value="([^"]*)"`).FindAllStringSubmatch(sched.body, -1) {
			form.Set(m[1], html.UnescapeString(m[2]))
		}
		if form.Get("responsible_was") != "Direction de l'eau" {
			t.Fatalf("the schedule form does not carry the owner it shows: %v", form)
		}
		fresh, _ := st.Activity(context.Background(), a.ID, act.ID)
		fresh.Owner = "Mission relations internationales"
		if err := st.UpdateActivity(context.Background(), store.Actor{}, &fresh); err != nil {
			t.Fatal(err)
		}
		again := scheduleValues("responsible", "Direction de l'eau", "duration", "45")
		again.Set("version", form.Get("version"))
		again.Set("responsible_was", form.Get("responsible_was"))
		if r := c.post(activityPath(a, act), again); r.status != http.StatusSeeOther {
			t.Fatalf("schedule save: %d\n%s", r.status, r.body)
		}
		if got, _ := st.Activity(context.Background(), a.ID, act.ID); got.Owner != "Mission relations internationales" {
			t.Errorf("saving the schedule undid the logframe's owner: %q", got.Owner)
		}
	})
}
