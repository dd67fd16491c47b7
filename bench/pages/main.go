// Command pages keeps the score of every page: it loads the demo authority (and, on request, a large
// authority and the reference planning of 300 tasks), signs in, walks every page an agent reaches from the
// workspace home, captures each page's bytes and headers, and loads the page and a bare net/http handler
// writing those very bytes, one after the other in the same run. It prints one Markdown row per page with
// both throughputs, their p50/p99 latencies and the ratio, then the pages under the target.
//
//	go run ./bench/pages                                    # the demo, SQLite in a temporary directory
//	go run ./bench/pages -large -gantt300 -duration 3s      # plus a large authority and the 300-task planning
//	go run ./bench/pages -database-url postgres://…         # PostgreSQL
//	go run ./bench/pages -only 'afom|acteurs'               # the pages whose path matches
//	go run ./bench/pages -sharing-scale -only 'atlas|bibliotheque'  # the library and atlas at the scale
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"time"

	"boussole/bench/benchapp"
	"boussole/internal/demo"
	"boussole/internal/store"
	"boussole/internal/web"
)

// target is the bar: every page at least a quarter of its bare handler's throughput.
const target = 0.25

func main() {
	dbURL := flag.String("database-url", "", "postgres://… ; vide pour SQLite dans un dossier temporaire")
	conns := flag.Int("conns", 50, "connexions simultanées")
	duration := flag.Duration("duration", 2*time.Second, "durée de chaque mesure (page, puis handler nu)")
	only := flag.String("only", "", "expression régulière : ne mesure que les pages dont le chemin correspond")
	maxPages := flag.Int("max-pages", 200, "nombre maximal de pages par collectivité")
	large := flag.Bool("large", false, "ajoute une grande collectivité (400 acteurs, 500 éléments AFOM, 300 activités, 200 indicateurs)")
	gantt := flag.String("gantt300", "", "dossier du jeu de référence gantt-300 (dataset.json) : ajoute son chronogramme")
	sharingScale := flag.Bool("sharing-scale", false, "ajoute 5 000 collectivités, 2 000 stratégies partagées et 20 000 partenariats partagés, et mesure la bibliothèque et l'atlas filtrés")
	rendered := flag.Bool("rendered", false, "sans réutilisation des pages gardées : chaque requête calcule et rend sa page")
	flag.Parse()
	ctx := context.Background()
	filter, err := regexp.Compile(*only)
	check(err)

	dir, err := os.MkdirTemp("", "boussole-pages")
	check(err)
	defer os.RemoveAll(dir)
	st, err := store.Open(ctx, *dbURL, dir)
	check(err)
	defer st.Close()
	_, err = st.Migrate(ctx)
	check(err)
	_, err = demo.Load(ctx, st)
	check(err)
	authorities := []signIn{{slug: demo.Slug, email: "agent@demo.boussole.test", password: demo.Password}}
	if *large {
		authorities = append(authorities, loadLarge(ctx, st))
	}
	if *sharingScale {
		seedSharingScale(ctx, st)
	}
	if *gantt != "" {
		authorities = append(authorities, loadGantt300(ctx, st, *gantt))
	}

	srv := benchapp.New(st).(*web.Server)
	srv.ReusePages(!*rendered)
	app, _ := benchapp.Serve(srv)
	mode := "pages gardées tant que rien ne change"
	if *rendered {
		mode = "chaque page calculée et rendue à chaque requête"
	}
	fmt.Printf("%d connexions, %s par mesure, base %s, %d cœurs, %s, %s, %s\n\n", *conns, *duration, st.Dialect(),
		runtime.NumCPU(), runtime.Version(), time.Now().Format("2006-01-02 15:04"), mode)
	fmt.Println("| page | octets | requêtes SQL (rendue / gardée) | Boussole | p50 | p99 | handler nu | p50 | p99 | rapport |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|")
	var under []string
	var ratios []float64
	for _, a := range authorities {
		cookie := a.cookie(app)
		pages := crawl(app, cookie, "/ct/"+a.slug+"/", *maxPages)
		if *sharingScale && a.slug == demo.Slug {
			pages = append(pages, sharingPages(app, cookie, "/ct/"+a.slug)...)
		}
		for _, p := range pages {
			if !filter.MatchString(p.path) {
				continue
			}
			row := measure(app, cookie, p, *conns, *duration)
			row.queries = countQueries(st, srv, app, cookie, p.path, *rendered)
			fmt.Println(row.markdown())
			ratios = append(ratios, row.ratio)
			if row.ratio < target {
				under = append(under, fmt.Sprintf("%s (%.2f)", p.path, row.ratio))
			}
		}
	}
	fmt.Println("\n" + summary(ratios))
	fmt.Printf("%d pages sous %.2f du handler nu\n", len(under), target)
	for _, u := range under {
		fmt.Println("- " + u)
	}
}

var check = benchapp.Check
