package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"boussole/internal/config"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// recordWaits makes the application note the delays it would wait instead of sleeping, and returns a
// function that hands back (and forgets) the delays noted so far.
func (a *testApp) recordWaits() func() []time.Duration {
	var mu sync.Mutex
	var waits []time.Duration
	a.app.throttle.wait = func(_ context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		waits = append(waits, d)
		return nil
	}
	return func() []time.Duration {
		mu.Lock()
		defer mu.Unlock()
		out := waits
		waits = nil
		return out
	}
}

// signInFrom posts the sign-in form as if forwarded for the given address ("" sends no header).
func (c *client) signInFrom(forwardedFor, email, password string) response {
	c.t.Helper()
	form := url.Values{"email": {email}, "password": {password}}
	req, _ := http.NewRequest(http.MethodPost, c.app.srv.URL+"/connexion", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if forwardedFor != "" {
		req.Header.Set("X-Forwarded-For", forwardedFor)
	}
	return c.do(req)
}

var alertText = regexp.MustCompile(`<div class="alert" role="alert">\s*<p>([^<]*)</p>`)

// TestSignInThrottleNeverLocksOut plays the attack of the issue: twenty wrong passwords for one account
// from one address. The attempts are slowed more and more, then another person at the same address signs
// in at once, and the attacked account's owner signs in too: slowed, never refused.
func TestSignInThrottleNeverLocksOut(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		app.workspace("Ville Alpha")
		waits := app.recordWaits()
		attacker := app.client()
		var statuses []int
		for range 20 {
			statuses = append(statuses, attacker.signInFrom("", "admin@ville-alpha.test", "devine").status)
		}
		delays := waits()
		policy := app.app.throttle.account
		for i, d := range delays {
			if want := policy.delay(i); d != want {
				t.Errorf("attempt %d waited %v, want %v", i+1, d, want)
			}
			want := http.StatusUnauthorized
			if d > 0 {
				want = http.StatusTooManyRequests
			}
			if statuses[i] != want {
				t.Errorf("attempt %d: status %d, want %d", i+1, statuses[i], want)
			}
		}
		if len(delays) != 20 || delays[19] != policy.max {
			t.Fatalf("the twentieth failure should wait the ceiling %v: %v", policy.max, delays)
		}

		// Same address (the test clients all connect from loopback), another account: no delay at all.
		if res := app.client().signInFrom("", "agent@ville-alpha.test", testPassword); res.status != http.StatusSeeOther {
			t.Errorf("colleague at the same address: %d, want 303", res.status)
		}
		if d := waits(); len(d) != 1 || d[0] != 0 {
			t.Errorf("colleague waited %v", d)
		}
		// The attacked account's owner, same address: slowed, then signed in.
		owner := app.client()
		if res := owner.signInFrom("", "admin@ville-alpha.test", testPassword); res.status != http.StatusSeeOther {
			t.Errorf("owner of the attacked account: %d, want 303", res.status)
		}
		if d := waits(); len(d) != 1 || d[0] != policy.max {
			t.Errorf("owner waited %v, want %v", d, policy.max)
		}
		if res := owner.get("/compte"); res.status != http.StatusOK {
			t.Errorf("owner's session: %d", res.status)
		}
		// Signing in ended the account's delay.
		if res := app.client().signInFrom("", "admin@ville-alpha.test", "devine"); res.status != http.StatusUnauthorized {
			t.Errorf("first failure after the owner signed in: %d, want 401", res.status)
		}
		if d := waits(); d[0] != 0 {
			t.Errorf("delay kept after the owner signed in: %v", d)
		}
	})
}

