// Package web serves Boussole's pages: routing, sessions, forms and templates around the store and the
// domain packages. Handlers are grouped one file per area, named for what a person does there.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"boussole/internal/config"
	"boussole/internal/mail"
	"boussole/internal/metrics"
	"boussole/internal/proconnect"
	"boussole/internal/store"
)

// Server holds what every handler needs.
type Server struct {
	store   *store.Store
	cfg     *config.Config
	log     *slog.Logger
	mail    mail.Sender
	metrics *metrics.Registry
	views   *views
	assets  *assets
	demo    bool
	handler http.Handler
	checks  checkCache // framework checks by strategy, see checkcache.go
	pages   pageCache  // workspace pages while nothing they show moved, see pagecache.go
	// publicLimit bounds what one client address may ask of the public routes.
	publicLimit *rateLimit
	// apiLimit bounds what one API token may ask, see api.go.
	apiLimit *rateLimit
	// contributionLimit bounds the contributions one client address may send, see participation_contribute.go.
	contributionLimit *rateLimit
	// throttle slows repeated sign-in failures, see throttle.go.
	throttle signInThrottle
	mailing  sync.WaitGroup // emails being sent in the background
	// proconnect signs agents in through ProConnect; nil when it is not configured.
	proconnect *proconnect.Client
	// csp is the pages' Content-Security-Policy, see policyFor.
	csp          string
	openAPICache // the OpenAPI description, built on first request
	// patterns lists the workspace routes, for the test that walks them all across authorities.
	patterns []string
}

// New builds the server and its routes; templates are parsed once here, so a broken template stops the
// start rather than a user's request.
func New(st *store.Store, cfg *config.Config, log *slog.Logger, sender mail.Sender) (*Server, error) {
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	v, err := loadViews(a)
	if err != nil {
		return nil, err
	}
	s := &Server{store: st, cfg: cfg, log: log, mail: sender, metrics: metrics.New(), views: v, assets: a, demo: cfg.Demo,
		publicLimit: newRateLimit(publicRequestsPerMinute, publicBurst), apiLimit: newRateLimit(apiRequestsPerMinute, apiBurst), throttle: defaultThrottle(), csp: policyFor(cfg),
		contributionLimit: newRateLimit(contributionsPerMinute, contributionBurst)}
	if cfg.ProConnect() {
		s.proconnect = proconnect.New(proconnect.Config{Issuer: cfg.OIDCIssuer, ClientID: cfg.OIDCClientID,
			ClientSecret: cfg.OIDCClientSecret, RedirectURL: cfg.BaseURL + proConnectCallback})
	}
	s.log = slog.New(warningCounter{Handler: log.Handler(), n: &s.pages.warnings})
	s.metrics.Gauge("boussole_db_open_connections", "Connexions ouvertes vers la base.", func() float64 { return float64(st.Stats().OpenConnections) })
	s.metrics.Gauge("boussole_db_in_use_connections", "Connexions en cours d'utilisation.", func() float64 { return float64(st.Stats().InUse) })
	s.metrics.Gauge("boussole_db_wait_count", "Attentes d'une connexion libre depuis le démarrage.", func() float64 { return float64(st.Stats().WaitCount) })
	s.buildHandler()
	return s, nil
}

// buildHandler assembles the middleware and routes from the server's settings.
func (s *Server) buildHandler() {
	s.patterns = nil
	s.handler = splitPublic(s.middleware(s.routes()), s.publicMiddleware(s.publicRoutes()), s.apiHandler())
}

// The public routes' limit per client address: a calendar application polls a feed every few minutes; a
// town hall's agents share one address, and a public page with its figures is a handful of requests.
const (
	publicRequestsPerMinute = 120
	publicBurst             = 240
)

// ServeHTTP serves a request through the middleware and the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// HTTPServer returns an http.Server with timeouts suited to a public site.
func (s *Server) HTTPServer() *http.Server { return s.httpServer(s.cfg.Addr, s) }

// MetricsServer returns the private server of --metrics-addr, or nil when it is not set.
func (s *Server) MetricsServer() *http.Server {
	if s.cfg.MetricsAddr == "" {
		return nil
	}
	return s.httpServer(s.cfg.MetricsAddr, s.MetricsHandler())
}

func (s *Server) httpServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// Housekeep purges expired sessions and tokens at start and then hourly until ctx ends.
func (s *Server) Housekeep(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if err := s.store.PurgeExpired(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("purge des sessions expirées impossible", "err", err)
		}
		// Personal data of consultations past their retention period (the RGPD notice gives the date).
		if n, err := s.store.PurgeExpiredContributions(ctx, time.Now()); err != nil && ctx.Err() == nil {
			s.log.Warn("effacement des données personnelles des contributions impossible", "err", err)
		} else if n > 0 {
			s.log.Info("données personnelles des contributions effacées", "contributions", n)
		}
		// The weekly digest of the values to enter, once per person and week whichever instance sends it.
		if n, err := s.SendDigests(ctx, time.Now().UTC()); err != nil && ctx.Err() == nil {
			s.log.Warn("synthèse hebdomadaire du suivi impossible", "err", err)
		} else if n > 0 {
			s.log.Info("synthèses du suivi envoyées", "courriels", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
