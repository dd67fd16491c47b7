package main

import (
	"boussole/bench/benchapp"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
)

// signIn is an account to measure pages as.
type signIn struct{ slug, email, password string }

func (a signIn) cookie(base string) *http.Cookie { return benchapp.SignIn(base, a.email, a.password) }

// page is what a signed-in GET answered, to be served again by the bare handler.
type page struct {
	path   string
	body   []byte
	header http.Header
}

var (
	hrefPattern = regexp.MustCompile(`href="([^"]+)"`)
	digits      = regexp.MustCompile(`[0-9]+`)
	// skipped are links that change something when followed by a person (confirmation pages are GETs
	// but say « delete »), sign out, or download a file rather than show a page.
	skipped = []string{"suppression", "deconnexion", "retrait", ".csv", ".xlsx", ".ics", "/document", "telecharger"}
)

// perShape bounds how many pages of one shape (the path with its numbers blanked) are measured: the
// fifth stakeholder's page costs what the first does.
const perShape = 2

// crawl walks the HTML and SVG pages reachable from start under the same prefix, breadth first.
func crawl(base string, cookie *http.Cookie, start string, limit int) []page {
	seen := map[string]bool{start: true}
	shapes := map[string]int{}
	queue := []string{start}
	var out []page
	for len(queue) > 0 && len(out) < limit {
		path := queue[0]
		queue = queue[1:]
		p, ok := get(base, cookie, path)
		if !ok {
			continue
		}
		out = append(out, p)
		if !strings.HasPrefix(p.header.Get("Content-Type"), "text/html") {
			continue
		}
		for _, m := range hrefPattern.FindAllSubmatch(p.body, -1) {
			link := html.UnescapeString(string(m[1]))
			if i := strings.IndexByte(link, '#'); i >= 0 {
				link = link[:i]
			}
			if seen[link] || !strings.HasPrefix(link, start) || skip(link) {
				continue
			}
			seen[link] = true
			shape := digits.ReplaceAllString(link, "N")
			if shapes[shape] >= perShape {
				continue
			}
			shapes[shape]++
			queue = append(queue, link)
		}
	}
	return out
}

func skip(link string) bool {
	for _, s := range skipped {
		if strings.Contains(link, s) {
			return true
		}
	}
	return false
}

func get(base string, cookie *http.Cookie, path string) (page, bool) {
	req, _ := http.NewRequest(http.MethodGet, base+path, nil)
	req.AddCookie(cookie)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	check(err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	check(err)
	ct := res.Header.Get("Content-Type")
	if res.StatusCode != http.StatusOK || !(strings.HasPrefix(ct, "text/html") || strings.HasPrefix(ct, "image/svg+xml")) {
		return page{}, false
	}
	return page{path: path, body: body, header: res.Header}, true
}
