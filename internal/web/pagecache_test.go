package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/access"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// keptCount is the number of pages the cache holds for an authority.
func (a *testApp) keptCount(authorityID int64) int {
	c := &a.app.pages
	c.mu.Lock()
	defer c.mu.Unlock()
	if ap := c.byAuthority[authorityID]; ap != nil {
		return len(ap.pages)
	}
	return 0
}

// TestKeptPagesFollowEveryChange serves a page twice (the second from the cache), then changes in turn
// what the page shows — an audited write, an access request (written by someone outside the workspace), the session's
// choice of strategy, the viewer's sign-out — and checks the next answer shows each change.
func TestKeptPagesFollowEveryChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		admin := app.signIn("admin@ville-alpha.test")
		home := "/ct/" + a.Slug + "/"
		first := admin.get(home)
		if first.status != http.StatusOK {
			t.Fatalf("home: %d", first.status)
		}
		if again := admin.get(home); again.body != first.body {
			t.Error("the same page, with nothing changed, differs")
		}
		if n := app.keptCount(a.ID); n == 0 {
			t.Fatal("the home page was not kept")
		}

		for i, title := range []string{"Stratégie des jumelages", "Stratégie des solidarités"} {
			s := model.Strategy{AuthorityID: a.ID, Title: title, TermStart: 2026 + 6*i, TermEnd: 2032 + 6*i, Status: model.StrategyDraft}
			if err := st.CreateStrategy(ctx, store.Actor{}, &s, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
		}
		admin.get("/ct/"+a.Slug+"/strategies").mustContain(t, "Stratégie des jumelages", "Stratégie des solidarités")

		members := "/ct/" + a.Slug + "/membres"
		admin.get(members).mustContain(t, "Aucune demande en attente.")
		if err := st.CreateAccessRequest(ctx, model.AccessRequest{AuthorityID: a.ID, Email: "camille@exemple.test", Name: "Camille Demandeuse", Message: "Je suis référente."}); err != nil {
			t.Fatal(err)
		}
		admin.get(members).mustContain(t, "Camille Demandeuse")

		list, err := st.Strategies(ctx, a.ID)
		if err != nil || len(list) != 2 {
			t.Fatalf("strategies: %v %v", list, err)
		}
		for _, s := range list {
			res := admin.post("/ct/"+a.Slug+"/strategies/choix", url.Values{"strategie": {strconv.FormatInt(s.ID, 10)}, "retour": {"/ct/" + a.Slug + "/"}})
			if res.status != http.StatusSeeOther {
				t.Fatalf("choice: %d", res.status)
			}
			page := admin.get(home)
			if !strings.Contains(page.body, "<strong>"+s.Title+"</strong>") {
				t.Errorf("after choosing %q, the header does not show it", s.Title)
			}
		}

		if res := admin.post("/deconnexion", nil); res.status != http.StatusSeeOther {
			t.Fatalf("sign-out: %d", res.status)
		}
		if res := admin.get(home); res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/connexion") {
			t.Errorf("after sign-out the kept home page answered %d → %q", res.status, res.location)
		}
	})
}

// TestKeptPagesFollowTheRole changes a member's role and checks their next page is the new role's.
func TestKeptPagesFollowTheRole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		agent := app.signIn("agent@ville-alpha.test")
		home := "/ct/" + a.Slug + "/"
		agent.get(home).mustContain(t, "("+access.Agent.Label()+")")
		members, err := st.Members(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range members {
			if m.Role == access.Agent {
				if err := st.ChangeRole(ctx, store.Actor{}, a.ID, m.User.ID, access.Reader, m.User.Version); err != nil {
					t.Fatal(err)
				}
			}
		}
		agent.get(home).mustContain(t, "("+access.Reader.Label()+")")
		if res := agent.get("/ct/" + a.Slug + "/strategies/nouvelle"); res.status != http.StatusForbidden {
			t.Errorf("a reader opened the new strategy form: %d", res.status)
		}
	})
}

