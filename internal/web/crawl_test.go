package web

import (
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"boussole/internal/access"
	"boussole/internal/demo"
	"boussole/internal/store"
)

// payload is appended to every free-text value of the demo: if any page, figure or export printed it
// unescaped, the crawl below finds the raw markup.
const payload = `<script>alert(1)</script>"><i id=xss>`

// freeText names the columns that hold what people type; enumerations, codes and JSON are left alone so
// the pages still parse their values.
var freeText = regexp.MustCompile(`^(title|name|description|notes|text|summary|owner|organisation|contact|comment|reason|vision|mission|evidence|source|sources|label|message|local_facts|examples|outcomes|results|functioning|reciprocity|resources|responsible|service|mitigation|definition|unit|political_project|proposed_by|aside_reason|partner_name|partner|promise|ask|territory|statement|explanation)$`)

// TestCrawlDemoEscapesEverything loads the demo, poisons every free-text value with markup, then follows
// every link of the workspace as each role.
func TestCrawlDemoEscapesEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "crawl.db")
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
	poison(t, st, path)
	app := newTestApp(t, st)
	for _, role := range access.MemberRoles {
		t.Run(string(role), func(t *testing.T) { crawl(t, app, string(role)+"@demo.boussole.test") })
	}
}

// crawl follows every workspace link shown to a person: each must open (a link shown is a link allowed)
// and no HTML or SVG may carry the payload raw.
func crawl(t *testing.T, app *testApp, email string) {
	c := app.client()
	if res := c.post("/connexion", url.Values{"email": {email}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", res.status)
	}
	n := crawlPages(t, c, demo.Slug, func(page string, res response) {
		kind := res.header.Get("Content-Type")
		markup := strings.HasPrefix(kind, "text/html") || strings.HasPrefix(kind, "image/svg")
		if markup && (strings.Contains(res.body, "<script>alert(1)") || strings.Contains(res.body, "<i id=xss>") || strings.Contains(res.body, `<i id="xss">`)) {
			t.Errorf("%s prints typed markup unescaped", page)
		}
	})
	if n < 60 {
		t.Errorf("the crawl reached only %d pages; the demo should link far more", n)
	}
	t.Logf("crawled %d pages", n)
}

// shownLink finds the workspace addresses a page links to or loads (figures, feeds, exports).
var shownLink = regexp.MustCompile(`(?:href|src)="(/ct/[^/"#]+/[^"#]*)[^"]*"`)

// crawlPages follows, from the workspace's home, every workspace link a signed-in client is shown: each
// must open with 200 (a link shown is a link allowed: no 403, no 404), and visit sees every page. It
// returns how many addresses it reached.
func crawlPages(t *testing.T, c *client, slug string, visit func(page string, res response)) int {
	t.Helper()
	prefix := "/ct/" + slug + "/"
	seen := map[string]bool{prefix: true}
	from := map[string]string{}
	queue := []string{prefix}
	for len(queue) > 0 && len(seen) < 1500 {
		page := queue[0]
		queue = queue[1:]
		res := c.get(page)
		if res.status != http.StatusOK {
			t.Errorf("%s answered %d (linked from %s)", page, res.status, from[page])
			continue
		}
		visit(page, res)
		for _, m := range shownLink.FindAllStringSubmatch(res.body, -1) {
			next := strings.ReplaceAll(m[1], "&amp;", "&")
			if !strings.HasPrefix(next, prefix) || seen[next] || strings.Contains(next, "deconnexion") {
				continue
			}
			seen[next], from[next] = true, page
			queue = append(queue, next)
		}
	}
	return len(seen)
}

// poison appends the payload to every free-text column of every table.
func poison(t *testing.T, st *store.Store, path string) {
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
	n := 0
	for table, columns := range cols {
		if table == "users" || table == "authorities" || table == "schema_migrations" || table == "audit_log" {
			continue
		}
		for _, col := range columns {
			if !freeText.MatchString(col) {
				continue
			}
			res, err := db.Exec(`UPDATE ` + table + ` SET ` + col + ` = ` + col + ` || '` + payload + `' WHERE ` + col + ` <> ''`)
			if err != nil {
				t.Fatalf("%s.%s: %v", table, col, err)
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
	}
	if n < 200 {
		t.Fatalf("only %d values poisoned: the column list no longer matches the schema", n)
	}
}
