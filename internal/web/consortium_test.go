package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/consortium"
	"boussole/internal/demo"
	"boussole/internal/model"
	"boussole/internal/sharing"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// B's lesson and the consortium B leads: the isolation walk tries them through A's routes.
func init() {
	isolationFixtures = append(isolationFixtures, func(t testing.TB, st *store.Store, b model.Authority, _ model.Strategy) map[string]string {
		ctx := context.Background()
		l := sharing.Lesson{AuthorityID: b.ID, Title: "Leçon de B", Shared: true}
		if err := st.SaveLesson(ctx, store.Actor{}, &l); err != nil {
			t.Fatal(err)
		}
		c := consortium.Consortium{LeadID: b.ID, Title: "Projet commun de B"}
		if err := st.CreateConsortium(ctx, store.Actor{}, &c, nil); err != nil {
			t.Fatal(err)
		}
		return map[string]string{"lesson": strconv.FormatInt(l.ID, 10), "consortium": strconv.FormatInt(c.ID, 10)}
	})
}

// TestConsortiumFromProposalToCalendar proposes a joint project from the demo to two peers, refuses a
// proposal with no title and nobody invited, then as the invited peers joins, gives a share and a date, or
// declines; a stranger and the one that declined read nothing of it.
func TestConsortiumFromProposalToCalendar(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, admin := demoOn(t, st)
		prefix := "/ct/" + demo.Slug
		admin.get(prefix+"/consortiums").mustContain(t, "Eau potable en Casamance") // the demo's own, in progress
		admin.get(prefix+"/consortiums/nouveau?pays=SN").mustContain(t, "Ville de Saint-Aubin-sur-Loire", "Collectivités invitées")
		if res := admin.post(prefix+"/consortiums", url.Values{"title": {" "}}); res.status != http.StatusUnprocessableEntity ||
			!strings.Contains(res.body, `id="f-title-error"`) || !strings.Contains(res.body, `id="f-invite-error"`) {
			t.Fatalf("an empty proposal: %d", res.status)
		}
		montclair, _ := st.AuthorityBySlug(ctx, "montclair")
		portmarin, _ := st.AuthorityBySlug(ctx, "portmarin")
		res := admin.post(prefix+"/consortiums", url.Values{"title": {"Échanges de lycéens"}, "description": {"Trois villes, un appel à projets."},
			"country": {"de"}, "theme": {"Jeunesse"}, "invite": {strconv.FormatInt(montclair.ID, 10), strconv.FormatInt(portmarin.ID, 10)}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("proposal: %d\n%s", res.status, summaryText(res.body))
		}
		space := strings.Replace(strings.SplitN(res.location, "?", 2)[0], prefix, "", 1)
		admin.get(prefix+space).mustContain(t, "Échanges de lycéens", "Allemagne", "invitée, sans réponse")

		signIn := func(n int) *client {
			c := app.client()
			if r := c.post("/connexion", url.Values{"email": {"pair" + strconv.Itoa(n) + "@demo.boussole.test"}, "password": {demo.Password}}); r.status != http.StatusSeeOther {
				t.Fatalf("sign-in pair%d: %d", n, r.status)
			}
			return c
		}
		mc, pm, stranger := signIn(8), signIn(5), signIn(1) // Montclair, Portmarin, Saint-Aubin
		mp, pp := "/ct/montclair", "/ct/portmarin"
		mc.get(mp+"/consortiums").mustContain(t, "Échanges de lycéens", "invitée")
		if r := mc.post(mp+space+"/part", url.Values{"share": {"1000"}}); r.status != http.StatusUnprocessableEntity {
			t.Errorf("a share before joining: %d", r.status)
		}
		if r := mc.post(mp+space+"/reponse", url.Values{"answer": {"oui"}}); r.status != http.StatusSeeOther {
			t.Fatalf("join: %d", r.status)
		}
		if r := mc.post(mp+space+"/part", url.Values{"share": {"-5"}}); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="f-share-error"`) {
			t.Errorf("a negative share: %d", r.status)
		}
		if r := mc.post(mp+space+"/part", url.Values{"share": {"12 500,50"}, "share_note": {"Budget jeunesse"}}); r.status != http.StatusSeeOther {
			t.Fatalf("share: %d\n%s", r.status, summaryText(r.body))
		}
		if r := mc.post(mp+space+"/calendrier", url.Values{"event_title": {"Mission à Kiel"}, "event_on": {"mai 2027"}}); r.status != http.StatusSeeOther {
			t.Fatalf("date: %d\n%s", r.status, summaryText(r.body))
		}
		admin.get(prefix+space).mustContain(t, "500,50", "Budget jeunesse", "Mission à Kiel", "mai 2027", "incomplet")
		if r := pm.post(pp+space+"/reponse", url.Values{"answer": {"non"}}); r.status != http.StatusSeeOther {
			t.Fatalf("decline: %d", r.status)
		}
		for name, c := range map[string]*client{"the authority that declined": pm, "a stranger": stranger} {
			slug := pp
			if c == stranger {
				slug = "/ct/saint-aubin-sur-loire"
			}
			if r := c.get(slug + space); r.status != http.StatusNotFound {
				t.Errorf("%s reads the consortium: %d", name, r.status)
			}
			if r := c.post(slug+space+"/calendrier", url.Values{"event_title": {"Intrusion"}, "event_on": {"2027"}}); r.status != http.StatusNotFound {
				t.Errorf("%s writes in the consortium: %d", name, r.status)
			}
		}
		if strings.Contains(admin.get(prefix+space).body, "Intrusion") {
			t.Error("a stranger's date was written")
		}
	})
}

// TestLessonsSharedByConsent writes a lesson refused then accepted, finds it as a peer only once shared,
// refuses a stale edit, and deletes it after confirmation.
func TestLessonsSharedByConsent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, admin := demoOn(t, st)
		prefix := "/ct/" + demo.Slug
		admin.get(prefix+"/lecons").mustContain(t, "Présenter le bilan au conseil", "Noter une leçon")
		if r := admin.post(prefix+"/lecons", url.Values{"title": {""}, "country": {"ZZ"}, "difficulty": {"x"}}); r.status != http.StatusUnprocessableEntity ||
			!strings.Contains(r.body, `id="f-title-error"`) || !strings.Contains(r.body, `id="f-country-error"`) || !strings.Contains(r.body, `id="f-difficulty-error"`) {
			t.Fatalf("a bad lesson: %d", r.status)
		}
		r := admin.post(prefix+"/lecons", url.Values{"title": {"Traduire les conventions en wolof"}, "text": {"Les habitants les lisent enfin."}, "country": {"SN"},
			"theme": {"Gouvernance"}, "difficulty": {"relation-partenaire"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("lesson: %d\n%s", r.status, summaryText(r.body))
		}
		lesson := strings.SplitN(r.location, "?", 2)[0]
		peer := app.client()
		peer.post("/connexion", url.Values{"email": {"pair1@demo.boussole.test"}, "password": {demo.Password}})
		lib := "/ct/saint-aubin-sur-loire/bibliotheque?q=wolof"
		if strings.Contains(peer.get(lib).body, "Traduire les conventions") {
			t.Fatal("an unshared lesson is read by a peer")
		}
		page := admin.get(lesson)
		version := between(page.body, `name="version" value="`, `"`)
		shared := url.Values{"title": {"Traduire les conventions en wolof"}, "text": {"Les habitants les lisent enfin."}, "country": {"SN"}, "theme": {"Gouvernance"},
			"difficulty": {"relation-partenaire"}, "shared": {"oui"}, "version": {version}}
		if r := admin.post(lesson, shared); r.status != http.StatusSeeOther {
			t.Fatalf("share the lesson: %d\n%s", r.status, summaryText(r.body))
		}
		peer.get(lib).mustContain(t, "Traduire les conventions en wolof", "Grand Belval")
		if r := admin.post(lesson, shared); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "a modifié cette leçon pendant") {
			t.Errorf("a stale edit: %d", r.status)
		}
		if strings.Contains(peer.get("/ct/saint-aubin-sur-loire/bibliotheque").body, "Note interne") {
			t.Error("the demo's unshared lesson is read by a peer")
		}
		admin.get(lesson+"/suppression").mustContain(t, "Supprimer la leçon")
		page = admin.get(lesson)
		if r := admin.post(lesson+"/suppression", url.Values{"version": {between(page.body, `name="version" value="`, `"`)}}); r.status != http.StatusSeeOther {
			t.Fatalf("delete: %d", r.status)
		}
		if strings.Contains(peer.get(lib).body, "Traduire les conventions") {
			t.Error("a deleted lesson is still in the library")
		}
	})
}

// between returns the text of s between the first before and the next after.
func between(s, before, after string) string {
	i := strings.Index(s, before)
	if i < 0 {
		return ""
	}
	s = s[i+len(before):]
	if j := strings.Index(s, after); j >= 0 {
		return s[:j]
	}
	return ""
}
