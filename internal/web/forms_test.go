package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/access"
	"boussole/internal/demo"
	"boussole/internal/htmlcheck"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// demoApp serves the demo on a fresh SQLite database and returns a client signed in as its administrator,
// who may use every form of a workspace.
func demoApp(t *testing.T) (*testApp, *client) {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "forms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return demoOn(t, st)
}

// demoOn loads the demo into a migrated store and signs its administrator in.
func demoOn(t *testing.T, st *store.Store) (*testApp, *client) {
	t.Helper()
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	app := newTestApp(t, st)
	c := app.client()
	if res := c.post("/connexion", url.Values{"email": {"admin@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", res.status)
	}
	return app, c
}

// foundForm is a form met while crawling, with the page it is on.
type foundForm struct {
	Page string
	htmlcheck.Form
}

// crawlForms follows every workspace link from the home page and returns the POST forms of the workspace
// by route pattern; for each pattern it keeps the last instance met, a record created late in the demo
// rather than the first one (the signed-in administrator's own membership, for instance).
func crawlForms(t *testing.T, app *testApp, c *client, start ...string) map[string]foundForm {
	t.Helper()
	prefix := "/ct/" + demo.Slug + "/"
	queue := append(start, prefix)
	seen := map[string]bool{}
	for _, p := range queue {
		seen[p] = true
	}
	link := regexp.MustCompile(`href="(/ct/` + demo.Slug + `/[^"#]*)"`)
	out := map[string]foundForm{}
	perRoute := map[string]int{}
	for len(queue) > 0 {
		page := queue[0]
		queue = queue[1:]
		res := c.get(page)
		if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/html") {
			continue
		}
		for _, f := range htmlcheck.Forms([]byte(res.body)) {
			if f.Method != "post" || f.Submits == 0 {
				continue // a form without a button shows values to a role that may not change them
			}
			if f.Action == "" {
				f.Action = strings.SplitN(page, "?", 2)[0]
			}
			if p := routePattern(app, f.Action); p != "" {
				out[p] = foundForm{Page: page, Form: f}
			}
		}
		for _, m := range link.FindAllStringSubmatch(res.body, -1) {
			next := strings.ReplaceAll(m[1], "&amp;", "&")
			if seen[next] || strings.Contains(next, "deconnexion") || strings.HasSuffix(next, ".ics") {
				continue
			}
			seen[next] = true
			// Three records of a kind show its forms; visiting every stakeholder's pages adds nothing.
			if p := routeOf(app, "GET", next); p != "" {
				if perRoute[p]++; perRoute[p] > 3 {
					continue
				}
			}
			queue = append(queue, next)
		}
	}
	return out
}

// routePattern returns the workspace POST route an action URL reaches.
func routePattern(app *testApp, action string) string { return routeOf(app, "POST", action) }

// routeOf returns the workspace route a method and URL reach: the matching pattern with the fewest
// wildcards, as the mux prefers the most specific one.
func routeOf(app *testApp, method, target string) string {
	path := strings.SplitN(target, "?", 2)[0]
	best, bestWild := "", 1<<30
	for _, p := range app.app.patterns {
		if !strings.HasPrefix(p, method+" ") {
			continue
		}
		pat := strings.TrimPrefix(p, method+" ")
		re := "^" + strings.ReplaceAll(regexp.QuoteMeta(wildcard.ReplaceAllString(strings.TrimSuffix(pat, "{$}"), "\x00")), "\x00", `[^/]+`) + "$"
		if ok, _ := regexp.MatchString(re, path); ok {
			if n := strings.Count(pat, "{"); n < bestWild {
				best, bestWild = p, n
			}
		}
	}
	return best
}