// TestSignInThrottleSaysNothingAboutAccounts: an email with an account and one without get the same
// statuses, messages and delays for the same failures.
func TestSignInThrottleSaysNothingAboutAccounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		app.workspace("Ville Alpha")
		waits := app.recordWaits()
		type answer struct {
			status  int
			message string
			delay   time.Duration
		}
		play := func(email string) []answer {
			var out []answer
			for range 8 {
				res := app.client().signInFrom("", email, "devine")
				if strings.Contains(res.body, "devine") {
					t.Errorf("the refused password is written back into the page")
				}
				m := alertText.FindStringSubmatch(res.body)
				if m == nil {
					t.Fatalf("no message for %s:\n%s", email, res.body)
				}
				out = append(out, answer{status: res.status, message: m[1], delay: waits()[0]})
			}
			return out
		}
		known, unknown := play("admin@ville-alpha.test"), play("personne@ville-alpha.test")
		for i := range known {
			if known[i] != unknown[i] {
				t.Errorf("attempt %d: account %+v, no account %+v", i+1, known[i], unknown[i])
			}
		}
		if known[len(known)-1].delay == 0 {
			t.Errorf("eight failures not slowed: %+v", known)
		}
	})
}

// TestSignInThrottleByAddress: many failures on many accounts from one address slow that address, never
// refuse a correct password from it, and do not slow another address. The address is read from
// X-Forwarded-For only when the peer is a trusted proxy: a client that forges the header itself is still
// counted under its own address.
func TestSignInThrottleByAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		for _, tc := range []struct {
			name, proxies, town string
		}{{"behind a trusted proxy", "127.0.0.1", "Ville Alpha"}, {"forged header from an untrusted peer", "", "Ville Beta"}} {
			t.Run(tc.name, func(t *testing.T) {
				trusted, err := config.ParseProxies(tc.proxies)
				if err != nil {
					t.Fatal(err)
				}
				app := newTestAppWith(t, st, testSetup{config: func(c *config.Config) { c.TrustedProxies = trusted }})
				admin := "admin@" + app.workspace(tc.town).Slug + ".test"
				app.app.throttle.address.free = 6
				waits := app.recordWaits()
				// A script tries one password on many accounts, each attempt claiming another origin.
				for i := range 8 {
					app.client().signInFrom("203.0.113.5", "personne"+string(rune('a'+i))+"@ville.test", "devine")
				}
				waits()
				res := app.client().signInFrom("203.0.113.5", "quelqu.un@ville.test", "devine")
				slowed := waits()[0] > 0
				if !slowed || res.status != http.StatusTooManyRequests {
					t.Errorf("after 8 failures from one address: waited %v, status %d", slowed, res.status)
				}
				// A correct password from the same address is slowed but signs in.
				if res := app.client().signInFrom("203.0.113.5", admin, testPassword); res.status != http.StatusSeeOther {
					t.Errorf("correct password from the slowed address: %d", res.status)
				}
				waits()
				// The script forging another origin to the left of what the proxy appends gains nothing.
				app.client().signInFrom("198.51.100.9, 203.0.113.5", "autre@ville.test", "devine")
				if d := waits()[0]; d == 0 {
					t.Error("a forged X-Forwarded-For entry escaped the address's delay")
				}
				// Another client: behind the trusted proxy, not slowed; from an untrusted peer, the header
				// is not read at all, so claiming another address changes nothing.
				app.client().signInFrom("198.51.100.9", "autre@ville.test", "devine")
				other := waits()[0]
				if tc.proxies != "" && other != 0 {
					t.Errorf("another client behind the proxy waited %v", other)
				}
				if tc.proxies == "" && other == 0 {
					t.Error("a forged X-Forwarded-For from an untrusted peer escaped the address's delay")
				}
			})
		}
	})
}

