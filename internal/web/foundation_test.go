package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"boussole/internal/access"
	"boussole/internal/demo"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func TestSignUpFindsTheAuthorityAndOpensItsWorkspace(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		c := app.client()
		c.get("/inscription?q=angouleme").mustContain(t, "Angoulême", "/inscription?collectivite=commune%3a16015")
		c.get("/inscription?q=zzzzqqq").mustContain(t, "Aucune collectivité ne correspond")

		// Bad input: the message is at the field and what was typed stays.
		res := c.post("/inscription", url.Values{"collectivite": {"commune:16015"}, "name": {"Léa Martin"}, "email": {"lea@angouleme"}, "password": {"court"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad sign-up: status %d", res.status)
		}
		res.mustContain(t, "Saisissez une adresse électronique valide", "au moins 10 caractères", `value="Léa Martin"`, `aria-invalid="true"`)
		if strings.Contains(res.body, `value="court"`) {
			t.Error("the password must not be sent back")
		}

		res = c.post("/inscription", url.Values{"collectivite": {"commune:16015"}, "name": {"Léa Martin"}, "email": {"lea@angouleme.fr"}, "password": {"une phrase assez longue"}})
		if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/ct/angouleme/") {
			t.Fatalf("sign-up: status %d, location %q", res.status, res.location)
		}
		c.get("/ct/angouleme/").mustContain(t, "Aucune stratégie n'a encore été créée", "Créer la stratégie de la mandature")

		// A second person for the same authority is offered to request access instead.
		other := app.client()
		other.get("/inscription?collectivite=commune:16015").mustContain(t, "a déjà un espace sur Boussole", "Demander l'accès")
		res = other.post("/inscription/demande-acces", url.Values{"collectivite": {"commune:16015"}, "name": {"Paul"}, "email": {"paul@angouleme.fr"}})
		res.mustContain(t, "transmise à ses administrateurs")
		c.get("/ct/angouleme/membres").mustContain(t, "paul@angouleme.fr")

		// An unknown code is refused with a French message.
		other.get("/inscription?collectivite=commune:00000").mustContain(t, "n'est pas dans la liste officielle")
	})
}

func TestSignInMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		app.workspace("Ville Alpha")
		c := app.client()
		wrongPassword := c.post("/connexion", url.Values{"email": {"admin@ville-alpha.test"}, "password": {"mauvais mot de passe"}})
		unknownEmail := c.post("/connexion", url.Values{"email": {"personne@nulle.part"}, "password": {"mauvais mot de passe"}})
		if wrongPassword.status != http.StatusUnauthorized || unknownEmail.status != http.StatusUnauthorized {
			t.Fatalf("statuses %d %d", wrongPassword.status, unknownEmail.status)
		}
		msg := regexp.MustCompile(`<div class="alert" role="alert">\s*<p>([^<]*)</p>`)
		a, b := msg.FindStringSubmatch(wrongPassword.body), msg.FindStringSubmatch(unknownEmail.body)
		if a == nil || b == nil || a[1] != b[1] {
			t.Errorf("messages differ or are missing: %v / %v", a, b)
		}
		// Throttling is tested in signin_test.go.
	})
}

