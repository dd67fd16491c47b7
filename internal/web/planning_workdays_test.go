package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"boussole/internal/access"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// officialWorkspace is testApp.workspace for an authority of the official list, so its département is known.
func (a *testApp) officialWorkspace(name, officialID string) model.Authority {
	a.t.Helper()
	ctx := context.Background()
	au := model.Authority{Kind: "commune", OfficialID: officialID, Name: name, Slug: slugify(name)}
	admin := model.User{Email: "admin@" + au.Slug + ".test", Name: "Admin " + name, PasswordHash: testPasswordHash}
	if err := a.st.SignUp(ctx, &au, &admin); err != nil {
		a.t.Fatal(err)
	}
	for _, r := range access.MemberRoles[1:] {
		u := model.User{Email: string(r) + "@" + au.Slug + ".test", Name: r.Label() + " " + name, PasswordHash: testPasswordHash}
		if err := a.st.CreateMember(ctx, store.Actor{}, au.ID, &u, r, ""); err != nil {
			a.t.Fatal(err)
		}
	}
	a.owner[au.Slug] = au
	return au
}

// TestWorkingDayLagFollowsTheAuthoritysCalendar adds the same dependency, two working days after an activity
// that ends on the Thursday before Easter 2026, in an authority of the Rhône and in Strasbourg: Easter Monday
// is off in both, Good Friday only in Strasbourg, so the successor starts a day later there.
func TestWorkingDayLagFollowsTheAuthoritysCalendar(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		for _, c := range []struct {
			name, official, start, note string
		}{
			{"Lyon", "commune:69123", "8 avril 2026", "lundis de Pâques et de Pentecôte"},
			{"Strasbourg", "commune:67482", "9 avril 2026", "Vendredi saint et le 26 décembre (droit local d'Alsace-Moselle)"},
		} {
			a := app.officialWorkspace(c.name, c.official)
			_, acts := planFixture(t, st, a, "Appel à projets", "Jury de sélection")
			agent := app.signIn("agent@" + a.Slug + ".test")
			if res := agent.post(activityPath(a, acts[0]), scheduleValues("start_date", "2026-03-30", "duration", "4")); res.status != http.StatusSeeOther {
				t.Fatalf("%s: schedule: %d\n%s", c.name, res.status, res.body)
			}
			if res := agent.post(activityPath(a, acts[1]), scheduleValues("start_date", "2026-01-05", "duration", "2")); res.status != http.StatusSeeOther {
				t.Fatalf("%s: schedule: %d", c.name, res.status)
			}
			dep := url.Values{"to": {fmt.Sprintf("a%d", acts[1].ID)}, "from": {fmt.Sprintf("a%d", acts[0].ID)}, "dep_kind": {"FS"}, "lag_n": {"2"}, "lag_unit": {"heures"}}
			res := agent.post("/ct/"+a.Slug+"/planification/dependances", dep)
			if res.status != http.StatusUnprocessableEntity {
				t.Fatalf("%s: unknown unit answered %d", c.name, res.status)
			}
			res.mustContain(t, `id="f-lag_unit-error">Choisissez jours, jours ouvrés, semaines ou mois.`, `value="2"`)
			dep.Set("lag_unit", "jours ouvrés")
			if res := agent.post("/ct/"+a.Slug+"/planification/dependances", dep); res.status != http.StatusSeeOther {
				t.Fatalf("%s: dependency: %d\n%s", c.name, res.status, res.body)
			}
			agent.get(activityPath(a, acts[1])).mustContain(t, "« Jury de sélection » commence après la fin de « Appel à projets », décalage de 2 jours ouvrés", c.note)
			agent.get("/ct/"+a.Slug+"/planification").mustContain(t, "<td>"+c.start+"</td>")
		}
	})
}

// TestChronogrammeDrawsDependenciesAsArrows checks the arrows, their toggle (a plain link, no script), the SVG
// file following it, and the list that says the same in words.
func TestChronogrammeDrawsDependenciesAsArrows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		_, acts := planFixture(t, st, a, "Appel à projets", "Jury de sélection", "Remise des prix")
		c := app.signIn("agent@ville-alpha.test")
		base := "/ct/" + a.Slug + "/planification"
		c.post(activityPath(a, acts[0]), scheduleValues())
		c.post(activityPath(a, acts[1]), scheduleValues())
		// A relative start is a dependency too: the prize-giving starts one working day after the jury's end.
		if res := c.post(activityPath(a, acts[2]), scheduleValues("start_kind", "relative", "anchor", fmt.Sprintf("a%d", acts[1].ID), "offset_n", "1", "offset_unit", "jours ouvrés")); res.status != http.StatusSeeOther {
			t.Fatalf("relative start in working days: %d\n%s", res.status, res.body)
		}
		dep := url.Values{"to": {fmt.Sprintf("a%d", acts[1].ID)}, "from": {fmt.Sprintf("a%d", acts[0].ID)}, "dep_kind": {"SS"}, "lag_n": {"3"}, "lag_unit": {"jours ouvrés"}}
		if res := c.post(base+"/dependances", dep); res.status != http.StatusSeeOther {
			t.Fatalf("dependency: %d\n%s", res.status, res.body)
		}
		texts := []string{
			"« Jury de sélection » commence après le début de « Appel à projets », décalage de 3 jours ouvrés",
			"« Remise des prix » commence après la fin de « Jury de sélection », décalage de 1 jour ouvré",
		}
		page := c.get(base)
		page.mustContain(t, append(texts, `id="dependances"`, "Masquer les flèches des dépendances", "flèches pour les dépendances")...)
		if n := strings.Count(page.body, `marker-end="url(#gantt-fleche)"`); n != 3 { // two arrows and the legend
			t.Errorf("%d arrow heads on the page, want 3", n)
		}
		for _, text := range texts {
			if !strings.Contains(page.body, "<title>"+template.HTMLEscapeString(text)+"</title>") {
				t.Errorf("no arrow titled %q", text)
			}
		}
		off := c.get(base + "?dependances=non&lignes=objectif")
		off.mustContain(t, append(texts, "Afficher les dépendances en flèches", `name="dependances" value="non"`, "chronogramme.svg?dependances=non")...)
		if strings.Contains(off.body, "g-dep") {
			t.Error("arrows drawn although hidden")
		}
		if !strings.Contains(page.body, `href="`+base+`?dependances=non&amp;lignes=objectif"`) || !strings.Contains(off.body, `href="`+base+`?lignes=objectif"`) {
			t.Error("the toggle links are not where the page says")
		}
		if svg := c.get(base + "/chronogramme.svg?lignes=service"); strings.Count(svg.body, `class="g-dep"`) != 1 {
			t.Error("the SVG file lacks the arrows")
		}
		if svg := c.get(base + "/chronogramme.svg?lignes=service&dependances=non"); strings.Contains(svg.body, "g-dep") {
			t.Error("the SVG file draws arrows although hidden")
		}
	})
}
