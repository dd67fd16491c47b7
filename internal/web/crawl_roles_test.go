package web

import (
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"boussole/internal/access"
	"boussole/internal/demo"
	"boussole/internal/diagnostic"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// restricted names, for each action some role lacks, the free-text columns whose values only that action
// may read. The test marks every such value with the action's sentinel, then checks that no page shown to a
// role without the action carries the sentinel.
var restricted = map[access.Action]map[string][]string{
	access.ViewInternal: {
		"diagnostic_arguments":  {"addressee", "local_facts", "examples"},
		"diagnostic_sessions":   {"title", "outcomes"},
		"diagnostic_attendees":  {"name", "service"},
		"diagnostic_services":   {"services"},
		"diagnostic_swot_items": {"item_text", "evidence", "proposed_by", "aside_reason"},
		"diagnostic_partnerships": {"partner", "themes", "services", "deliberation_ref", "local_actors", "review_results", "review_functioning",
			"review_our_gain", "review_partner_gain", "review_reason"},
		"attachments":         {"file_name"},
		"stakeholder_uploads": {"filename"},
		"stakeholders": {"name", "contact", "territory", "themes", "engagement_promise", "engagement_ask", "power_utilitarian_comment",
			"legitimacy_public_good_comment", "interest_object_comment", "context_prior_experience_comment"},
		"stakeholder_relations": {"comment"},
	},
	access.ViewMemberList:  {"memberships": {"service"}},
	access.ViewAccessQueue: {"access_requests": {"name", "message"}},
	access.ManageGrants:    {"grants": {"organisation"}},
}

// sentinel is the mark put in front of the values only action a may read: in front, so that a page that
// shortens a text still shows it.
func sentinel(a access.Action) string { return "¤" + string(a) + "¤ " }

// TestCrawlDemoShowsEachRoleOnlyWhatItMayRead loads the demo with, in addition, a major weakness that no
// objective answers (so the check names a diagnostic item), marks every value that some role may not read,
// then follows every link shown to each role: each opens, and no page (HTML, figure, feed, CSV) carries a
// value the role may not read.
func TestCrawlDemoShowsEachRoleOnlyWhatItMayRead(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "roles.db")
	st, err := store.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	unansweredWeakness(t, st)
	requestAndGrant(t, st)
	markRestricted(t, st, path)
	app := newTestApp(t, st)
	for _, role := range access.MemberRoles {
		t.Run(string(role), func(t *testing.T) {
			var forbidden []string
			for a := range restricted {
				if !access.Can(role, a) {
					forbidden = append(forbidden, sentinel(a))
				}
			}
			c := app.client()
			if res := c.post("/connexion", url.Values{"email": {string(role) + "@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
				t.Fatalf("sign-in: %d", res.status)
			}
			n := crawlPages(t, c, demo.Slug, func(page string, res response) {
				// iCalendar folds long lines; unfold so a mark cut in two is still found.
				body := strings.ReplaceAll(res.body, "\r\n ", "")
				for _, s := range forbidden {
					if strings.Contains(body, s) {
						t.Errorf("%s shows %s a value reserved to « %s »: …%s…", page, role, strings.Trim(s, "¤ "), around(body, s))
					}
				}
			})
			t.Logf("crawled %d pages as %s", n, role)
			// The check does name the diagnostic's items, to those who may read them only.
			check := c.get("/ct/" + demo.Slug + "/cadre-logique/verification")
			if access.Can(role, access.ViewInternal) {
				check.mustContain(t, "Aucun budget dédié au-delà de 2027")
			} else {
				check.mustContain(t, "sur le diagnostic, qui reste interne")
				c.get("/ct/"+demo.Slug+"/").mustContain(t, "sur le diagnostic, qui reste interne")
			}
		})
	}
}

// around returns a little of the text around the first occurrence of s, for the failure message.
func around(body, s string) string {
	i := strings.Index(body, s)
	return body[max(0, i-80):min(len(body), i+len(s)+60)]
}

// unansweredWeakness adds to the demo's strategy a major weakness no objective answers: the check then
// names it on the home page and on the verification page, which partners read.
func unansweredWeakness(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	a, err := st.AuthorityBySlug(ctx, demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.Strategies(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	st0, ok := focusStrategy(list)
	if !ok {
		t.Fatal("the demo has no strategy")
	}
	it := diagnostic.ItemRecord{AuthorityID: a.ID, StrategyID: st0.ID, Item: diagnostic.Item{Quadrant: diagnostic.Weaknesses, Scope: diagnostic.ScopeAuthority,
		Text: "Aucun budget dédié au-delà de 2027", Weight: diagnostic.MaxWeight}}
	if err := st.CreateSWOTItem(ctx, store.Actor{}, &it); err != nil {
		t.Fatal(err)
	}
}

// requestAndGrant adds what the demo lacks for the last reserved columns: a pending request to join (read
// by administrators) and an accompagnateur's grant (managed by administrators).
func requestAndGrant(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	a, err := st.AuthorityBySlug(ctx, demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	must(t, st.CreateAccessRequest(ctx, model.AccessRequest{AuthorityID: a.ID, Email: "nouvelle@belval.test", Name: "Nadia Nouvelle", Message: "Je rejoins le service jeunesse."}))
	expert := model.User{Email: "expert@reseau.test", Name: "Eva Experte", PasswordHash: testPasswordHash}
	must(t, st.CreateUser(ctx, &expert))
	must(t, st.CreateGrant(ctx, store.Actor{}, a.ID, expert.ID, "Réseau des collectivités coopérantes"))
}

// markRestricted puts each action's sentinel in front of every non-empty value of its columns.
func markRestricted(t *testing.T, st *store.Store, path string) {
	t.Helper()
	cols, err := st.Columns(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for a, tables := range restricted {
		n := 0
		for table, columns := range tables {
			for _, col := range columns {
				if !containsString(cols[table], col) {
					t.Fatalf("%s.%s is not in the schema: the list of reserved columns no longer matches it", table, col)
				}
				res, err := db.Exec(`UPDATE `+table+` SET `+col+` = $1 || `+col+` WHERE `+col+` <> ''`, sentinel(a))
				if err != nil {
					t.Fatalf("%s.%s: %v", table, col, err)
				}
				k, _ := res.RowsAffected()
				n += int(k)
			}
		}
		if n == 0 || (a == access.ViewInternal && n < 50) {
			t.Fatalf("only %d values reserved to %s marked: the test data no longer fills these columns", n, a)
		}
		t.Logf("%s: %d values marked", a, n)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestEveryLinkOpensOnAnEmptyStrategy crawls, as each role, a workspace whose strategy holds nothing yet:
// the check then reports what is missing (« aucun risque », no objective, no indicator…), and each of its
// links must open the page where the missing thing is added.
func TestEveryLinkOpensOnAnEmptyStrategy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Neuve")
		strategy := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		must(t, st.CreateStrategy(context.Background(), store.Actor{}, &strategy, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
		for _, role := range access.MemberRoles {
			t.Run(string(role), func(t *testing.T) {
				c := app.signIn(string(role) + "@" + a.Slug + ".test")
				check := c.get("/ct/" + a.Slug + "/cadre-logique/verification")
				check.mustContain(t, "Aucun risque n'est identifié")
				if strings.Contains(check.body, "/risques/0") {
					t.Error("the check links to risk 0")
				}
				if n := crawlPages(t, c, a.Slug, func(string, response) {}); n < 20 {
					t.Errorf("the crawl reached only %d pages", n)
				}
			})
		}
	})
}
