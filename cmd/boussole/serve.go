package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"boussole/internal/config"
	"boussole/internal/demo"
	"boussole/internal/mail"
	"boussole/internal/store"
	"boussole/internal/web"
)

func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfg := config.Flags(fs)
	fs.BoolVar(&cfg.Demo, "demo", os.Getenv("BOUSSOLE_DEMO") == "1", "charge la collectivité de démonstration si elle est absente (BOUSSOLE_DEMO=1)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	log := newLogger(cfg.LogFormat)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	st, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close()
	if cfg.Demo {
		created, err := demo.Load(ctx, st)
		if err != nil {
			return fmt.Errorf("chargement de la démonstration : %w", err)
		}
		if created {
			log.Info("collectivité de démonstration chargée", "comptes", "admin@, agent@, elu@, referent@, partenaire@, lecteur@demo.boussole.test", "mot de passe", demo.Password)
		}
	}
	sender, err := mail.New(cfg.SMTPURL, cfg.MailFrom, log)
	if err != nil {
		return err
	}
	app, err := web.New(st, cfg, log, sender)
	if err != nil {
		return err
	}
	go app.Housekeep(ctx)
	srv := app.HTTPServer()
	errc := make(chan error, 2)
	go func() { errc <- srv.ListenAndServe() }()
	metricsSrv := app.MetricsServer()
	if metricsSrv != nil {
		go func() { errc <- metricsSrv.ListenAndServe() }()
		log.Info("métriques servies à part", "adresse", cfg.MetricsAddr)
	}
	log.Info("Boussole est prête", "adresse", cfg.BaseURL, "base", st.Dialect())
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Requests in flight finish before the database closes, so no write is lost on stop.
	log.Info("arrêt demandé : fin des requêtes en cours")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if metricsSrv != nil {
		_ = metricsSrv.Shutdown(shutdownCtx)
	}
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	app.WaitForMail()
	return nil
}

// openStore opens the database and applies pending migrations.
func openStore(ctx context.Context, cfg *config.Config, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	applied, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	if len(applied) > 0 {
		log.Info("migrations appliquées", "versions", applied)
	}
	return st, nil
}

func newLogger(format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, nil))
}
