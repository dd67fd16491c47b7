// Package benchapp starts the real application and signs in for the bench/ programs; it never runs in
// tests.
package benchapp

import (
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"time"

	"boussole/internal/config"
	"boussole/internal/mail"
	"boussole/internal/store"
	"boussole/internal/web"
)

// New returns the application on st, logging nothing.
func New(st *store.Store) http.Handler {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	sender, _ := mail.New("", "", logger)
	cfg := &config.Config{Addr: "127.0.0.1:0", BaseURL: "http://127.0.0.1", LogFormat: "text"}
	app, err := web.New(st, cfg, logger, sender)
	Check(err)
	return app
}

// Serve starts h on a loopback port and returns its base URL and a function that stops it.
func Serve(h http.Handler) (string, func()) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Check(err)
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), func() { _ = srv.Close() }
}

// SignIn signs in at base and returns the session cookie.
func SignIn(base, email, password string) *http.Cookie {
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.PostForm(base+"/connexion", url.Values{"email": {email}, "password": {password}})
	Check(err)
	res.Body.Close()
	for _, c := range res.Cookies() {
		if c.Name == "boussole_session" {
			return c
		}
	}
	log.Fatalf("connexion impossible pour %s : statut %d", email, res.StatusCode)
	return nil
}

// Check stops the program on an error.
func Check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
