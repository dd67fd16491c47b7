package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"boussole/internal/store/storetest"
)

// TestPublicRoutesReadNoSessionAndAreLimited serves the public calendar through its own middleware: no
// session is read (a signed-in person's cookie changes nothing and no cookie is set), a cache policy is
// always given, and one client address past its limit gets a French 429 while another is still served.
func TestPublicRoutesReadNoSessionAndAreLimited(t *testing.T) {
	a := newTestApp(t, storetest.SQLite(t))
	au := a.workspace("Ville Publique")
	path := "/public/" + au.Slug + "/calendrier.ics"
	signedIn := a.signIn("admin@" + au.Slug + ".test")
	cookie := signedIn.hc.Jar.Cookies(mustURL(a.srv.URL))

	get := func(addr string, withCookie bool) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.RemoteAddr = addr
		if withCookie {
			for _, c := range cookie {
				req.AddCookie(c)
			}
		}
		rec := httptest.NewRecorder()
		a.app.ServeHTTP(rec, req)
		return rec
	}
	anon, known := get("198.51.100.7:4000", false), get("198.51.100.8:4000", true)
	if anon.Code != known.Code || anon.Body.String() != known.Body.String() {
		t.Errorf("a session changed the public answer: %d vs %d", anon.Code, known.Code)
	}
	for _, rec := range []*httptest.ResponseRecorder{anon, known} {
		if rec.Header().Get("Cache-Control") == "" || rec.Header().Get("Set-Cookie") != "" {
			t.Errorf("headers %v", rec.Header())
		}
		if rec.Header().Get("Content-Security-Policy") == "" {
			t.Error("public answer without the security headers")
		}
	}
	var limited *httptest.ResponseRecorder
	for range publicBurst + 5 {
		if rec := get("203.0.113.9:5000", false); rec.Code == http.StatusTooManyRequests {
			limited = rec
			break
		}
	}
	if limited == nil {
		t.Fatalf("no 429 after %d requests from one address", publicBurst+5)
	}
	if !strings.Contains(limited.Body.String(), "Trop de demandes") || limited.Header().Get("Retry-After") == "" {
		t.Errorf("429 page: %s %v", limited.Body.String(), limited.Header())
	}
	if rec := get("203.0.113.10:5000", false); rec.Code == http.StatusTooManyRequests {
		t.Error("another address was limited too")
	}
}

func TestRateLimitRefills(t *testing.T) {
	l := newRateLimit(60, 2)
	t0 := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	for i, want := range []bool{true, true, false} {
		if _, ok := l.allow("a", t0); ok != want {
			t.Fatalf("request %d: allowed %v", i, ok)
		}
	}
	if wait, ok := l.allow("a", t0.Add(500*time.Millisecond)); ok || wait <= 0 || wait > time.Second {
		t.Errorf("half a second later: %v, %v", wait, ok)
	}
	if _, ok := l.allow("a", t0.Add(2*time.Second)); !ok {
		t.Error("not refilled after two seconds")
	}
	l.allow("b", t0)
	l.sweep(t0.Add(time.Hour))
	if len(l.buckets) != 0 {
		t.Errorf("%d buckets kept after they refilled", len(l.buckets))
	}
}

// TestMetricsNameTheRouteOfSignedInPages checks the route label survives the session middleware, which
// hands the routes a copy of the request.
func TestMetricsNameTheRouteOfSignedInPages(t *testing.T) {
	a := newTestApp(t, storetest.SQLite(t))
	au := a.workspace("Ville Mesurée")
	c := a.signIn("admin@" + au.Slug + ".test")
	if res := c.get("/ct/" + au.Slug + "/"); res.status != http.StatusOK {
		t.Fatalf("home: %d", res.status)
	}
	var b strings.Builder
	a.app.metrics.Write(&b)
	if !strings.Contains(b.String(), `route="GET /ct/{slug}/{$}"`) {
		t.Errorf("no label for the signed-in home page:\n%s", b.String())
	}
}
