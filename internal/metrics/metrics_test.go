package metrics

import (
	"strings"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	r := New()
	r.Observe("GET /x", "GET", 200, 3*time.Millisecond)
	r.Observe("GET /x", "GET", 204, 30*time.Millisecond)
	r.Observe("GET /x", "GET", 404, time.Millisecond)
	r.Gauge("boussole_db_open_connections", "Open connections.", func() float64 { return 4 })
	var b strings.Builder
	r.Write(&b)
	out := b.String()
	for _, want := range []string{
		`boussole_http_requests_total{route="GET /x",method="GET",code="2xx"} 2`,
		`boussole_http_requests_total{route="GET /x",method="GET",code="4xx"} 1`,
		`boussole_http_request_duration_seconds_bucket{route="GET /x",method="GET",code="2xx",le="0.005"} 1`,
		`boussole_http_request_duration_seconds_bucket{route="GET /x",method="GET",code="2xx",le="+Inf"} 2`,
		"boussole_db_open_connections 4",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}
