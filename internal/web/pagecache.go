package web

import (
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"boussole/internal/access"
	"boussole/internal/store"
)

// pageCache keeps the answers of workspace pages while nothing they show can have changed. A workspace page
// is a function of the authority's data, which moves its change mark on every write (each write is audited
// in its own transaction), of the viewer (who, with which role, and which strategy their session shows), of
// the address asked and of the day. All of these are read from the database on every request (the session,
// the workspace and role, then store.ViewMarks in one query), so a page is reused only when it would be
// rendered again byte for byte, whichever instance rendered it first, and sign-out, a role change or a
// revoked grant take effect on the next request, as without the cache.
//
// The key holds the authority, the user and the role: a page never leaks across authorities, people or
// roles. What is kept is bounded, and dropped for an authority as soon as its mark moves.
type pageCache struct {
	mu          sync.Mutex
	off         bool // benchmarks measure the pages' own cost with the cache off
	size        int  // bytes of bodies held
	byAuthority map[int64]*authorityPages
	// warnings counts the warnings and errors logged, see pagecache_warnings.go.
	warnings atomic.Int64
}

// authorityPages are the kept pages of one authority, all rendered at the same marks.
type authorityPages struct {
	marks viewMarks
	pages map[pageKey]*keptPage
}

// viewMarks are what, beyond the viewer, decides whether an authority's pages are still what they were.
type viewMarks struct {
	change    int64 // the latest audit entry of the authority
	authority int64 // the authority record's version (its name is in every header)
	// contributions is the authority's latest contribution (written in batches, not audited one by one).
	contributions int64
	day           [2]int32
}

// pageKey is the viewer and the address of one kept page.
type pageKey struct {
	uri      string
	user     int64
	userName string
	admin    bool
	role     access.Role
	chosen   int64 // the strategy the session chose to show
	// The viewer's unread notifications. Within one change mark they can only be read, never added (a new
	// one comes with a comment, an audited write), so the mark and the count tell exactly which are
	// unread. This is also why a replay need not repeat what rendering did as a side effect, marking read
	// the notifications about the comments a page shows: had the rendering marked any, the count would
	// have dropped and the same key could not come again under the same mark.
	unread int64
	// The platform's latest audited write, for the pages that read other authorities; 0 for the others.
	platform int64
}

// keptPage is a full answer: status, headers as the handler left them, body, and its entity tag when the
// answer is a figure or an export.
type keptPage struct {
	status int
	header http.Header
	body   []byte
	etag   string
}

// Bounds of the cache; past them it starts afresh, which only costs rendering again.
const (
	maxKeptPage      = 4 << 20  // a larger answer (an attachment, a huge export) is never kept
	maxKeptBytes     = 64 << 20 // all bodies together
	maxPagesPerOwner = 4096     // pages of one authority
)

// notReused are the workspace GET routes never kept. None today: add a route here if it ever writes
// something unaudited as it renders, or shows what changes without a write (beyond the day).
var notReused = map[string]bool{}

// acrossAuthorities are the workspace GET routes that show other authorities' data: they are kept against
// the platform's latest audited write (ViewMarks.Platform), not only their own authority's. A new page
// that reads another authority must be listed here.
var acrossAuthorities = map[string]bool{
	"GET /ct/{slug}/bibliotheque":                   true,
	"GET /ct/{slug}/bibliotheque/{share}":           true,
	"GET /ct/{slug}/bibliotheque/{share}/reprendre": true,
	"GET /ct/{slug}/atlas":                          true,
	"GET /ct/{slug}/atlas.csv":                      true,
	"GET /ct/{slug}/consortiums":                    true,
	"GET /ct/{slug}/consortiums/nouveau":            true,
	"GET /ct/{slug}/consortiums/{consortium}":       true,
	// The funding pages check plans against the programme catalogue, which the platform administrator edits
	// outside any authority.
	"GET /ct/{slug}/financements":                                 true,
	"GET /ct/{slug}/financements/appels":                          true, // and the platform's calls
	"GET /ct/{slug}/financements/appels.ics":                      true,
	"GET /ct/{slug}/financements/projets/nouveau":                 true,
	"GET /ct/{slug}/financements/projets/{project}":               true,
	"GET /ct/{slug}/financements/projets/{project}/programmes":    true,
	"GET /ct/{slug}/financements/projets/{project}/lignes/{line}": true,
	"GET /ct/{slug}/financements/portefeuille":                    true,
	"GET /ct/{slug}/financements/annees":                          true,
	"GET /ct/{slug}/financements/catalogue":                       true,
	"GET /ct/{slug}/financements/catalogue/{code}":                true,
}

