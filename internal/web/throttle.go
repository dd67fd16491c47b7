package web

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"
)

// Sign-in throttling slows guessing without ever locking anyone out. Each attempt is counted under the
// typed account and under the client's address, in the database so that every instance sees it, before its
// password is checked. Past a number of recent failures the answer is delayed, longer with each failure, up
// to a ceiling; the password is then checked as usual, so a correct one always signs in, however many
// failures others caused on the same account or from the same address (every agent of a town hall shares
// one public address). The key is the email as typed, whether or not it has an account, so the delay and
// the message say nothing about which accounts exist.

// failureWindow is how far back failures count.
const failureWindow = 15 * time.Minute

// throttlePolicy is when and how much one key slows its attempts down.
type throttlePolicy struct {
	free  int           // failures in the window before any delay
	first time.Duration // delay at the first failure beyond free; it doubles with each further one
	max   time.Duration
}

// delay is the wait before checking an attempt that follows earlier failures under the key.
func (p throttlePolicy) delay(earlier int) time.Duration {
	if earlier < p.free {
		return 0
	}
	d := p.first
	for range earlier - p.free {
		if d >= p.max {
			break
		}
		d *= 2
	}
	return min(d, p.max)
}

var (
	// An account under attack answers in 1, 2, 4… then 30 seconds: at most about thirty guesses in a
	// quarter of an hour from one browser, and its owner still signs in.
	accountThrottle = throttlePolicy{free: 5, first: time.Second, max: 30 * time.Second}
	// One address may hold many people, so it is allowed many more failures, and a shorter ceiling; it
	// slows a script trying one password on many accounts.
	addressThrottle = throttlePolicy{free: 30, first: time.Second, max: 10 * time.Second}
)

// signInThrottle holds the policies and how to wait, which tests replace to run without sleeping.
type signInThrottle struct {
	account, address throttlePolicy
	wait             func(ctx context.Context, d time.Duration) error
}

func defaultThrottle() signInThrottle {
	return signInThrottle{account: accountThrottle, address: addressThrottle, wait: sleep}
}

// sleep waits d, or less if the client goes away.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// loginAttempt is one attempt being checked: the rows noted under its two keys, and whether it was slowed.
type loginAttempt struct {
	accountKey string
	addressID  int64
	slowed     bool
}

func accountKey(email string) string { return "compte:" + email }

// beginAttempt notes the attempt under both keys and waits as long as the more demanding of them asks.
func (s *Server) beginAttempt(r *http.Request, email string) (loginAttempt, error) {
	ctx := r.Context()
	since := time.Now().Add(-failureWindow)
	a := loginAttempt{accountKey: accountKey(email)}
	_, onAccount, err := s.store.BeginLoginAttempt(ctx, a.accountKey, since)
	if err != nil {
		return a, err
	}
	id, fromAddress, err := s.store.BeginLoginAttempt(ctx, "adresse:"+addressKey(s.clientAddr(r)), since)
	if err != nil {
		return a, err
	}
	a.addressID = id
	d := max(s.throttle.account.delay(onAccount), s.throttle.address.delay(fromAddress))
	a.slowed = d > 0
	return a, s.throttle.wait(ctx, d)
}

// succeeded forgets the failures on the account, whose owner has now signed in, and this attempt's mark on
// the address; the others' failures from the address stay counted.
func (s *Server) succeeded(ctx context.Context, a loginAttempt) {
	if err := s.store.ClearLoginFailures(ctx, a.accountKey); err != nil {
		s.log.Warn("effacement des échecs de connexion impossible", "err", err)
	}
	if err := s.store.ForgetLoginAttempt(ctx, a.addressID); err != nil {
		s.log.Warn("effacement d'une tentative de connexion impossible", "err", err)
	}
}

// clientAddr is the address a request came from. The direct peer is the client unless it is one of the
// configured trusted proxies; then X-Forwarded-For is read from the right, each trusted proxy naming the
// hop before it, and the first address that is not a trusted proxy is the client. Anything a client writes
// into the header itself lies to the left of that and is never read.
func (s *Server) clientAddr(r *http.Request) netip.Addr {
	peer := peerAddr(r.RemoteAddr)
	if !s.trustedProxy(peer) {
		return peer
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(h, ",")...)
	}
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := parseHop(hops[i])
		if !ok {
			break // a proxy wrote something unreadable: keep the last hop known for sure
		}
		client = a
		if !s.trustedProxy(a) {
			break
		}
	}
	return client
}

func (s *Server) trustedProxy(a netip.Addr) bool {
	if !a.IsValid() {
		return false
	}
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// peerAddr reads the direct peer of a connection, "192.0.2.1:5678" or "[2001:db8::1]:5678".
func peerAddr(remote string) netip.Addr {
	if ap, err := netip.ParseAddrPort(remote); err == nil {
		return ap.Addr().Unmap()
	}
	a, _ := netip.ParseAddr(remote)
	return a.Unmap()
}

// parseHop reads one entry of X-Forwarded-For: an address, with or without a port.
func parseHop(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap(), true
	}
	if host, _, err := net.SplitHostPort(s); err == nil {
		if a, err := netip.ParseAddr(host); err == nil {
			return a.Unmap(), true
		}
	}
	return netip.Addr{}, false
}

// addressKey counts an IPv6 client by its /64, the block one subscriber receives, so that rotating through
// it gains nothing; an IPv4 client by its address.
func addressKey(a netip.Addr) string {
	if !a.IsValid() {
		return "inconnue"
	}
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}
