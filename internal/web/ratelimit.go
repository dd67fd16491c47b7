package web

import (
	"sync"
	"time"
)

// rateLimit is a token bucket per client address, held in this instance's memory: a public page must not
// cost a database write, and behind several instances each enforces its share. Buckets full again are
// forgotten, so the map holds only the clients seen recently.
type rateLimit struct {
	mu      sync.Mutex
	rate    float64 // tokens per second
	burst   float64
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newRateLimit(perMinute, burst int) *rateLimit {
	return &rateLimit{rate: float64(perMinute) / 60, burst: float64(burst), buckets: map[string]*bucket{}}
}

// allow takes a token for client, or says how long until one is free.
func (l *rateLimit) allow(client string, now time.Time) (time.Duration, bool) {
	_, wait, ok := l.take(client, now)
	return wait, ok
}

// take is allow that also tells how many tokens are left, for the API's RateLimit headers; when one is
// taken, wait is how long until the bucket is full again.
func (l *rateLimit) take(client string, now time.Time) (remaining int, wait time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > time.Minute {
		l.sweep(now)
	}
	b := l.buckets[client]
	if b == nil {
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[client] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.rate)
	b.at = now
	if b.tokens < 1 {
		return 0, time.Duration((1 - b.tokens) / l.rate * float64(time.Second)), false
	}
	b.tokens--
	return int(b.tokens), time.Duration((l.burst - b.tokens) / l.rate * float64(time.Second)), true
}

// sweep forgets the buckets that have refilled.
func (l *rateLimit) sweep(now time.Time) {
	l.swept = now
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.at).Seconds()*l.rate >= l.burst {
			delete(l.buckets, k)
		}
	}
}