// workspaceRoute is inWorkspace for one route, with the page cache on the GET pages: the session, the
// workspace, the role and the view marks are read in one statement, then the page is replayed if kept,
// else rendered. When that statement finds nothing (no live session, no such workspace, no access), the
// plain path reads them one by one to give the right answer: the sign-in page, a 404.
func (s *Server) workspaceRoute(pattern string, action access.Action, h workspaceHandler) http.HandlerFunc {
	plain := s.inWorkspace(action, h)
	if notReused[pattern] || !strings.HasPrefix(pattern, "GET ") {
		return plain
	}
	return func(w http.ResponseWriter, r *http.Request) {
		sess := sessionOf(r)
		if r.Method != http.MethodGet || s.pages.isOff() || sess == nil {
			plain(w, r)
			return
		}
		u, found, marks, err := s.store.SessionWorkspaceView(r.Context(), sess.hash, r.PathValue("slug"))
		if err != nil {
			plain(w, r)
			return
		}
		sess.set(u)
		if !acrossAuthorities[pattern] {
			marks.Platform = 0
		}
		if ws, ok := s.admit(w, r, action, found, nil); ok {
			s.servePage(w, r, ws, marks, h)
		}
	}
}

// servePage replays the kept page for this viewer and these marks, or renders it and keeps it.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request, ws *workspace, vm store.ViewMarks, h workspaceHandler) {
	u := currentUser(r)
	m := viewMarks{change: vm.Change, authority: ws.Authority.Version, contributions: vm.Contributions, day: today(time.Now())}
	k := pageKey{uri: r.URL.RequestURI(), user: u.ID, userName: u.Name, admin: u.PlatformAdmin, role: ws.Role, chosen: vm.Chosen, unread: vm.Unread, platform: vm.Platform}
	s.serveKept(w, r, ws.Authority.ID, m, k, func(w http.ResponseWriter) { h(w, r, ws) })
}

// serveKept replays the page kept for owner under these marks and this key, or renders it and keeps it.
func (s *Server) serveKept(w http.ResponseWriter, r *http.Request, owner int64, m viewMarks, k pageKey, render func(http.ResponseWriter)) {
	if p := s.pages.get(owner, m, k); p != nil {
		p.writeTo(w, r)
		return
	}
	warned := s.pages.warnings.Load()
	cw := &captureWriter{ResponseWriter: w}
	render(cw)
	// A page that logged a warning while it rendered (a part it could not read, shown as such) is not kept:
	// the next request tries again. A warning of another request at the same time only costs a render.
	if p := cw.finish(r); p != nil && s.pages.warnings.Load() == warned {
		s.pages.put(owner, m, k, p)
	}
}

// today is the day in the server's zone and in UTC: pages name the current year, draw today's line on the
// chronogramme and count late activities.
func today(now time.Time) [2]int32 {
	u := now.UTC()
	return [2]int32{int32(now.Year()*1000 + now.YearDay()), int32(u.Year()*1000 + u.YearDay())}
}

func (c *pageCache) isOff() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.off
}

// setOff turns the cache off or on, for benchmarks that measure what a page costs to render.
func (c *pageCache) setOff(off bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.off, c.byAuthority, c.size = off, nil, 0
}

func (c *pageCache) get(authorityID int64, m viewMarks, k pageKey) *keptPage {
	c.mu.Lock()
	defer c.mu.Unlock()
	ap := c.byAuthority[authorityID]
	if ap == nil || ap.marks != m {
		return nil
	}
	return ap.pages[k]
}

func (c *pageCache) put(authorityID int64, m viewMarks, k pageKey, p *keptPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byAuthority == nil || c.size+len(p.body) > maxKeptBytes {
		c.byAuthority, c.size = map[int64]*authorityPages{}, 0
	}
	ap := c.byAuthority[authorityID]
	if ap == nil || ap.marks != m || len(ap.pages) >= maxPagesPerOwner {
		if ap != nil {
			for _, old := range ap.pages {
				c.size -= len(old.body)
			}
		}
		ap = &authorityPages{marks: m, pages: map[pageKey]*keptPage{}}
		c.byAuthority[authorityID] = ap
	}
	if old := ap.pages[k]; old != nil {
		c.size -= len(old.body)
	}
	ap.pages[k] = p
	c.size += len(p.body)
}

// ReusePages turns the reuse of kept pages on (the default) or off. The benchmarks turn it off to measure
// what a page costs to compute and render.
func (s *Server) ReusePages(on bool) { s.pages.setOff(!on) }