func TestClientAddr(t *testing.T) {
	proxies, _ := config.ParseProxies("10.0.0.0/8, 2001:db8:1::1")
	s := &Server{cfg: &config.Config{TrustedProxies: proxies}}
	cases := []struct {
		peer, xff, want string
	}{
		{"192.0.2.1:5000", "", "192.0.2.1"},
		{"192.0.2.1:5000", "198.51.100.7", "192.0.2.1"},                // untrusted peer: header ignored
		{"10.1.2.3:5000", "", "10.1.2.3"},                              // trusted peer without header
		{"10.1.2.3:5000", "198.51.100.7", "198.51.100.7"},              // one proxy
		{"10.1.2.3:5000", "6.6.6.6, 198.51.100.7", "198.51.100.7"},     // forged left part never read
		{"10.1.2.3:5000", "198.51.100.7, 10.9.9.9", "198.51.100.7"},    // two proxies
		{"10.1.2.3:5000", "10.8.8.8, 10.9.9.9", "10.8.8.8"},            // only proxies: the farthest
		{"10.1.2.3:5000", "198.51.100.7, pas-une-adresse", "10.1.2.3"}, // garbage from a proxy
		{"10.1.2.3:5000", "198.51.100.7:4711", "198.51.100.7"},         // with a port
		{"[2001:db8:1::1]:443", "2001:db8:2::5", "2001:db8:2::5"},
		{"[::ffff:10.0.0.1]:443", "192.0.2.44", "192.0.2.44"}, // IPv4 peer in IPv6 notation
	}
	for _, c := range cases {
		r, _ := http.NewRequest(http.MethodPost, "/connexion", nil)
		r.RemoteAddr = c.peer
		if c.xff != "" {
			r.Header.Set("X-Forwarded-For", c.xff)
		}
		if got := s.clientAddr(r); got != netip.MustParseAddr(c.want) {
			t.Errorf("peer %s, X-Forwarded-For %q: %v, want %s", c.peer, c.xff, got, c.want)
		}
	}
	if a, b := addressKey(netip.MustParseAddr("2001:db8:2::5")), addressKey(netip.MustParseAddr("2001:db8:2::ffff:1")); a != b {
		t.Errorf("one IPv6 /64 counted as two addresses: %s %s", a, b)
	}
}

// TestPublicLimitReadsTheClientBehindTrustedProxies: the public routes' limit per address counts the
// client a trusted proxy names, not the proxy (which would make every user share one budget), and a forged
// header from an untrusted peer changes nothing.
func TestPublicLimitReadsTheClientBehindTrustedProxies(t *testing.T) {
	proxies, _ := config.ParseProxies("10.0.0.0/8")
	a := newTestAppWith(t, storetest.SQLite(t), testSetup{config: func(c *config.Config) { c.TrustedProxies = proxies }})
	au := a.workspace("Ville Publique")
	get := func(peer, forwardedFor string) int {
		req := httptest.NewRequest(http.MethodGet, "/public/"+au.Slug+"/calendrier.ics", nil)
		req.RemoteAddr = peer
		req.Header.Set("X-Forwarded-For", forwardedFor)
		rec := httptest.NewRecorder()
		a.app.ServeHTTP(rec, req)
		return rec.Code
	}
	exhaust := func(peer string, forwardedFor func(i int) string) bool {
		for i := range publicBurst + 5 {
			if get(peer, forwardedFor(i)) == http.StatusTooManyRequests {
				return true
			}
		}
		return false
	}
	if !exhaust("10.0.0.1:4000", func(int) string { return "203.0.113.9" }) {
		t.Fatal("one client behind the proxy never limited")
	}
	if code := get("10.0.0.1:4000", "203.0.113.10"); code == http.StatusTooManyRequests {
		t.Error("another client behind the same proxy limited too")
	}
	if !exhaust("198.51.100.7:4000", func(i int) string { return "192.0.2." + itoa(i%250) }) {
		t.Error("an untrusted peer escaped the limit by forging X-Forwarded-For")
	}
}

func TestThrottleDelayGrowsToACeiling(t *testing.T) {
	p := throttlePolicy{free: 3, first: time.Second, max: 10 * time.Second}
	var got []time.Duration
	for n := range 9 {
		got = append(got, p.delay(n))
	}
	want := []time.Duration{0, 0, 0, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("delay(%d) = %v, want %v", i, got[i], want[i])
		}
	}
	if d := p.delay(1 << 20); d != p.max {
		t.Errorf("after very many failures: %v", d)
	}
}
