package web

import (
	"net/http"
	"time"
)

// keptPublic serves a public page (the authority's page, a consultation, its results, the public
// calendar, the open data) from the page cache while nothing it shows can have moved. A public page is a
// function of the authority's data, which moves its change mark on every write (each write is audited)
// and its contributions mark on every contribution, of the address and of the day: no session is read on
// the public routes, so every visitor is given the same bytes. The marks are read in one statement on
// every request, so an unpublished item disappears on the next request, on whichever instance.
func (s *Server) keptPublic(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || s.pages.isOff() {
			h(w, r)
			return
		}
		a, vm, err := s.store.PublicView(r.Context(), r.PathValue("slug"))
		if err != nil {
			h(w, r) // the handler gives the answer: an unknown authority's 404, or the error page
			return
		}
		m := viewMarks{change: vm.Change, authority: a.Version, contributions: vm.Contributions, day: today(time.Now())}
		// The key holds no viewer: a workspace page's key always does, and its address is under /ct/.
		s.serveKept(w, r, a.ID, m, pageKey{uri: r.URL.RequestURI()}, func(w http.ResponseWriter) { h(w, r) })
	}
}