// notRoundTripped are the workspace POST routes whose form holds no value to read back, with why.
var notRoundTripped = map[string]string{
	"suppression":        "deletes a record (tested by each area's delete tests)",
	"monter":             "moves a SWOT item up: an order, not a value",
	"descendre":          "moves a SWOT item down: an order, not a value",
	"deplacement":        "moves a logframe element under another parent (tested by the move and cycle tests)",
	"fusion":             "merges two SWOT items into one (tested by the merge tests)",
	"confirmation":       "confirms an uploaded import (tested by the import tests)",
	"revocation":         "revokes a grant (tested by the grant tests)",
	"retrait":            "removes a member (tested by the member tests)",
	"traitee":            "closes an access request (tested by the member tests)",
	"agenda":             "issues a new secret calendar address: nothing typed",
	"invitations":        "creates an invitation link, shown once; the invitation is read back by accepting it (TestPasswordResetAndInvitation)",
	"import":             "previews an uploaded file: a file, not typed values (tested by the import tests)",
	"accompagnement":     "grants access to another account by its email (tested by the grant tests)",
	"lues":               "marks the person's notifications read: nothing typed (tested by the comments tests)",
	"revue":              "moves a measurement through its review: a step, not a value (tested by the monitoring tests)",
	"statut":             "opens or closes a consultation: a button, nothing typed (TestTeamRunsAConsultation)",
	"moderation":         "publishes or hides a contribution, shown in another tab of the queue (TestTeamRunsAConsultation)",
	"partage":            "shares a strategy with ticked scopes and a licence (TestSharingFromConsentToWithdrawal reads the share back)",
	"reprendre":          "copies a peer's elements chosen by ticking them (TestSharingFromConsentToWithdrawal checks the copies)",
	"consortiums":        "proposes a joint project to authorities ticked in a list (TestConsortiumFromProposalToCalendar reads it back)",
	"reponse":            "answers an invitation: a choice, not a value (TestConsortiumFromProposalToCalendar)",
	"part":               "records a member's share in a consortium (TestConsortiumFromProposalToCalendar reads it back)",
	"calendrier":         "adds a date to a consortium's calendar (TestConsortiumFromProposalToCalendar reads it back)",
	"activite":           "makes a meeting's decision an activity, read back on the activity's own page (TestMeetingDecisionBecomesAnActivity)",
	"appels":             "adds a call for applications, listed in the calendar's table rather than a form (TestCallsCalendar reads it back)",
	"strategie-suivante": "creates the next strategy from the current one, once, after a confirmation (TestPrepareNextStrategyPage reads it back)",
	"decision":           "records a support scheme's decision and a payment, bounded by the amounts asked and granted (TestSupportSchemePages reads them back)",
}

// skipped returns why a route is not round-tripped, or "".
func skipped(pattern string) string {
	last := pattern[strings.LastIndex(pattern, "/")+1:]
	return notRoundTripped[last]
}

// notReadBack lists fields a form may legitimately not show back, with why: most are read only for another
// choice of the same form.
var notReadBack = map[string]map[string]string{
	"POST /ct/{slug}/financements/projets/{project}/depenses":            {"dep-nom": "a beneficiary chosen on the map is named by the map"},
	"POST /ct/{slug}/financements/projets/{project}/depenses/{spending}": {"dep-nom": "a beneficiary chosen on the map is named by the map"},
	"POST /ct/{slug}/strategie/priorites": {"pays": "only for a country priority", "partenaire": "only for a partner priority",
		"type": "« partenaire du registre » is saved as a partner priority", "partenariat": "only for a priority made from the register",
		"region": "only for a region priority"},
	"POST /ct/{slug}/strategie/priorites/{geo}": {"pays": "only for a country priority", "partenaire": "only for a partner priority",
		"type": "« partenaire du registre » is saved as a partner priority", "partenariat": "only for a priority made from the register",
		"region": "only for a region priority"},
	"POST /ct/{slug}/strategies": {"elaboration_start": "dates the steps of the elaboration calendar (the tracker shows them), not a field of the strategy",
		"phase": "chooses how the strategy is created (to elaborate, or already adopted): its status shows it", "adopted_status": "chooses the status of an adopted strategy at creation: its status shows it"},
	"POST /ct/{slug}/financements/projets/{project}/lignes":        {"programme": "kept only on a programme line"},
	"POST /ct/{slug}/financements/projets/{project}/lignes/{line}": {"programme": "kept only on a programme line"},
	"POST /ct/{slug}/planification/activites/{activity}": {"offset_n": "only for a relative start", "offset_unit": "only for a relative start",
		"anchor_edge": "only for a relative start", "anchor": "only for a relative start"},
}

// TestEveryFormKeepsEveryField posts, into every form of the demo workspace, a distinctive value in each
// field, then finds the record's edit form (or page) and checks that every value is shown back. The forms
// are the ones the pages render, so a field added to a template is in this test at once; every POST route
// of the workspace must be met by the crawl or be listed in notRoundTripped.
func TestEveryFormKeepsEveryField(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) { everyFormKeepsEveryField(t, st) })
}