// TestKeptPagesStayWithTheirViewer checks, on the cache itself, that a page kept for one authority, person,
// role, address, session choice or set of marks is never given for another.
func TestKeptPagesStayWithTheirViewer(t *testing.T) {
	var c pageCache
	m := viewMarks{change: 7, authority: 1, day: today(time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC))}
	k := pageKey{uri: "/ct/a/", user: 1, userName: "Agent", role: access.Agent, chosen: 0}
	c.put(1, m, k, &keptPage{status: http.StatusOK, body: []byte("page")})
	if c.get(1, m, k) == nil {
		t.Fatal("the page was not kept")
	}
	other := func(f func(*viewMarks, *pageKey)) (viewMarks, pageKey) {
		m2, k2 := m, k
		f(&m2, &k2)
		return m2, k2
	}
	for name, change := range map[string]func(*viewMarks, *pageKey){
		"mark":          func(m *viewMarks, _ *pageKey) { m.change++ },
		"authority":     func(m *viewMarks, _ *pageKey) { m.authority++ },
		"day":           func(m *viewMarks, _ *pageKey) { m.day = today(time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)) },
		"user":          func(_ *viewMarks, k *pageKey) { k.user++ },
		"user's name":   func(_ *viewMarks, k *pageKey) { k.userName = "Autre" },
		"administrator": func(_ *viewMarks, k *pageKey) { k.admin = true },
		"role":          func(_ *viewMarks, k *pageKey) { k.role = access.Reader },
		"address":       func(_ *viewMarks, k *pageKey) { k.uri += "?ok=enregistre" },
		"choice":        func(_ *viewMarks, k *pageKey) { k.chosen = 3 },
		"unread":        func(_ *viewMarks, k *pageKey) { k.unread = 1 },
	} {
		m2, k2 := other(change)
		if c.get(1, m2, k2) != nil {
			t.Errorf("a page kept for one %s was given for another", name)
		}
	}
	if c.get(2, m, k) != nil {
		t.Error("a page kept for one authority was given for another")
	}
	c.put(1, viewMarks{change: 8, authority: 1, day: m.day}, k, &keptPage{status: http.StatusOK, body: []byte("new")})
	if c.get(1, m, k) != nil || c.size != len("new") {
		t.Errorf("pages of the older mark are still held (size %d)", c.size)
	}
}

// TestExportsAnswerNotModified checks a figure or an export carries an entity tag, answers 304 to a client
// that holds the same bytes, and 200 with a new tag once the data changed.
func TestExportsAnswerNotModified(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		admin := app.signIn("admin@ville-alpha.test")
		path := "/ct/" + a.Slug + "/journal.csv"
		conditional := func(tag string) response {
			req, _ := http.NewRequest(http.MethodGet, app.srv.URL+path, nil)
			req.Header.Set("If-None-Match", tag)
			return admin.do(req)
		}
		for round := range 2 { // rendered, then kept
			res := admin.get(path)
			tag := res.header.Get("ETag")
			if res.status != http.StatusOK || tag == "" || res.header.Get("Cache-Control") == "" {
				t.Fatalf("round %d: status %d, ETag %q, Cache-Control %q", round, res.status, tag, res.header.Get("Cache-Control"))
			}
			if again := conditional(tag); again.status != http.StatusNotModified || again.body != "" {
				t.Errorf("round %d: same bytes answered %d with %d bytes", round, again.status, len(again.body))
			}
		}
		before := admin.get(path).header.Get("ETag")
		s := model.Strategy{AuthorityID: a.ID, Title: "Stratégie nouvelle", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		if err := st.CreateStrategy(ctx, store.Actor{}, &s, time.Now()); err != nil {
			t.Fatal(err)
		}
		res := conditional(before)
		if res.status != http.StatusOK || res.header.Get("ETag") == before || !strings.Contains(res.body, "Stratégie nouvelle") {
			t.Errorf("after a change: status %d, tag %q (was %q)", res.status, res.header.Get("ETag"), before)
		}
		// An HTML page is never stored by the browser, so it carries no tag.
		if tag := admin.get("/ct/" + a.Slug + "/").header.Get("ETag"); tag != "" {
			t.Errorf("the home page carries a tag %q", tag)
		}
	})
}

// TestPagesThatWarnAreNotKept renders a page that logs a warning (a part it could not read) twice: both
// requests render it; the same page without the warning is rendered once, then replayed.
func TestPagesThatWarnAreNotKept(t *testing.T) {
	app := newTestApp(t, storetest.SQLite(t))
	s := app.app
	sess := &session{s: s, ctx: context.Background(), hash: "jeton"}
	sess.set(model.User{ID: 1, Name: "Agent"})
	ws := &workspace{Authority: model.Authority{ID: 9, Slug: "ville"}, Role: access.Agent}
	for _, warn := range []bool{true, false} {
		renders := 0
		h := func(w http.ResponseWriter, _ *http.Request, _ *workspace) {
			renders++
			if warn {
				s.log.Warn("partie illisible (attendu par le test)")
			}
			_, _ = w.Write([]byte("page"))
		}
		for range 2 {
			req := httptest.NewRequest(http.MethodGet, "/ct/ville/page", nil)
			req = req.WithContext(context.WithValue(req.Context(), userKey, sess))
			rec := httptest.NewRecorder()
			s.servePage(rec, req, ws, store.ViewMarks{Change: 1}, h)
			if rec.Body.String() != "page" {
				t.Fatalf("answer %q", rec.Body.String())
			}
		}
		if want := map[bool]int{true: 2, false: 1}[warn]; renders != want {
			t.Errorf("warning %v: %d renders, want %d", warn, renders, want)
		}
	}
}
