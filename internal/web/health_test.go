package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"boussole/internal/config"
	"boussole/internal/store/storetest"
)

// privateMetrics reads /metrics from the listener --metrics-addr would serve.
func (a *testApp) privateMetrics() response {
	a.t.Helper()
	srv := httptest.NewServer(a.app.MetricsHandler())
	defer srv.Close()
	c := a.client()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/metrics", nil)
	return c.do(req)
}

// getWith fetches a path of the public address with an Authorization header ("" sends none).
func (c *client) getWith(path, authorization string) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.app.srv.URL+path, nil)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	return c.do(req)
}

// TestMetricsAccess: /metrics is never open to anyone on the public address. Without a token it does not
// exist there; with one it answers its bearer only; the private listener serves it without a token.
func TestMetricsAccess(t *testing.T) {
	st := storetest.SQLite(t)
	const token = "un-jeton-de-metriques-assez-long"

	plain := newTestAppWith(t, st, testSetup{config: func(c *config.Config) { c.MetricsAddr = "127.0.0.1:0" }})
	if res := plain.client().get("/metrics"); res.status != http.StatusNotFound {
		t.Errorf("public /metrics without a token: %d, want 404", res.status)
	}
	if res := plain.client().getWith("/metrics", "Bearer "+token); res.status != http.StatusNotFound {
		t.Errorf("public /metrics, no token configured, some bearer: %d, want 404", res.status)
	}
	plain.privateMetrics().mustContain(t, "boussole_http_requests_total", "boussole_db_open_connections")
	if srv := plain.app.MetricsServer(); srv == nil || srv.Addr != "127.0.0.1:0" || srv.ReadHeaderTimeout == 0 {
		t.Errorf("metrics server = %+v", srv)
	}
	if srv := newTestApp(t, st).app.MetricsServer(); srv != nil {
		t.Errorf("metrics server without --metrics-addr: %+v", srv)
	}

	guarded := newTestAppWith(t, st, testSetup{config: func(c *config.Config) { c.MetricsToken = token }})
	c := guarded.client()
	for _, auth := range []string{"", "Bearer ", "Bearer " + token[:len(token)-1], "Bearer " + token + "x", "Basic " + token, token} {
		res := c.getWith("/metrics", auth)
		if res.status != http.StatusUnauthorized || res.header.Get("WWW-Authenticate") == "" {
			t.Errorf("Authorization %q: %d %q, want 401 with a challenge", auth, res.status, res.header.Get("WWW-Authenticate"))
		}
	}
	if res := c.getWith("/metrics", "bearer "+token); res.status != http.StatusOK {
		t.Errorf("scheme in lower case: %d", res.status)
	}
	res := c.getWith("/metrics", "Bearer "+token)
	if res.status != http.StatusOK {
		t.Fatalf("bearer of the token: %d", res.status)
	}
	res.mustContain(t, `boussole_http_requests_total{route="GET /metrics",method="GET",code="4xx"} 6`,
		`boussole_http_requests_total{route="GET /metrics",method="GET",code="2xx"} 1`)
}
