package web

import (
	"net/http"
	"time"
)

// publicPrefixes are the paths served without an account, through publicRoutes and its own middleware.
var publicPrefixes = []string{"/public/", "/agenda/"}

// publicRoutes lists what needs no account: calendar feeds today (a person's subscriptions, authenticated
// by the secret in their URL, and the authority's public calendar), the public page and consultations
// next. Register such routes here, never in routes: they go through publicMiddleware.
func (s *Server) publicRoutes() http.Handler {
	mux := http.NewServeMux()
	s.planningPublicRoutes(mux)
	s.openDataRoutes(mux)
	s.participationPublicRoutes(mux)
	mux.HandleFunc("/", s.notFound)
	return withRouteLabel(mux)
}

// publicMiddleware wraps the public routes: recovery, metrics and logs, security headers, cross-origin
// protection for what they will accept by POST, a rate limit per client address, and a default cache
// policy. No session is read: a cookie never changes what a public URL answers, so it can be cached and
// costs no query to find out who is asking.
func (s *Server) publicMiddleware(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusForbidden, "Cette demande venait d'un autre site et a été refusée par précaution. Rechargez la page et recommencez.")
	}))
	h := defaultCacheControl(next, "public, max-age=300")
	h = s.rateLimited(h)
	h = cop.Handler(h)
	h = securityHeaders(h, contentSecurityPolicy)
	return s.observe(s.recoverPanics(h))
}

// splitPublic sends the public paths to public, the API to api (its own authentication, no session) and
// everything else to app.
func splitPublic(app, public, api http.Handler) http.Handler {
	mux := http.NewServeMux()
	for _, p := range publicPrefixes {
		mux.Handle(p, public)
	}
	mux.Handle(apiPrefix+"/", api)
	mux.Handle("/", app)
	return mux
}

// rateLimited answers 429 to a client address that asks more than the public limit allows.
func (s *Server) rateLimited(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if wait, ok := s.publicLimit.allow(addressKey(s.clientAddr(r)), time.Now()); !ok {
			w.Header().Set("Retry-After", itoa(int(wait/time.Second)+1))
			s.errorPage(w, r, http.StatusTooManyRequests, "Trop de demandes depuis votre adresse. Réessayez dans une minute.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// defaultCacheControl sets policy on answers whose handler set none.
func defaultCacheControl(next http.Handler, policy string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(&cacheWriter{ResponseWriter: w, policy: policy}, r)
	})
}

type cacheWriter struct {
	http.ResponseWriter
	policy  string
	written bool
}

func (w *cacheWriter) WriteHeader(code int) {
	if !w.written {
		w.written = true
		h := w.Header()
		if h.Get("Cache-Control") == "" {
			if code >= 400 {
				h.Set("Cache-Control", "no-store")
			} else {
				h.Set("Cache-Control", w.policy)
			}
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *cacheWriter) Write(b []byte) (int, error) {
	if !w.written {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}