// TestOtherAuthoritiesAreInvisible walks every workspace route as each role of authority A: with B's
// prefix every route answers 404; with A's prefix and B's identifiers, 404 (or 403 where A's role may
// not perform the action at all, which says nothing about B).
func TestOtherAuthoritiesAreInvisible(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a, b := app.workspace("Ville Alpha"), app.workspace("Ville Beta")
		ctx := context.Background()
		stratB := model.Strategy{AuthorityID: b.ID, Title: "B", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		if err := st.CreateStrategy(ctx, store.Actor{}, &stratB, time.Now()); err != nil {
			t.Fatal(err)
		}
		adminB, _ := st.UserByEmail(ctx, "admin@ville-beta.test")
		_ = st.CreateAccessRequest(ctx, model.AccessRequest{AuthorityID: b.ID, Email: "x@y.fr", Name: "X"})
		reqs, _ := st.AccessRequests(ctx, b.ID)
		expert := model.User{Email: "expert@reseau.test", Name: "Expert", PasswordHash: testPasswordHash}
		_ = st.CreateUser(ctx, &expert)
		_ = st.CreateGrant(ctx, store.Actor{}, a.ID, expert.ID, "Réseau")
		_ = st.CreateGrant(ctx, store.Actor{}, b.ID, adminB.ID, "Réseau")
		grantsB, _ := st.Grants(ctx, b.ID)
		ids := map[string]string{
			"id": fmt.Sprint(stratB.ID), "step": "diagnostic", "user": fmt.Sprint(adminB.ID), "section": "diagnostic",
		}
		for _, fixture := range isolationFixtures {
			for k, v := range fixture(t, st, b, stratB) {
				ids[k] = v
			}
		}
		idsFor := func(pattern string) map[string]string {
			m := map[string]string{}
			for k, v := range ids {
				m[k] = v
			}
			switch {
			case strings.Contains(pattern, "/demandes/"):
				m["id"] = fmt.Sprint(reqs[0].ID)
			case strings.Contains(pattern, "/accompagnement/"):
				m["id"] = fmt.Sprint(grantsB[0].ID)
			}
			return m
		}
		emails := []string{"expert@reseau.test"}
		for _, r := range access.MemberRoles {
			emails = append(emails, string(r)+"@ville-alpha.test")
		}
		for _, email := range emails {
			c := app.signIn(email)
			for _, pattern := range app.app.patterns {
				method, path, _ := strings.Cut(pattern, " ")
				values := idsFor(pattern)
				for _, slug := range []string{b.Slug, a.Slug} {
					values["slug"] = slug
					u := fill(path, values)
					var res response
					if method == http.MethodGet {
						res = c.get(u)
					} else {
						res = c.post(u, url.Values{"version": {"1"}, "role": {"lecteur"}, "status": {"en-cours"}, "title": {"x"}})
					}
					ok := res.status == http.StatusNotFound || (slug == a.Slug && res.status == http.StatusForbidden)
					if slug == a.Slug && !strings.Contains(pattern, "{") {
						ok = true
					}
					if slug == a.Slug && onlyWorkspaceWildcards(path) {
						ok = true // no identifier of B in this URL
					}
					if !ok {
						t.Errorf("%s as %s: %s %s answered %d", pattern, email, method, u, res.status)
					}
				}
			}
		}
		// B's data is untouched.
		got, _ := st.Strategy(ctx, b.ID, stratB.ID)
		if got.Title != "B" || got.Version != 1 {
			t.Errorf("B's strategy changed: %+v", got)
		}
		if role, _ := st.RoleIn(ctx, b.ID, adminB.ID); role != access.Admin {
			t.Errorf("B's admin role changed to %s", role)
		}
	})
}

// isolationFixtures let each area create records in authority B and name the route wildcards that
// identify them (use names of the area's own, such as "swot" or "partner"), so the walk above tries B's
// real identifiers on every route. Areas append to it from an init function in their test file.
var isolationFixtures []func(t testing.TB, st *store.Store, b model.Authority, strategyB model.Strategy) map[string]string

var wildcard = regexp.MustCompile(`\{([a-z]+)(\.\.\.)?\}`)

// fill replaces the wildcards of a route path with values.
func fill(path string, values map[string]string) string {
	path = strings.TrimSuffix(path, "{$}")
	return wildcard.ReplaceAllStringFunc(path, func(m string) string {
		name := wildcard.FindStringSubmatch(m)[1]
		if v, ok := values[name]; ok {
			return v
		}
		return "1"
	})
}

// onlyWorkspaceWildcards reports whether a path names nothing but the workspace and a section.
func onlyWorkspaceWildcards(path string) bool {
	for _, m := range wildcard.FindAllStringSubmatch(path, -1) {
		if m[1] != "slug" && m[1] != "section" {
			return false
		}
	}
	return true
}

