// Package metrics counts requests and their latency and writes them in the Prometheus text format.
// It is a few dozen lines, which is why Boussole does not take on a metrics library.
package metrics

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"sync"
	"time"
)

// buckets are the latency histogram's upper bounds, in seconds.
var buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

type series struct {
	count   uint64
	sum     float64
	buckets []uint64
}

// Registry holds the request metrics of one process.
type Registry struct {
	mu       sync.Mutex
	requests map[[3]string]*series // route, method, status class
	gauges   map[string]func() float64
	help     map[string]string
	start    time.Time
}

// New returns an empty registry.
func New() *Registry {
	return &Registry{requests: map[[3]string]*series{}, gauges: map[string]func() float64{}, help: map[string]string{}, start: time.Now()}
}

// Observe records one request served by route (the pattern, not the URL, to bound cardinality).
func (r *Registry) Observe(route, method string, status int, d time.Duration) {
	key := [3]string{route, method, strconv.Itoa(status/100) + "xx"}
	secs := d.Seconds()
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.requests[key]
	if s == nil {
		s = &series{buckets: make([]uint64, len(buckets))}
		r.requests[key] = s
	}
	s.count++
	s.sum += secs
	for i, b := range buckets {
		if secs <= b {
			s.buckets[i]++
		}
	}
}

// Gauge registers a value read at every scrape, such as the database pool's open connections.
func (r *Registry) Gauge(name, help string, read func() float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gauges[name] = read
	r.help[name] = help
}

// Write writes every metric in the Prometheus text exposition format.
func (r *Registry) Write(w io.Writer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	keys := make([][3]string, 0, len(r.requests))
	for k := range r.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
	fmt.Fprintln(w, "# HELP boussole_http_requests_total Requests served, by route, method and status class.")
	fmt.Fprintln(w, "# TYPE boussole_http_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "boussole_http_requests_total{%s} %d\n", labels(k), r.requests[k].count)
	}
	fmt.Fprintln(w, "# HELP boussole_http_request_duration_seconds Time to serve a request.")
	fmt.Fprintln(w, "# TYPE boussole_http_request_duration_seconds histogram")
	for _, k := range keys {
		s := r.requests[k]
		for i, b := range buckets {
			fmt.Fprintf(w, "boussole_http_request_duration_seconds_bucket{%s,le=\"%g\"} %d\n", labels(k), b, s.buckets[i])
		}
		fmt.Fprintf(w, "boussole_http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %d\n", labels(k), s.count)
		fmt.Fprintf(w, "boussole_http_request_duration_seconds_sum{%s} %g\n", labels(k), s.sum)
		fmt.Fprintf(w, "boussole_http_request_duration_seconds_count{%s} %d\n", labels(k), s.count)
	}
	names := make([]string, 0, len(r.gauges))
	for n := range r.gauges {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %g\n", n, r.help[n], n, n, r.gauges[n]())
	}
	fmt.Fprintf(w, "# HELP boussole_uptime_seconds Time since the process started.\n# TYPE boussole_uptime_seconds gauge\nboussole_uptime_seconds %g\n",
		time.Since(r.start).Seconds())
}

func labels(k [3]string) string {
	return fmt.Sprintf("route=%q,method=%q,code=%q", k[0], k[1], k[2])
}
