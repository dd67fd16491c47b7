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
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"boussole/bench/benchapp"
	"boussole/bench/loadgen"
	"boussole/internal/demo"
	"boussole/internal/store"
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

	appURL, _ := benchapp.Serve(benchapp.New(st))
	cookie := benchapp.SignIn(appURL, "agent@demo.boussole.test", demo.Password)
	body, header := fetch(appURL+*path, cookie)
	bareURL, _ := benchapp.Serve(loadgen.Bare(body, header))

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

var check = benchapp.Check