func TestRolesAreEnforcedOnForms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		agent := app.signIn("agent@ville-alpha.test")
		res := agent.post("/ct/"+a.Slug+"/strategies", url.Values{"title": {"Stratégie"}, "term_start": {"2026"}, "term_end": {"2032"}, "elaboration_start": {"2026-01-05"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("agent creates a strategy: %d\n%s", res.status, res.body)
		}
		tracker := agent.get(res.location)
		tracker.mustContain(t, "Suivi de la démarche", "Sensibilisation et engagement des équipes", "du 5 janvier 2026 au 4 mars 2026")
		stepURL := strings.TrimSuffix(strings.Split(res.location, "?")[0], "/") + "/etapes/diagnostic"
		for _, who := range []string{"lecteur", "partenaire", "elu"} {
			c := app.signIn(who + "@ville-alpha.test")
			if res := c.post(stepURL, url.Values{"status": {"termine"}, "version": {"1"}}); res.status != http.StatusForbidden {
				t.Errorf("%s edits a step: %d", who, res.status)
			}
			if res := c.get("/ct/" + a.Slug + "/journal"); res.status != http.StatusForbidden {
				t.Errorf("%s reads the audit log: %d", who, res.status)
			}
		}
		partner := app.signIn("partenaire@ville-alpha.test")
		if res := partner.get("/ct/" + a.Slug + "/membres"); res.status != http.StatusForbidden {
			t.Errorf("partner sees the member list: %d", res.status)
		}
		if res := partner.get("/ct/" + a.Slug + "/"); res.status != http.StatusOK {
			t.Errorf("partner home: %d", res.status)
		}
	})
}

