// Package loadgen sends requests at a fixed concurrency for a fixed time and reports throughput and
// latency percentiles. It is the measuring half of the bench/ programs; it never runs in tests.
package loadgen

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"time"
)

// Result is what one run measured.
type Result struct {
	Requests   int
	Errors     int
	Duration   time.Duration
	PerSecond  float64
	P50, P99   time.Duration
	BodyLength int64
}

// String formats a result as a Markdown table row after a label.
func (r Result) String() string {
	return fmt.Sprintf("%.0f req/s | p50 %s | p99 %s | %d requêtes, %d erreurs", r.PerSecond, r.P50.Round(10*time.Microsecond), r.P99.Round(10*time.Microsecond), r.Requests, r.Errors)
}

// Run requests url from conns goroutines for d, each reusing its keep-alive connection, with the given
// cookie (may be nil). A response other than 200 counts as an error.
func Run(url string, cookie *http.Cookie, conns int, d time.Duration) Result {
	transport := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var mu sync.Mutex
	var all []time.Duration
	var errs int
	var length int64
	var wg sync.WaitGroup
	start := time.Now()
	for range conns {
		wg.Go(func() {
			var local []time.Duration
			localErrs := 0
			for ctx.Err() == nil {
				req, _ := http.NewRequest(http.MethodGet, url, nil)
				if cookie != nil {
					req.AddCookie(cookie)
				}
				t0 := time.Now()
				res, err := client.Do(req)
				if err != nil {
					localErrs++
					continue
				}
				n, _ := io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					localErrs++
					continue
				}
				local = append(local, time.Since(t0))
				mu.Lock()
				length = n
				mu.Unlock()
			}
			mu.Lock()
			all = append(all, local...)
			errs += localErrs
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	r := Result{Requests: len(all), Errors: errs, Duration: elapsed, BodyLength: length}
	r.PerSecond = float64(len(all)) / elapsed.Seconds()
	if len(all) > 0 {
		r.P50 = all[len(all)*50/100]
		r.P99 = all[min(len(all)-1, len(all)*99/100)]
	}
	return r
}

// Bare serves body with the same headers as the page it copies, doing nothing else: the ceiling any
// real handler is compared with.
func Bare(body []byte, header http.Header) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range header {
			if k == "Date" || k == "Content-Length" {
				continue
			}
			w.Header()[k] = v
		}
		_, _ = w.Write(body)
	})
}
