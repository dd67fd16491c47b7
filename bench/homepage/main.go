// Command homepage measures the demo authority's home page under concurrent load, on SQLite or on
// PostgreSQL, beside a bare net/http handler writing the same bytes in the same run.
//
//	go run ./bench/homepage                                  # SQLite in a temporary directory
//	go run ./bench/homepage -database-url postgres://…       # PostgreSQL
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"boussole/bench/loadgen"
	"boussole/internal/config"
	"boussole/internal/demo"
	"boussole/internal/mail"
	"boussole/internal/store"
	"boussole/internal/web"
)

func main() {
	dbURL := flag.String("database-url", "", "postgres://… ; vide pour SQLite dans un dossier temporaire")
	conns := flag.Int("conns", 50, "connexions simultanées")
	duration := flag.Duration("duration", 10*time.Second, "durée de chaque mesure")
	path := flag.String("path", "/ct/"+demo.Slug+"/", "page mesurée")
	cpuProfile := flag.String("cpuprofile", "", "écrit un profil CPU de la mesure de Boussole dans ce fichier")
	flag.Parse()
	ctx := context.Background()

	dir, err := os.MkdirTemp("", "boussole-bench")
	check(err)
	defer os.RemoveAll(dir)
	st, err := store.Open(ctx, *dbURL, dir)
	check(err)
	defer st.Close()
	_, err = st.Migrate(ctx)
	check(err)
	_, err = demo.Load(ctx, st)
	check(err)

	appURL := serve(newApp(st))
	cookie := signIn(appURL, "agent@demo.boussole.test", demo.Password)
	body, header := fetch(appURL+*path, cookie)
	bareURL := serve(loadgen.Bare(body, header))

	fmt.Printf("Page %s (%d octets), %d connexions, %s par mesure, base %s, %d cœurs, %s\n\n",
		*path, len(body), *conns, *duration, st.Dialect(), runtime.NumCPU(), runtime.Version())
	fmt.Println("| | débit | latence p50 | latence p99 | détail |")
	fmt.Println("|---|---|---|---|---|")
	loadgen.Run(appURL+*path, cookie, *conns, *duration/5) // warm-up
	bare := loadgen.Run(bareURL+*path, nil, *conns, *duration)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		check(err)
		check(pprof.StartCPUProfile(f))
	}
	app := loadgen.Run(appURL+*path, cookie, *conns, *duration)
	pprof.StopCPUProfile()
	fmt.Printf("| handler nu | %s |\n", bare.String())
	fmt.Printf("| Boussole | %s |\n", app.String())
	fmt.Printf("\nRapport Boussole / handler nu : %.2f\n", app.PerSecond/bare.PerSecond)
}

func newApp(st *store.Store) http.Handler {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sender, _ := mail.New("", "", log)
	cfg := &config.Config{Addr: "127.0.0.1:0", BaseURL: "http://127.0.0.1", LogFormat: "text"}
	app, err := web.New(st, cfg, log, sender)
	check(err)
	return app
}

// serve starts h on a loopback port and returns its base URL.
func serve(h http.Handler) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	go func() { _ = http.Serve(ln, h) }()
	return "http://" + ln.Addr().String()
}

func signIn(base, email, password string) *http.Cookie {
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.PostForm(base+"/connexion", url.Values{"email": {email}, "password": {password}})
	check(err)
	res.Body.Close()
	for _, c := range res.Cookies() {
		if c.Name == "boussole_session" {
			return c
		}
	}
	log.Fatalf("connexion impossible : statut %d", res.StatusCode)
	return nil
}

func fetch(u string, cookie *http.Cookie) ([]byte, http.Header) {
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.AddCookie(cookie)
	res, err := http.DefaultClient.Do(req)
	check(err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	check(err)
	if res.StatusCode != http.StatusOK {
		log.Fatalf("%s : statut %d", u, res.StatusCode)
	}
	return body, res.Header
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
