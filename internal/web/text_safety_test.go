package web

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/figure/figuretest"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

var inlineSVG = regexp.MustCompile(`(?s)<svg\b.*?</svg>`)

// svgsOf returns the SVG documents of a response: the body of an SVG file, or each figure inside a page.
func svgsOf(res response) []string {
	if strings.HasPrefix(res.header.Get("Content-Type"), "image/svg") {
		return []string{res.body}
	}
	return inlineSVG.FindAllString(res.body, -1)
}

func checkSVGs(t *testing.T, path string, res response) int {
	t.Helper()
	docs := svgsOf(res)
	for _, doc := range docs {
		if err := figuretest.WellFormed([]byte(doc)); err != nil {
			t.Errorf("%s serves an ill-formed SVG: %v", path, err)
		}
	}
	return len(docs)
}

// TestControlCharactersInAMilestoneOrActivityNeverBreakTheChronogramme types a vertical tab (Word's
// Shift+Enter) and a NUL into a milestone's title, an activity's service and partners, and stores an activity
// title holding controls as an import would: the form keeps no control character, and every SVG of the
// planning pages, in every lane mode, with and without dependency arrows, parses as XML.
func TestControlCharactersInAMilestoneOrActivityNeverBreakTheChronogramme(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		strat, acts := planFixture(t, st, a, "Mission\vd'identification\x01\x02\x03", "Atelier")
		c := app.signIn("agent@ville-alpha.test")
		base := "/ct/" + a.Slug + "/planification"
		if res := c.post(activityPath(a, acts[0]), scheduleValues("service", "Relations\vinternationales\x00", "partners", "Ziguinchor\v\x00\nKairouan\u202e")); res.status != http.StatusSeeOther {
			t.Fatalf("schedule: %d\n%s", res.status, res.body)
		}
		if res := c.post(activityPath(a, acts[1]), scheduleValues("start_date", "2027-03-01")); res.status != http.StatusSeeOther {
			t.Fatalf("schedule: %d", res.status)
		}
		res := c.post(base+"/jalons", url.Values{"strategie": {fmt.Sprint(strat.ID)}, "kind": {"deliberation"},
			"title": {"Comité\vde pilotage\x00 n°1"}, "date": {"2027-06-01"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("milestone: %d\n%s", res.status, res.body)
		}
		ms, err := st.Milestones(context.Background(), a.ID, strat.ID)
		if err != nil || len(ms) != 1 {
			t.Fatalf("milestones %v, %v", ms, err)
		}
		if ms[0].Title != "Comité\nde pilotage n°1" {
			t.Errorf("stored milestone title %q: the vertical tab should be a line break and the NUL gone", ms[0].Title)
		}
		sc, err := st.Schedule(context.Background(), a.ID, acts[0].ID)
		if err != nil || sc.Service != "Relations\ninternationales" || strings.Join(sc.Partners, "|") != "Ziguinchor|Kairouan\u202e\u202c" {
			t.Errorf("stored service %q and partners %q: want the controls gone and the override closed (%v)", sc.Service, sc.Partners, err)
		}
		dep := url.Values{"to": {fmt.Sprintf("a%d", acts[1].ID)}, "from": {ms[0].Node().Key()}, "dep_kind": {"FS"}, "lag_n": {"2"}, "lag_unit": {"jours"}}
		if res := c.post(base+"/dependances", dep); res.status != http.StatusSeeOther {
			t.Fatalf("dependency: %d\n%s", res.status, res.body)
		}
		figures := 0
		for _, mode := range []string{"objectif", "service", "partenaire"} {
			for _, deps := range []string{"", "&dependances=non"} {
				for _, path := range []string{base + "?lignes=" + mode + deps, base + "/chronogramme.svg?lignes=" + mode + deps} {
					res := c.get(path)
					if res.status != http.StatusOK {
						t.Fatalf("%s: %d", path, res.status)
					}
					figures += checkSVGs(t, path, res)
				}
			}
		}
		if figures != 12 {
			t.Errorf("found %d chronogrammes, want one per page and per file", figures)
		}
		feed := c.get(base + "/calendrier.ics")
		if feed.status != http.StatusOK || !strings.Contains(feed.body, `SUMMARY:Comité\nde pilotage n°1`) {
			t.Errorf("feed %d lacks the milestone:\n%s", feed.status, feed.body)
		}
		for _, line := range strings.Split(strings.TrimSuffix(feed.body, "\r\n"), "\r\n") {
			if strings.ContainsFunc(line, func(r rune) bool { return (r < 0x20 && r != '\t') || r == 0x7f }) {
				t.Errorf("feed line holds a control character: %+q", line)
			}
		}
	})
}

// TestEveryServedSVGParsesWithControlCharactersInTheData stores control characters, invalid bidi controls and
// emoji sequences in every free-text column of the demo, as an import or an older version might have, then
// follows every link an agent sees and parses every SVG served, inline or as a file.
func TestEveryServedSVGParsesWithControlCharactersInTheData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "controls.db")
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
	poisonWithControls(t, st, path)
	app := newTestApp(t, st)
	c := app.client()
	if res := c.post("/connexion", url.Values{"email": {"agent@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", res.status)
	}
	prefix := "/ct/" + demo.Slug + "/"
	seen := map[string]bool{prefix: true}
	queue := []string{prefix}
	link := regexp.MustCompile(`href="(/ct/` + demo.Slug + `/[^"#]*)"`)
	figures := map[string]bool{}
	for len(queue) > 0 && len(seen) < 1500 {
		page := queue[0]
		queue = queue[1:]
		res := c.get(page)
		if res.status != http.StatusOK {
			continue // the crawl test checks that links open; this one is about figures
		}
		if checkSVGs(t, page, res) > 0 {
			figures[strings.SplitN(page, "?", 2)[0]] = true
		}
		for _, m := range link.FindAllStringSubmatch(res.body, -1) {
			next := strings.ReplaceAll(m[1], "&amp;", "&")
			if !seen[next] && !strings.Contains(next, "deconnexion") {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	// The demo draws the chronogramme, the objectives tree, the risk map, the SWOT matrix, the partner map
	// and three stakeholder maps: each must have been reached and parsed.
	if len(figures) < 6 {
		t.Errorf("SVG found on only %d pages: %v", len(figures), figures)
	}
	t.Logf("parsed the SVG of %d pages among %d crawled", len(figures), len(seen))
}

// poisonWithControls appends a vertical tab, NUL, other controls, an open right-to-left override and an emoji
// sequence to every free-text column.
func poisonWithControls(t *testing.T, st *store.Store, path string) {
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
			res, err := db.Exec(`UPDATE `+table+` SET `+col+` = `+col+` || char(11, 0, 1, 2, 3, 127, 8238) || ? WHERE `+col+` <> ''`, "👩🏽‍🌾")
			if err != nil {
				t.Fatalf("%s.%s: %v", table, col, err)
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
	}
	if n < 200 {
		t.Fatalf("only %d values changed: the column list no longer matches the schema", n)
	}
}
