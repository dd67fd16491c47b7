package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"boussole/internal/funding"
)

// A scheme's applications are listed a page at a time, by envelope year and decision: a fund that has run
// for ten years holds hundreds, and the officer looks for this year's to decide.

// appsPerPage is how many applications a scheme's page lists at once.
const appsPerPage = 50

// appList is the filters and the page of a scheme's applications.
type appList struct {
	Year     int              // 0 for every year
	Decision funding.Decision // with Filtered, the decision asked for
	Filtered bool             // a decision is asked for (DecisionPending is "")
	Years    []int            // the years the applications draw on, newest first
	Total    int              // every application of the scheme
	Matched  int              // those the filters keep
	Page     int
	Pages    int
	PrevURL  string
	NextURL  string
	query    url.Values
}

// readAppListQuery reads ?annee=, ?decision= and ?page=; a value the scheme does not hold is ignored.
func readAppListQuery(r *http.Request, apps []funding.Application) appList {
	q := r.URL.Query()
	l := appList{Total: len(apps), Page: 1}
	for _, a := range apps {
		if !slices.Contains(l.Years, a.Year) {
			l.Years = append(l.Years, a.Year)
		}
	}
	slices.SortFunc(l.Years, func(a, b int) int { return b - a })
	if y, err := strconv.Atoi(q.Get("annee")); err == nil && slices.Contains(l.Years, y) {
		l.Year = y
	}
	if v, ok := q["decision"]; ok && slices.Contains(funding.Decisions, funding.Decision(v[0])) && v[0] != "tous" {
		l.Decision, l.Filtered = funding.Decision(v[0]), true
	}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 1 {
		l.Page = n
	}
	l.query = url.Values{}
	if l.Year != 0 {
		l.query.Set("annee", strconv.Itoa(l.Year))
	}
	if l.Filtered {
		l.query.Set("decision", string(l.Decision))
	}
	return l
}

// page returns the applications the filters keep, on the page asked for (the last one when past it).
func (l *appList) page(apps []funding.Application) []funding.Application {
	var kept []funding.Application
	for _, a := range apps {
		if (l.Year == 0 || a.Year == l.Year) && (!l.Filtered || a.Decision == l.Decision) {
			kept = append(kept, a)
		}
	}
	l.Matched = len(kept)
	l.Pages = max(1, (l.Matched+appsPerPage-1)/appsPerPage)
	l.Page = min(l.Page, l.Pages)
	from := (l.Page - 1) * appsPerPage
	return kept[from:min(from+appsPerPage, len(kept))]
}

// links sets the previous and next pages' addresses, filters kept.
func (l *appList) links(schemeURL string) {
	at := func(n int) string {
		v := url.Values{}
		for k, x := range l.query {
			v[k] = x
		}
		v.Set("page", strconv.Itoa(n))
		return schemeURL + "?" + v.Encode() + "#demandes"
	}
	if l.Page > 1 {
		l.PrevURL = at(l.Page - 1)
	}
	if l.Page < l.Pages {
		l.NextURL = at(l.Page + 1)
	}
}

// decisionChoice is one option of the decision filter.
type decisionChoice struct {
	Value, Label string
	Selected     bool
}

// decisionChoices are the decision filter's options: every decision, then each one.
func (l appList) decisionChoices() []decisionChoice {
	out := []decisionChoice{{Value: "tous", Label: "Toutes", Selected: !l.Filtered}}
	for _, d := range funding.Decisions {
		out = append(out, decisionChoice{Value: string(d), Label: d.Label(), Selected: l.Filtered && d == l.Decision})
	}
	return out
}