func everyFormKeepsEveryField(t *testing.T, st *store.Store) {
	app, c := demoOn(t, st)
	forms := crawlForms(t, app, c)
	// A role that may change only part of a record gets its own, smaller form: round-trip it as that role.
	// Its forms are collected before any round trip changes the demo (a new strategy would take the focus).
	type roleForm struct {
		name, pattern string
		client        *client
		form          foundForm
	}
	var roleForms []roleForm
	for _, role := range []access.Role{access.Referent} {
		rc := app.client()
		if res := rc.post("/connexion", url.Values{"email": {string(role) + "@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
			t.Fatalf("sign-in as %s: %d", role, res.status)
		}
		own := 0
		// Its own activities first, so that the pages visited of each route include them.
		for p, f := range crawlForms(t, app, rc, "/ct/"+demo.Slug+"/planification/mes-activites") {
			if skipped(p) == "" && !sameFields(f.Form, forms[p].Form) {
				own++
				roleForms = append(roleForms, roleForm{string(role) + "/" + strings.TrimPrefix(p, "POST /ct/{slug}/"), p, rc, f})
			}
		}
		if own == 0 {
			t.Errorf("the crawl as %s found no form of its own: its progress form is no longer linked", role)
		}
	}
	for _, p := range app.app.patterns {
		if strings.HasPrefix(p, "POST ") && forms[p].Action == "" && skipped(p) == "" {
			t.Errorf("no page of the demo shows a form for %s: link one from the demo, or list it in notRoundTripped with why", p)
		}
	}
	patterns := make([]string, 0, len(forms))
	for p := range forms {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	tested := 0
	for _, p := range patterns {
		if skipped(p) != "" {
			continue
		}
		tested++
		t.Run(strings.TrimPrefix(p, "POST /ct/{slug}/"), func(t *testing.T) { roundTrip(t, c, p, forms[p], tested) })
	}
	if tested < 20 {
		t.Errorf("only %d forms round-tripped: the crawl no longer finds the demo's forms", tested)
	}
	for _, r := range roleForms {
		tested++
		t.Run(r.name, func(t *testing.T) { roundTrip(t, r.client, r.pattern, r.form, tested) })
	}
}

// sameFields reports whether two forms have the same field names.
func sameFields(a, b htmlcheck.Form) bool {
	names := func(f htmlcheck.Form) []string {
		var out []string
		for _, fl := range f.Fields {
			out = append(out, fl.Name)
		}
		sort.Strings(out)
		return slices.Compact(out)
	}
	return slices.Equal(names(a), names(b))
}

// roundTrip fills a form, posts it and checks each value comes back: in the form of the same action when
// the page it led to (or the record's edit page, or the form's own page) has one, else in the form that
// shows most of the values, else as text on the record's page for a form that adds a line to it.
func roundTrip(t *testing.T, c *client, pattern string, f foundForm, serial int) {
	sent := fillForm(f.Form, serial)
	res := c.post(f.Action, sent.values)
	if res.status != http.StatusSeeOther {
		t.Fatalf("%s (form of %s) refused a valid filling: %d\n%s\nsent: %v", f.Action, f.Page, res.status, summaryText(res.body), sent.values)
	}
	back := strings.SplitN(res.location, "#", 2)[0]
	base := strings.SplitN(back, "?", 2)[0]
	var best *htmlcheck.Form
	bestHits, bestPage := 0, ""
	var texts []string
	pages := []string{back, base + "/modifier", f.Page}
	for i := 0; i < len(pages); i++ {
		u := pages[i]
		r := c.get(u)
		if r.status != http.StatusOK {
			continue
		}
		texts = append(texts, pageText(r.body))
		if i == 0 {
			if rec := newestRecord(r.body, f.Action); rec != "" {
				pages = append(pages, rec, rec+"/modifier") // a record created from a list: its own page
			}
		}
		for _, g := range htmlcheck.Forms([]byte(r.body)) {
			hits := sent.hits(g)
			if g.Action == f.Action && (hits >= 10 || (hits > 0 && !sent.hasText())) {
				hits += 1000 // the same form, reloaded (not an empty create form offered again)
			}
			if hits > bestHits {
				g := g
				best, bestHits, bestPage = &g, hits, u
			}
		}
	}
	if best == nil {
		checkAsText(t, sent, pattern, texts, back)
		return
	}
	for _, name := range sent.order {
		if why := notReadBack[pattern][name]; why != "" {
			continue
		}
		want := sent.values[name]
		got, ok := formValues(*best, name)
		if !ok {
			t.Errorf("field %q: sent %q, and the form read back (%s) has no such field", name, want, bestPage)
			continue
		}
		if !sameValues(sent.kinds[name], want, got) {
			t.Errorf("field %q: sent %q, read back %q on %s", name, want, got, bestPage)
		}
	}
}

// newestRecord returns the link of a page to the record with the highest number under a collection's path:
// the record a create form just added to the list it led back to.
func newestRecord(body, collection string) string {
	path := strings.SplitN(collection, "?", 2)[0]
	re := regexp.MustCompile(`href="` + regexp.QuoteMeta(path) + `/([0-9]+)"`)
	best, bestID := "", -1
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		if id, _ := strconv.Atoi(m[1]); id > bestID {
			best, bestID = path+"/"+m[1], id
		}
	}
	return best
}

// checkAsText checks that a form that adds a line to a page (a relation, an assumption) shows each text
// typed and the label of each choice made.
func checkAsText(t *testing.T, sent filled, pattern string, texts []string, page string) {
	t.Helper()
	all := strings.Join(texts, "\n")
	for _, name := range sent.order {
		if notReadBack[pattern][name] != "" {
			continue
		}
		for _, v := range sent.values[name] {
			want := v
			if l := sent.labels[name+"="+v]; l != "" {
				// An option's label, without the ellipsis of a direction or the kind in brackets.
				want = strings.TrimSpace(strings.Trim(strings.SplitN(l, " (", 2)[0], "…"))
			}
			if sent.kinds[name] == "checkbox" || sent.kinds[name] == "number" || sent.kinds[name] == "date" ||
				strings.Contains(sent.labels[name+"="+v], "…") {
				continue // a date or a number is shown formatted; a checkbox has no text of its own; a direction is the order of a sentence
			}
			if !strings.Contains(all, want) {
				t.Errorf("field %q: sent %q, and neither %s nor the form's page shows %q", name, v, page, want)
			}
		}
	}
}

// pageText is the text of a page with its entities decoded, spaces collapsed.
func pageText(body string) string {
	els := htmlcheck.Elements([]byte(body))
	for _, e := range els {
		if e.Name == "body" {
			return strings.Join(strings.Fields(e.Text), " ")
		}
	}
	return ""
}

// filled is what fillForm chose for a form.
type filled struct {
	values url.Values
	order  []string          // field names, in page order, that carry a chosen value
	kinds  map[string]string // name → input type, to compare numbers as numbers
	labels map[string]string // "name=value" → the label of a chosen option
}

// hasText reports whether a free text was typed, which identifies the record it went into.
func (f filled) hasText() bool {
	for _, name := range f.order {
		if f.kinds[name] == "text" {
			return true
		}
	}
	return false
}

// hits counts the fields of g that show what was sent: the best readback form shows the most. A distinctive
// text counts more than a choice, which other records may share.
func (f filled) hits(g htmlcheck.Form) int {
	n := 0
	for _, name := range f.order {
		got, ok := formValues(g, name)
		if !ok || !sameValues(f.kinds[name], f.values[name], got) || len(got) == 0 {
			continue
		}
		n++
		if strings.HasPrefix(got[0], "Essai ") {
			n += 10
		}
	}
	return n
}

// fillForm gives each field of a form a distinctive valid value, different from the one it shows: a text
// naming the field, a number within the field's bounds, a later date, another choice, the opposite of each
// checkbox.
func fillForm(f htmlcheck.Form, serial int) filled {
	out := filled{values: url.Values{}, kinds: map[string]string{}, labels: map[string]string{}}
	mark := func(name, kind string) {
		if !slices.Contains(out.order, name) {
			out.order = append(out.order, name)
		}
		out.kinds[name] = kind
	}
	radios := map[string][]htmlcheck.Field{}
	day := 10
	for _, fl := range f.Fields {
		switch {
		case fl.Tag == "button" || fl.Type == "submit" || fl.Type == "file" || fl.Type == "password":
		case fl.Type == "hidden":
			out.values.Add(fl.Name, fl.Value)
		case fl.Type == "checkbox":
			mark(fl.Name, "checkbox")
			if !fl.Checked {
				out.values.Add(fl.Name, fl.Value)
			}
		case fl.Type == "radio":
			if len(radios[fl.Name]) == 0 {
				mark(fl.Name, "radio")
			}
			radios[fl.Name] = append(radios[fl.Name], fl)
		case fl.Tag == "select":
			mark(fl.Name, "select")
			v := otherChoice(fl)
			if extraCountry.MatchString(fl.Name) {
				v = pickOther(fl, out.values) // several countries of one partnership, each named once
			}
			out.values.Set(fl.Name, v)
			for _, o := range fl.Options {
				if o.Value == v {
					out.labels[fl.Name+"="+v] = o.Label
				}
			}
		case fl.Type == "number":
			mark(fl.Name, "number")
			if v, _ := typedText(fl.Name); v != "" {
				out.values.Set(fl.Name, v)
			} else {
				out.values.Set(fl.Name, otherNumber(fl))
			}
		case fl.Type == "date":
			mark(fl.Name, "date")
			day++
			out.values.Set(fl.Name, "2027-03-"+strconv.Itoa(day))
		case fl.Type == "email":
			mark(fl.Name, "text")
			out.values.Set(fl.Name, "essai."+strings.ReplaceAll(fl.Name, "_", "-")+"@exemple.fr")
		default:
			if v, kind := typedText(fl.Name); v != "" {
				mark(fl.Name, kind)
				if kind == "date" && fl.Name != "adopted_on" { // a date at the day, distinct per field, as French people type it
					day++
					v = strconv.Itoa(day) + "/03/2027"
				}
				out.values.Set(fl.Name, v)
			} else {
				mark(fl.Name, "text")
				out.values.Set(fl.Name, "Essai "+fl.Name+" n° "+strconv.Itoa(serial)+" é")
			}
		}
	}
	for name, opts := range radios {
		pick := opts[len(opts)-1]
		if pick.Checked && len(opts) > 1 {
			pick = opts[0]
		}
		out.values.Set(name, pick.Value)
	}
	return out
}

// typedText gives the fields that hold something other than free text, and do not say so in the page, a
// valid value of their kind: amounts typed the French way, years, codes. It returns "" for free text.
func typedText(name string) (value, kind string) {
	switch {
	case name == "cout" || name == "yearly_budget" || fundingAmounts[name]:
		return "12 345,5", "number"
	case name == "annee":
		return "2027", "number"
	case name == "taux_max" || name == "salaires_max" || name == "salaires":
		return "45", "number"
	case name == "equipe" || name == "effort":
		return "4,5", "number"
	case strings.HasSuffix(name, "_valeur"):
		return "42,5", "number"
	case name == "start_year":
		return "2011", "number"
	case name == "term_start":
		return "2027", "number"
	case name == "term_end":
		return "2033", "number"
	case name == "code":
		return "11.6-local-7", "text"
	case name == "siret" || name == "identifiant_beneficiaire":
		return "20000000000014", "text" // a SIRET with a valid key
	case name == "date_decision":
		return "12/03/2026", "date"
	case name == "adopted_on":
		return "03/2024", "date" // an adoption is in the past
	case partialDateFields[name] || strings.HasSuffix(name, "_date"):
		return "15/03/2027", "date"
	}
	return "", ""
}

// fundingAmounts are the funding forms' amounts in euros (issue 11).
var fundingAmounts = map[string]bool{"montant": true, "budget": true, "eau": true, "assainissement": true, "energie": true, "dechets": true,
	"mobilite": true, "versement_mobilite": true, "cotisation": true, "deplacements": true,
	"plafond": true, "enveloppe": true, "dep-montant": true}

// partialDateFields are the text fields that take a date at the precision known (« décembre 2020 », « 1962 »).
var partialDateFields = map[string]bool{"adopted_on": true, "date": true, "debut": true, "fin": true, "echeance": true,
	"reference_date": true, "du": true, "au": true, "agreement_signed": true, "agreement_start": true, "agreement_end": true, "held_on": true, "dep-date": true}

// extraCountry names the further countries of a partnership.
var extraCountry = regexp.MustCompile(`^country_[0-9]+$`)

// pickOther returns an option of fl that no other country field of the form holds yet.
func pickOther(fl htmlcheck.Field, taken url.Values) string {
	used := map[string]bool{}
	for name, vs := range taken {
		if name == "country" || extraCountry.MatchString(name) {
			for _, v := range vs {
				used[v] = true
			}
		}
	}
	for i := len(fl.Options) - 1; i >= 0; i-- {
		if o := fl.Options[i]; o.Value != "" && !used[o.Value] {
			return o.Value
		}
	}
	return ""
}

// otherChoice returns a non-empty option of a select other than the selected one, the last such.
func otherChoice(fl htmlcheck.Field) string {
	cur := fl.Selected()
	for i := len(fl.Options) - 1; i >= 0; i-- {
		if o := fl.Options[i]; o.Value != "" && o.Value != cur {
			return o.Value
		}
	}
	return cur
}

// otherNumber returns an integer within the field's bounds, other than the one shown.
func otherNumber(fl htmlcheck.Field) string {
	lo, hi := 1, 9
	if v, err := strconv.Atoi(fl.Attrs["min"]); err == nil {
		lo = v
	}
	if v, err := strconv.Atoi(fl.Attrs["max"]); err == nil {
		hi = v
	} else if lo > 1 {
		hi = lo + 8
	}
	cur, _ := strconv.Atoi(fl.Value)
	for _, n := range []int{(lo + hi + 1) / 2, lo + 1, hi, lo} {
		if n >= lo && n <= hi && (n != cur || fl.Value == "") {
			return strconv.Itoa(n)
		}
	}
	return strconv.Itoa(lo)
}

// formValues returns what a form submits for a name, and whether it has such a field.
func formValues(g htmlcheck.Form, name string) ([]string, bool) {
	var out []string
	found := false
	for _, fl := range g.Fields {
		if fl.Name != name {
			continue
		}
		found = true
		switch {
		case fl.Type == "checkbox" || fl.Type == "radio":
			if fl.Checked {
				out = append(out, fl.Value)
			}
		case fl.Tag == "select":
			out = append(out, fl.Selected())
		default:
			out = append(out, fl.Value)
		}
	}
	return out, found
}

// sameValues compares what was sent with what a form shows: numbers as numbers, checkbox groups as sets.
func sameValues(kind string, want, got []string) bool {
	w, g := slices.Clone(want), slices.Clone(got)
	if kind == "checkbox" {
		sort.Strings(w)
		sort.Strings(g)
	}
	if len(w) != len(g) {
		return false
	}
	for i := range w {
		if kind == "number" {
			a, errA := strconv.ParseFloat(plainNumber(w[i]), 64)
			b, errB := strconv.ParseFloat(plainNumber(g[i]), 64)
			if errA == nil && errB == nil && a == b {
				continue
			}
		}
		if strings.TrimSpace(w[i]) != strings.TrimSpace(g[i]) {
			return false
		}
	}
	return true
}

// plainNumber turns a number written the French way (« 12 345,5 ») into Go's syntax.
func plainNumber(s string) string {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ",", ".").Replace(s)
	return strings.TrimSuffix(strings.TrimSpace(s), "€")
}

// summaryText returns the messages of a refused form's summary, for a failure message.
func summaryText(body string) string {
	var b strings.Builder
	els := htmlcheck.Elements([]byte(body))
	for _, e := range els {
		if e.Attr("role") == "alert" || e.Attr("class") == "error" {
			fmt.Fprintf(&b, "  %s\n", strings.Join(strings.Fields(e.Text), " "))
		}
	}
	return b.String()
}

// TestOversizedFormAnswers413 pastes 1.2 MB into the vision: the answer is 413 with a French page that
// says the limit, and the key elements stored are unchanged. A file upload keeps its own, larger limit.
func TestOversizedFormAnswers413(t *testing.T) {
	app, c := demoApp(t)
	ctx := context.Background()
	au, err := app.st.AuthorityBySlug(ctx, demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	page := "/ct/" + demo.Slug + "/strategie"
	var key htmlcheck.Form
	for _, f := range htmlcheck.Forms([]byte(c.get(page).body)) {
		if f.Action == page || strings.HasPrefix(f.Action, page+"?") {
			key = f
		}
	}
	if len(key.Fields) == 0 {
		t.Fatal("no key elements form")
	}
	values := url.Values{}
	for _, fl := range key.Fields {
		values.Add(fl.Name, fl.Value)
	}
	strategies, err := app.st.Strategies(ctx, au.ID)
	if err != nil || len(strategies) == 0 {
		t.Fatalf("strategies: %v", err)
	}
	before := map[int64]string{}
	for _, s := range strategies {
		k, err := app.st.KeyElements(ctx, au.ID, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		before[s.ID] = snapshot(t, k)
	}
	values.Set("vision", strings.Repeat("Une vision très longue. ", 1_200_000/24))
	res := c.post(key.Action, values)
	if res.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("a 1.2 MB form answered %d, want 413", res.status)
	}
	res.mustContain(t, "Formulaire trop volumineux", "1 Mo", "rien n'a été enregistré")
	if strings.Contains(res.body, "modifié cet élément") || strings.Contains(res.body, "Une vision très longue") {
		t.Error("the 413 page reads the form as something else")
	}
	for _, s := range strategies {
		k, _ := app.st.KeyElements(ctx, au.ID, s.ID)
		if got := snapshot(t, k); got != before[s.ID] {
			t.Errorf("strategy %d: key elements changed by a refused form:\n%s\n%s", s.ID, before[s.ID], got)
		}
	}
	// The same form under the limit is saved: the limit is the body's size, not the field's.
	values.Set("vision", "Une vision courte.")
	if res := c.post(key.Action, values); res.status != http.StatusSeeOther {
		t.Errorf("the same form under the limit: %d\n%s", res.status, summaryText(res.body))
	}
	// A file upload over 1 MiB keeps its own limit: the import reads it.
	var csv strings.Builder
	csv.WriteString("Nom;Type;Commentaire pouvoir coercitif\n")
	for i := 0; csv.Len() < 1_500_000; i++ {
		fmt.Fprintf(&csv, "Association n° %d;association;%s\n", i, strings.Repeat("x", 300))
	}
	if res := c.upload("/ct/"+demo.Slug+"/acteurs/import", "file", "acteurs.csv", []byte(csv.String())); res.status == http.StatusRequestEntityTooLarge || strings.Contains(res.body, "Formulaire trop volumineux") {
		t.Errorf("a 1.5 MB upload answered %d: uploads have their own limit", res.status)
	}
	// A form with a file keeps the file's limit, and its text the same 1 MiB: over it, 413 and nothing stored.
	before2, err := app.st.Partnerships(ctx, au.ID)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range map[string]string{"partner": "Ville de Kindia", "country": "GN", "kind": "cooperation-decentralisee", "status": "active",
		"themes": strings.Repeat("Un thème très long. ", 1_200_000/20)} {
		_ = mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("document", "convention.pdf")
	_, _ = fw.Write([]byte("%PDF-1.4\n"))
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, app.srv.URL+"/ct/"+demo.Slug+"/diagnostic/partenariats", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if res := c.do(req); res.status != http.StatusRequestEntityTooLarge || !strings.Contains(res.body, "1 Mo") {
		t.Errorf("a form with a file and 1.2 MB of text answered %d", res.status)
	}
	if after, _ := app.st.Partnerships(ctx, au.ID); len(after) != len(before2) {
		t.Errorf("the refused form stored a partnership: %d → %d", len(before2), len(after))
	}
	// A broken body is refused as such, not read as an empty form.
	req, _ = http.NewRequest(http.MethodPost, app.srv.URL+page, strings.NewReader("vision=%zz&version=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if res := c.do(req); res.status != http.StatusBadRequest || !strings.Contains(res.body, "illisible") {
		t.Errorf("an undecodable body: %d", res.status)
	}
}

// goErrorText matches what an error from Go, the store or a database driver looks like, which must never
// reach a page.
var goErrorText = regexp.MustCompile(`\b(store|sql|web|pq|pgx|sqlite|auth|tabular|strconv\.[A-Za-z]+): |not found|invalid syntax|no rows in result|runtime error|parsing "|context canceled|constraint failed|violates|UNIQUE|FOREIGN KEY`)

// ignoredChoices are the choices a form drops, rather than refuses, when they are not in its list, with why.
var ignoredChoices = map[string]map[string]string{
	"POST /ct/{slug}/cadre-logique/odd/{kind}/{element}": {"code": "a local target deleted while the page was open is dropped, so the other ticks are still saved; an unknown code is never stored (TestFrameworkPagesAndSDGPicker)"},
}

// TestEveryRefusalAtItsField sends every form of the demo workspace wrong in each way it can be: every field
// empty, every text too long, every choice outside its list, every number and date unreadable, and then each
// field alone wrong with the others valid. Each refusal must name a field that exists on the page: every link
// of the error summary points to an element of the page that carries a message next to it; no refusal is a
// server error or shows an error text from Go.
func TestEveryRefusalAtItsField(t *testing.T) {
	app, c := demoApp(t)
	forms := crawlForms(t, app, c)
	patterns := make([]string, 0, len(forms))
	for p := range forms {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	refusals := 0
	for _, p := range patterns {
		switch last := p[strings.LastIndex(p, "/")+1:]; last {
		case "suppression", "retrait", "revocation", "traitee", "monter", "descendre", "confirmation", "import", "agenda":
			continue // nothing typed to refuse, or a file
		}
		f := forms[p]
		t.Run(strings.TrimPrefix(p, "POST /ct/{slug}/"), func(t *testing.T) {
			for _, attempt := range badFillings(f.Form) {
				res := c.post(f.Action, attempt.values)
				if res.status >= 500 {
					t.Errorf("%s: %s answered %d", attempt.what, f.Action, res.status)
					continue
				}
				if attempt.choice && res.status < 400 && notReadBack[p][attempt.field] == "" && ignoredChoices[p][attempt.field] == "" {
					t.Errorf("%s: %s accepted a choice that is not in its list (%d)", attempt.what, f.Action, res.status)
				}
				if res.status < 400 || !strings.HasPrefix(res.header.Get("Content-Type"), "text/html") {
					continue // accepted: a value this form allows
				}
				refusals++
				checkRefusal(t, attempt.what, res)
			}
		})
	}
	if refusals < 100 {
		t.Errorf("only %d refusals seen: the bad fillings no longer reach the forms' checks", refusals)
	}
}

// badFilling is one wrong way to fill a form.
type badFilling struct {
	what   string
	values url.Values
	field  string // the one wrong field, or "" when all are
	choice bool   // a choice outside its list, which must be refused
}

// badFillings returns the wrong ways to fill a form: all fields at once, then each field alone with the
// others valid.
func badFillings(f htmlcheck.Form) []badFilling {
	valid := fillForm(f, 999)
	texts := 0
	checkboxes := map[string]int{} // a lone checkbox is a yes/no; several of one name are a list of choices
	for _, fl := range f.Fields {
		if fl.Type == "checkbox" {
			checkboxes[fl.Name]++
		}
		if fl.Tag == "textarea" || fl.Type == "text" || fl.Type == "email" || fl.Type == "search" {
			texts++
		}
	}
	long := strings.Repeat("é", min(5000, 400_000/max(texts, 1)))
	empty, wrong := url.Values{}, url.Values{}
	for _, fl := range f.Fields {
		if fl.Type == "hidden" {
			empty.Add(fl.Name, fl.Value)
			wrong.Add(fl.Name, fl.Value)
		}
	}
	out := []badFilling{{"every field empty", empty, "", false}, {"every field wrong", wrong, "", false}}
	seen := map[string]bool{}
	for _, fl := range f.Fields {
		bad, ok := badValue(fl, long)
		if !ok {
			continue
		}
		wrong.Set(fl.Name, bad)
		if seen[fl.Name] {
			continue
		}
		seen[fl.Name] = true
		alone := url.Values{}
		for k, v := range valid.values {
			alone[k] = slices.Clone(v)
		}
		alone.Set(fl.Name, bad)
		choice := fl.Tag == "select" || fl.Type == "radio" || (fl.Type == "checkbox" && checkboxes[fl.Name] > 1)
		out = append(out, badFilling{fmt.Sprintf("%q alone wrong (%.20q…)", fl.Name, bad), alone, fl.Name, choice})
	}
	return out
}

// badValue returns a wrong value for a field: too long for a text, outside the list for a choice,
// unreadable for a number or a date.
func badValue(fl htmlcheck.Field, long string) (string, bool) {
	switch {
	case fl.Tag == "button" || fl.Type == "submit" || fl.Type == "hidden" || fl.Type == "file":
		return "", false
	case fl.Tag == "select" || fl.Type == "radio" || fl.Type == "checkbox":
		numeric := fl.Tag != "select"
		if _, err := strconv.Atoi(fl.Value); fl.Tag != "select" && err != nil {
			numeric = false
		}
		for _, o := range fl.Options {
			if _, err := strconv.Atoi(o.Value); o.Value != "" {
				numeric = err == nil
			}
		}
		if numeric {
			return "999999", true // a record that does not exist
		}
		return "zzz-hors-liste", true
	case fl.Type == "number":
		return "beaucoup", true
	case fl.Type == "date":
		return "2027-02-31", true
	case fl.Type == "email":
		return "pas-une-adresse", true
	}
	if v, kind := typedText(fl.Name); v != "" && kind == "number" {
		return "beaucoup", true
	}
	return long, true
}

// checkRefusal checks a refused form's page: each summary link points to an element that exists and has a
// message next to it, and no Go error text shows.
func checkRefusal(t *testing.T, what string, res response) {
	t.Helper()
	els := htmlcheck.Elements([]byte(res.body))
	ids := map[string]int{}
	for i, e := range els {
		if id := e.Attr("id"); id != "" {
			ids[id] = i
		}
	}
	summary := false
	for i, e := range els {
		if e.Attr("role") != "alert" {
			continue
		}
		summary = true
		for j := i + 1; j < len(els); j++ {
			if !htmlcheck.Within(els, j, i) {
				break
			}
			href := els[j].Attr("href")
			if els[j].Name != "a" || !strings.HasPrefix(href, "#") {
				continue
			}
			id := strings.TrimPrefix(href, "#")
			target, ok := ids[id]
			msg := strings.Join(strings.Fields(els[j].Text), " ")
			switch {
			case !ok:
				t.Errorf("%s: the summary's « %s » points to #%s, which is not on the page", what, msg, id)
			case !messageNextTo(els, ids, target):
				t.Errorf("%s: the summary's « %s » points to #%s, which has no message next to it", what, msg, id)
			}
		}
	}
	text := pageText(res.body)
	if m := goErrorText.FindString(text); m != "" {
		i := strings.Index(text, m)
		t.Errorf("%s: the page shows an error text from Go (%d): …%s…", what, res.status, text[max(0, i-80):min(len(text), i+80)])
	}
	if !summary && res.status == http.StatusUnprocessableEntity {
		t.Errorf("%s: refused (%d) without an error summary", what, res.status)
	}
}

// messageNextTo reports whether the field at index target has its message: an element id="<id>-error", or
// an element of class "error" in the field's container (its parent, or itself for a fieldset).
func messageNextTo(els []htmlcheck.Element, ids map[string]int, target int) bool {
	if _, ok := ids[els[target].Attr("id")+"-error"]; ok {
		return true
	}
	container := els[target].Parent
	if els[target].Name == "fieldset" {
		container = target
	}
	for j, e := range els {
		if strings.Contains(" "+e.Attr("class")+" ", " error ") && strings.TrimSpace(e.Text) != "" && container >= 0 && htmlcheck.Within(els, j, container) {
			return true
		}
	}
	return false
}

// TestSWOTMergeWithAGoneItem merges with an item deleted in the meantime: the refusal is a French sentence
// at the field, not the store's « not found ».
func TestSWOTMergeWithAGoneItem(t *testing.T) {
	_, c := demoApp(t)
	swot := c.get("/ct/" + demo.Slug + "/diagnostic/afom")
	merge := regexpFind(swot.body, `href="(/ct/[^"]+/fusion)"`)
	if merge == "" {
		t.Fatal("no merge link on the SWOT page")
	}
	var version string
	for _, f := range htmlcheck.Forms([]byte(c.get(merge).body)) {
		for _, fl := range f.Fields {
			if fl.Name == "version" {
				version = fl.Value
			}
		}
	}
	res := c.post(merge, url.Values{"version": {version}, "other": {"999999-1"}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("merge with a gone item: %d", res.status)
	}
	res.mustContain(t, `id="f-other-error"`, "n'existe plus")
	checkRefusal(t, "merge with a gone item", res)
}

// snapshot writes a record with the values its pointers point to, so two reads of one record compare equal.
func snapshot(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAccountFormsRefusalAtField does the same for the forms a person meets signed out: each refusal sits
// at a field of the page.
func TestAccountFormsRefusalAtField(t *testing.T) {
	app, _ := demoApp(t)
	c := app.client()
	refusals := 0
	for _, page := range []string{"/connexion", "/mot-de-passe-oublie", "/inscription", "/inscription?q=Belval"} {
		for _, f := range htmlcheck.Forms([]byte(c.get(page).body)) {
			if f.Method != "post" || f.Submits == 0 {
				continue
			}
			for _, attempt := range badFillings(f) {
				res := c.post(f.Action, attempt.values)
				if res.status >= 500 {
					t.Errorf("%s on %s: %d", attempt.what, f.Action, res.status)
				}
				if res.status >= 400 && strings.HasPrefix(res.header.Get("Content-Type"), "text/html") {
					refusals++
					checkRefusal(t, f.Action+" "+attempt.what, res)
				}
			}
		}
	}
	if refusals < 5 {
		t.Errorf("only %d refusals: the account forms were not reached", refusals)
	}
}
