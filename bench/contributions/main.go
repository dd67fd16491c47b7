// Command contributions submits contributions to the demo's open consultation at a fixed concurrency, as
// citizens each from their own address behind a declared proxy, then checks that the database holds
// exactly as many new contributions as were acknowledged. It then measures the public page beside a bare
// net/http handler writing the same bytes.
//
//	go run ./bench/contributions                             # SQLite in a temporary directory
//	go run ./bench/contributions -database-url postgres://…  # PostgreSQL
//	go run ./bench/contributions -duration 5s -no-page -cpuprofile /tmp/contributions.prof  # profile the sending
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"boussole/bench/benchapp"
	"boussole/bench/loadgen"
	"boussole/internal/config"
	"boussole/internal/consultation"
	"boussole/internal/demo"
	"boussole/internal/mail"
	"boussole/internal/store"
	"boussole/internal/web"
)

func main() {
	dbURL := flag.String("database-url", "", "postgres://… ; vide pour SQLite dans un dossier temporaire")
	conns := flag.Int("conns", 50, "connexions simultanées")
	duration := flag.Duration("duration", 30*time.Second, "durée de l'envoi des contributions")
	cpuprofile := flag.String("cpuprofile", "", "fichier où écrire le profil CPU de l'envoi des contributions")
	skipPage := flag.Bool("no-page", false, "ne pas mesurer la page publique")
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
	a, err := st.AuthorityBySlug(ctx, demo.Slug)
	check(err)
	open := openConsultation(ctx, st, a.ID)
	before := count(ctx, st, a.ID, open.ID)

	appURL, _ := benchapp.Serve(app(st))
	target := appURL + "/public/" + demo.Slug + "/consultations/" + strconv.FormatInt(open.ID, 10)
	fmt.Printf("Contributions à %s, %d connexions, %s, base %s, %d cœurs, %s\n\n", target, *conns, *duration, st.Dialect(), runtime.NumCPU(), runtime.Version())
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		check(err)
		check(pprof.StartCPUProfile(f))
	}
	acked, failed, lat, elapsed := submit(target, open, *conns, *duration)
	if *cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	stored := count(ctx, st, a.ID, open.ID) - before
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	p99 := time.Duration(0)
	if len(lat) > 0 {
		p99 = lat[min(len(lat)-1, len(lat)*99/100)]
	}
	fmt.Println("| | contributions/s | latence p99 | accusées | en base | échecs |")
	fmt.Println("|---|---|---|---|---|---|")
	fmt.Printf("| envoi | %.0f | %s | %d | %d | %d |\n\n", float64(acked)/elapsed.Seconds(), p99.Round(10*time.Microsecond), acked, stored, failed)
	if int64(stored) != acked {
		log.Fatalf("%d contributions accusées, %d en base : des contributions sont perdues ou en trop", acked, stored)
	}

	if *skipPage {
		return
	}
	// The page is read by many citizens, not by one address hammering it (which the rate limit stops):
	// each request comes from its own address, as the contributions do.
	pageURL, _ := benchapp.Serve(manyAddresses(app(st)))
	page := pageURL + "/public/" + demo.Slug
	body, header := fetch(page)
	bareURL, _ := benchapp.Serve(loadgen.Bare(body, header))
	fmt.Printf("Page publique (%d octets), %d connexions, 10 s par mesure\n\n", len(body), *conns)
	fmt.Println("| | débit | latence p50 | latence p99 | détail |")
	fmt.Println("|---|---|---|---|---|")
	fmt.Println("| net/http nu, mêmes octets |", loadgen.Run(bareURL+"/public/"+demo.Slug, nil, *conns, 10*time.Second), "|")
	fmt.Println("| page publique de Boussole |", loadgen.Run(page, nil, *conns, 10*time.Second), "|")
}

// manyAddresses gives each request its own client address behind the declared proxy.
func manyAddresses(next http.Handler) http.Handler {
	var n atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := n.Add(1)
		r.Header.Set("X-Forwarded-For", "10."+strconv.FormatInt(i>>16&255, 10)+"."+strconv.FormatInt(i>>8&255, 10)+"."+strconv.FormatInt(i&255, 10))
		next.ServeHTTP(w, r)
	})
}

// app serves the application behind a proxy declared on loopback, so that each simulated citizen comes
// from its own address (X-Forwarded-For), as behind a real load balancer.
func app(st *store.Store) http.Handler {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	sender, _ := mail.New("", "", logger)
	cfg := &config.Config{Addr: "127.0.0.1:0", BaseURL: "http://127.0.0.1", LogFormat: "text",
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}}
	h, err := web.New(st, cfg, logger, sender)
	check(err)
	return h
}

func openConsultation(ctx context.Context, st *store.Store, authorityID int64) consultation.Consultation {
	list, err := st.PublicConsultations(ctx, authorityID)
	check(err)
	for _, c := range list {
		if c.Phase(time.Now()) == consultation.PhaseOpen {
			return c
		}
	}
	log.Fatal("la démonstration n'a pas de consultation ouverte")
	return consultation.Consultation{}
}

func count(ctx context.Context, st *store.Store, authorityID, id int64) int {
	_, n, err := st.Contributions(ctx, authorityID, id, store.ContributionFilter{Limit: 1})
	check(err)
	return n
}

// submit posts distinct contributions from conns goroutines for d; only an answer thanking the
// contributor counts as acknowledged.
func submit(target string, c consultation.Consultation, conns int, d time.Duration) (acked int64, failed int64, lat []time.Duration, elapsed time.Duration) {
	transport := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}
	var seq atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	deadline := time.Now().Add(d)
	start := time.Now()
	for range conns {
		wg.Go(func() {
			var local []time.Duration
			for time.Now().Before(deadline) {
				n := seq.Add(1)
				form := url.Values{"category": {"citoyen"}}
				for _, q := range c.Questions {
					name := consultation.AnswerField(q.ID)
					switch q.Kind {
					case consultation.OpenText:
						form.Set(name, "Contribution de charge n° "+strconv.FormatInt(n, 10)+" : plus d'échanges de jeunes avec nos villes partenaires.")
					case consultation.Single:
						form.Set(name, q.Choices[int(n)%len(q.Choices)])
					}
				}
				req, _ := http.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Sec-Fetch-Site", "same-origin")
				req.Header.Set("X-Forwarded-For", "10."+strconv.FormatInt(n>>16&255, 10)+"."+strconv.FormatInt(n>>8&255, 10)+"."+strconv.FormatInt(n&255, 10))
				t0 := time.Now()
				res, err := client.Do(req)
				if err != nil {
					atomic.AddInt64(&failed, 1)
					continue
				}
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK || !strings.Contains(string(b), "Merci, votre contribution est bien reçue") {
					atomic.AddInt64(&failed, 1)
					continue
				}
				atomic.AddInt64(&acked, 1)
				local = append(local, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, local...)
			mu.Unlock()
		})
	}
	wg.Wait()
	return acked, failed, lat, time.Since(start)
}

func fetch(u string) ([]byte, http.Header) {
	res, err := http.Get(u)
	check(err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	check(err)
	if res.StatusCode != http.StatusOK {
		log.Fatalf("%s : statut %d", u, res.StatusCode)
	}
	return b, res.Header
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