func TestEditConflictShowsBothVersions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		s := model.Strategy{AuthorityID: a.ID, Title: "S", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		if err := st.CreateStrategy(context.Background(), store.Actor{}, &s, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		path := fmt.Sprintf("/ct/%s/strategies/%d/etapes/diagnostic", a.Slug, s.ID)
		one, two := app.signIn("admin@ville-alpha.test"), app.signIn("agent@ville-alpha.test")
		one.get(path).mustContain(t, `name="version" value="1"`)
		form := url.Values{"status": {"en-cours"}, "owner": {"Karim"}, "planned_start": {"2026-02-01"}, "planned_end": {"2026-05-31"}, "notes": {"Premier atelier"}, "version": {"1"}}
		if res := one.post(path, form); res.status != http.StatusSeeOther {
			t.Fatalf("first save: %d", res.status)
		}
		form.Set("notes", "Ma note à moi")
		res := two.post(path, form)
		if res.status != http.StatusConflict {
			t.Fatalf("second save: %d, want 409", res.status)
		}
		res.mustContain(t, "Quelqu'un a modifié cet élément", "Premier atelier", "Ma note à moi", `name="version" value="2"`)
		got, _ := st.Step(context.Background(), a.ID, s.ID, "diagnostic")
		if got.Notes != "Premier atelier" {
			t.Errorf("stored notes %q", got.Notes)
		}
		bad := two.post(path, url.Values{"status": {"en-cours"}, "planned_start": {"2026-05-01"}, "planned_end": {"2026-02-01"}, "version": {"2"}, "notes": {"gardé"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Errorf("end before start: %d", bad.status)
		}
		bad.mustContain(t, "La fin prévue doit venir après le début prévu", "gardé")
	})
}

func TestSecurityHeadersAndCrossOriginPosts(t *testing.T) {
	app := newTestApp(t, storetest.SQLite(t))
	app.workspace("Ville Alpha")
	c := app.client()
	res := c.get("/connexion")
	for h, want := range map[string]string{
		"Content-Security-Policy": "frame-ancestors 'none'", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
	} {
		if !strings.Contains(res.header.Get(h), want) {
			t.Errorf("%s = %q", h, res.header.Get(h))
		}
	}
	if strings.Contains(res.header.Get("Content-Security-Policy"), "unsafe-inline") {
		t.Error("the CSP must not allow inline scripts")
	}
	req, _ := http.NewRequest(http.MethodPost, app.srv.URL+"/connexion", strings.NewReader("email=admin%40ville-alpha.test&password=mot+de+passe+de+test"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	if res := c.do(req); res.status != http.StatusForbidden {
		t.Errorf("cross-site POST: %d, want 403", res.status)
	}
	signed := app.signIn("admin@ville-alpha.test")
	for _, ck := range signed.hc.Jar.Cookies(mustURL(app.srv.URL)) {
		if ck.Name == sessionCookie && ck.Value == "" {
			t.Error("empty session cookie")
		}
	}
	raw := app.client()
	r := raw.post("/connexion", url.Values{"email": {"admin@ville-alpha.test"}, "password": {testPassword}})
	cookie := r.header.Get("Set-Cookie")
	for _, want := range []string{"HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("session cookie %q lacks %s", cookie, want)
		}
	}
}

func mustURL(s string) *url.URL { u, _ := url.Parse(s); return u }

func TestSessionsLiveInTheDatabase(t *testing.T) {
	st := storetest.SQLite(t)
	one, two := newTestApp(t, st), newTestApp(t, st)
	one.workspace("Ville Alpha")
	c := one.signIn("admin@ville-alpha.test")
	// The same cookie works on a second instance sharing the database.
	c.app = two
	if res := c.get("/ct/ville-alpha/"); res.status != http.StatusOK {
		t.Fatalf("second instance: %d", res.status)
	}
	c.get("/compte").mustContain(t, "Sessions ouvertes", "Ville Alpha")
	if res := c.post("/deconnexion/partout", nil); res.status != http.StatusSeeOther {
		t.Fatalf("sign out everywhere: %d", res.status)
	}
	c.app = one
	if res := c.get("/ct/ville-alpha/"); res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/connexion") {
		t.Errorf("after sign-out everywhere: %d %s", res.status, res.location)
	}
}

func TestPasswordResetAndInvitation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		c := app.client()
		c.post("/mot-de-passe-oublie", url.Values{"email": {"agent@ville-alpha.test"}}).mustContain(t, "demandez le lien à son administrateur")
		c.post("/mot-de-passe-oublie", url.Values{"email": {"inconnu@nulle.part"}}).mustContain(t, "Si un compte existe")
		resets, _ := st.PendingPasswordResets(context.Background())
		if len(resets) != 1 {
			t.Fatalf("resets = %d", len(resets))
		}
		path := strings.TrimPrefix(resets[0].Link, app.srv.URL)
		c.post(path, url.Values{"password": {"nouveau mot de passe"}, "confirm": {"autre chose"}}).mustContain(t, "ne sont pas identiques")
		if res := c.post(path, url.Values{"password": {"nouveau mot de passe"}, "confirm": {"nouveau mot de passe"}}); res.status != http.StatusSeeOther {
			t.Fatalf("reset: %d", res.status)
		}
		if res := c.get(path); res.status != http.StatusGone {
			t.Errorf("used link: %d", res.status)
		}

		admin := app.signIn("admin@ville-alpha.test")
		res := admin.post("/ct/"+a.Slug+"/membres/invitations", url.Values{"email": {"nouvelle@ville-alpha.test"}, "role": {"referent"}})
		link := regexp.MustCompile(`<code>([^<]+/invitation/[^<]+)</code>`).FindStringSubmatch(res.body)
		if link == nil {
			t.Fatalf("no invitation link shown:\n%s", res.body)
		}
		invited := app.client()
		invPath := strings.TrimPrefix(link[1], app.srv.URL)
		invited.get(invPath).mustContain(t, "Référent·e de service")
		res = invited.post(invPath, url.Values{"name": {"Nouvelle"}, "email": {"nouvelle@ville-alpha.test"}, "password": {"une phrase assez longue"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("accept: %d\n%s", res.status, res.body)
		}
		if res := invited.get("/ct/" + a.Slug + "/"); res.status != http.StatusOK {
			t.Errorf("invited member home: %d", res.status)
		}
		if res := app.client().get(invPath); res.status != http.StatusGone {
			t.Errorf("invitation reused: %d", res.status)
		}
	})
}

