package main

import (
	"context"
	"net/http"
	"net/url"

	"boussole/internal/store"
)

// seedSharingScale writes the capitalisation issue's scale beside the demo, in one transaction, through the
// store's own writers: 5,000 authorities, 2,000 of them sharing a strategy with 10 partnerships each (20,000
// shared partnerships).
func seedSharingScale(ctx context.Context, st *store.Store) {
	check(st.SeedSyntheticShares(ctx, 5000, 2000, 10))
}

// sharingPages are the library's and the atlas's pages with a search or a filter, which the crawl does not
// reach (their forms are GETs it does not fill): a search, a filter by country and by theme, the atlas of one
// country and of a partner's name, under the workspace at prefix.
func sharingPages(base string, cookie *http.Cookie, prefix string) []page {
	var out []page
	for _, path := range []string{
		"/bibliotheque?" + url.Values{"q": {"coopérer eau"}}.Encode(),
		"/bibliotheque?pays=SN",
		"/bibliotheque?" + url.Values{"theme": {"santé"}}.Encode(),
		"/bibliotheque?pays=SN&page=3",
		"/atlas?pays=SN",
		"/atlas?" + url.Values{"partenaire": {"partenaire 17"}}.Encode(),
	} {
		if p, ok := get(base, cookie, prefix+path); ok {
			out = append(out, p)
		}
	}
	return out
}
