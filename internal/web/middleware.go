package web

import (
	"context"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"boussole/internal/auth"
	"boussole/internal/config"
	"boussole/internal/model"
)

// middleware wraps the routes: recovery, metrics and logs, security headers, cross-origin protection for
// every state-changing request, the session, and the size of submitted forms.
func (s *Server) middleware(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusForbidden, "Cette demande venait d'un autre site et a été refusée par précaution. Rechargez la page et recommencez.")
	}))
	h := s.withSession(s.limitForms(next))
	h = cop.Handler(h)
	h = securityHeaders(h, s.csp)
	return s.observe(s.recoverPanics(h))
}

// statusWriter remembers the status code for logs and metrics.
type statusWriter struct {
	http.ResponseWriter
	status int
	route  string // the pattern matched, noted by withRouteLabel
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		d := time.Since(start)
		route := sw.route
		if route == "" {
			route = "autre"
		}
		s.metrics.Observe(route, r.Method, sw.status, d)
		if sw.status >= 500 {
			s.log.Error("requête", "méthode", r.Method, "chemin", r.URL.Path, "statut", sw.status, "durée", d)
		} else {
			s.log.Debug("requête", "méthode", r.Method, "chemin", r.URL.Path, "statut", sw.status, "durée", d)
		}
	})
}

func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panique", "valeur", v, "pile", string(debug.Stack()))
				s.errorPage(w, r, http.StatusInternalServerError, "")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy allows only the binary's own files: no inline script, no third-party origin.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

// policyFor returns the pages' policy. With ProConnect, a form may also lead to the provider: signing out
// is a form whose answer sends the browser to end the provider's session, and browsers hold a redirect
// after a form to the form-action list.
func policyFor(cfg *config.Config) string {
	if !cfg.ProConnect() {
		return contentSecurityPolicy
	}
	u, err := url.Parse(cfg.OIDCIssuer)
	if err != nil {
		return contentSecurityPolicy
	}
	return strings.Replace(contentSecurityPolicy, "form-action 'self'", "form-action 'self' "+u.Scheme+"://"+u.Host, 1)
}

func securityHeaders(next http.Handler, policy string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", policy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

type ctxKey int

const userKey ctxKey = 1

const sessionCookie = "boussole_session"

// sessionTTL is how long a sign-in lasts without a new one.
const sessionTTL = 14 * 24 * time.Hour

// withSession puts the request's session, if it carries one, in the request's context. The session is read
// from the database when first asked for (currentUser), so that a workspace page can read it in the same
// statement as the workspace (see pagecache.go); it is read on every request either way, never kept.
func (s *Server) withSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err == nil && c.Value != "" {
			r = r.WithContext(context.WithValue(r.Context(), userKey, &session{s: s, ctx: r.Context(), hash: auth.HashToken(c.Value)}))
		}
		next.ServeHTTP(w, r)
	})
}

// session is a request's sign-in: the hash of its token, and the user once read.
type session struct {
	once sync.Once
	s    *Server
	ctx  context.Context
	hash string
	user *model.User // nil when the session is unknown or expired
}

// get reads the session's user, once per request.
func (c *session) get() *model.User {
	c.once.Do(func() {
		if u, err := c.s.store.SessionUser(c.ctx, c.hash); err == nil {
			c.user = &u
		}
	})
	return c.user
}

// set gives the session the user another read of the live session returned.
func (c *session) set(u model.User) {
	c.once.Do(func() { c.user = &u })
}

// sessionOf returns the request's session, or nil without a session cookie.
func sessionOf(r *http.Request) *session {
	c, _ := r.Context().Value(userKey).(*session)
	return c
}

// currentUser returns the signed-in user or nil.
func currentUser(r *http.Request) *model.User {
	if c := sessionOf(r); c != nil {
		return c.get()
	}
	return nil
}

// setSessionCookie sets the session cookie: HttpOnly, SameSite=Lax, and Secure over HTTPS.
func (s *Server) setSessionCookie(w http.ResponseWriter, token string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: token, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.cfg.HTTPS(), SameSite: http.SameSiteLaxMode,
	})
}