func TestAuditLogPageAndCSV(t *testing.T) {
	app := newTestApp(t, storetest.SQLite(t))
	a := app.workspace("Ville Alpha")
	admin := app.signIn("admin@ville-alpha.test")
	admin.post("/ct/"+a.Slug+"/strategies", url.Values{"title": {"=Stratégie"}, "term_start": {"2026"}, "term_end": {"2032"}, "elaboration_start": {"2026-01-05"}})
	admin.get("/ct/"+a.Slug+"/journal?objet=stratégie").mustContain(t, "création", "=Stratégie")
	csv := admin.get("/ct/" + a.Slug + "/journal.csv")
	if !strings.HasPrefix(csv.body, "\ufeffDate;Personne;Action") || !strings.Contains(csv.body, "'=Stratégie") {
		t.Errorf("CSV export:\n%s", csv.body)
	}
	admin.get("/ct/"+a.Slug+"/journal?du=pas-une-date").mustContain(t, "Date non comprise", `value="pas-une-date"`)
	// A year or a month is a period: « au 2020 » ends before today's creation, « du 2020 » includes it.
	if old := admin.get("/ct/" + a.Slug + "/journal?au=2020"); !strings.Contains(old.body, "Aucune modification ne correspond") || strings.Contains(old.body, "=Stratégie") {
		t.Error("the journal « au 2020 » shows this year's changes")
	}
	admin.get("/ct/"+a.Slug+"/journal?du=2020&objet=stratégie").mustContain(t, "=Stratégie")
}

func TestOperationsEndpoints(t *testing.T) {
	app := newTestApp(t, storetest.SQLite(t))
	c := app.client()
	if res := c.get("/healthz"); res.status != http.StatusOK {
		t.Errorf("healthz %d", res.status)
	}
	if res := c.get("/readyz"); res.status != http.StatusOK {
		t.Errorf("readyz %d", res.status)
	}
	c.get("/connexion")
	c.get("/nulle-part").mustContain(t, "Page introuvable")
	app.privateMetrics().mustContain(t, `boussole_http_requests_total{route="GET /connexion",method="GET",code="2xx"} 1`,
		`route="/",method="GET",code="4xx"`, "boussole_db_open_connections")
	css := c.get(app.app.assets.URL("app.css"))
	if css.status != http.StatusOK || !strings.Contains(css.header.Get("Cache-Control"), "immutable") {
		t.Errorf("static file: %d %q", css.status, css.header.Get("Cache-Control"))
	}
}

// TestDemoEveryPageForEveryRole loads the demo and opens every page of the shell as each demo role.
func TestDemoEveryPageForEveryRole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		if _, err := demo.Load(context.Background(), st); err != nil {
			t.Fatal(err)
		}
		if created, err := demo.Load(context.Background(), st); err != nil || created {
			t.Fatalf("second load: created=%v err=%v", created, err)
		}
		app := newTestApp(t, st)
		if strings.Contains(app.client().get("/connexion").body, "agent@demo.boussole.test") {
			t.Error("demo accounts listed outside demo mode")
		}
		app.app.demo = true
		app.client().get("/connexion").mustContain(t, "Comptes de démonstration", "agent@demo.boussole.test")
		p := "/ct/" + demo.Slug
		for _, role := range access.MemberRoles {
			c := app.client()
			res := c.post("/connexion", url.Values{"email": {string(role) + "@demo.boussole.test"}, "password": {demo.Password}})
			if res.status != http.StatusSeeOther {
				t.Fatalf("demo sign-in %s: %d", role, res.status)
			}
			c.get(p+"/").mustContain(t, "Stratégie d'action internationale 2026–2032", "Diagnostic")
			for _, sec := range sections {
				if res := c.get(p + "/" + sec.Slug); res.status != http.StatusOK {
					t.Errorf("%s: %s answered %d", role, sec.Slug, res.status)
				}
			}
			for _, path := range []string{"/strategies", "/membres", "/accompagnement", "/journal"} {
				res := c.get(p + path)
				if res.status != http.StatusOK && res.status != http.StatusForbidden {
					t.Errorf("%s: %s answered %d", role, path, res.status)
				}
			}
		}
	})
}
