package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"
	"time"
)

// healthz says the process is alive.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

// readyz says the process can serve: the database answers.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.store.Ping(ctx); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("base de données indisponible\n"))
		return
	}
	_, _ = w.Write([]byte("ok\n"))
}

// publicMetrics serves /metrics on the public address only to the bearer of --metrics-token; without a
// token it does not exist there (it is then served, if at all, on --metrics-addr).
func (s *Server) publicMetrics(w http.ResponseWriter, r *http.Request) {
	if s.cfg.MetricsToken == "" {
		s.notFound(w, r)
		return
	}
	if !bearerIs(r, s.cfg.MetricsToken) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="boussole-metrics"`)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte("jeton d'accès aux métriques requis\n"))
		return
	}
	s.showMetrics(w, r)
}

// bearerIs compares the request's bearer token with want in constant time; hashing both first keeps even
// the length of the token from showing in the time taken.
func bearerIs(r *http.Request, want string) bool {
	h := r.Header.Get("Authorization")
	if len(h) < len("Bearer ") || !strings.EqualFold(h[:len("Bearer ")], "Bearer ") { // the scheme ignores case
		return false
	}
	a, b := sha256.Sum256([]byte(strings.TrimSpace(h[len("Bearer "):]))), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// MetricsHandler serves /metrics alone, for the private listener of --metrics-addr.
func (s *Server) MetricsHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /metrics", s.showMetrics)
	return mux
}

func (s *Server) showMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.Write(w)
}
