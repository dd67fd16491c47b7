package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"boussole/internal/refdata/country"
	"boussole/internal/refdata/sdg"
	"boussole/internal/sharing"
	"boussole/internal/store"
	"boussole/internal/territory"
)

const libraryPageSize = 20

// libraryPage is the library of peers' shared strategies: filters, a page of results, how many match.
type libraryPage struct {
	Query   sharing.Query
	Rows    []libraryRow
	Total   int
	Page    int
	Pages   int
	PrevURL string
	NextURL string
	Options libraryOptions
	Shares  bool // whether the viewing authority shares something itself
	Lessons []lessonHit
}

// lessonHit is a lesson another authority shares, as the library lists it.
type lessonHit struct {
	L         sharing.Lesson
	Authority string
	Country   string
}

// libraryLessons bounds the shared lessons shown beside the strategies: the search narrows them.
const libraryLessons = 10

// libraryRow is one shared strategy in the list.
type libraryRow struct {
	URL       string
	View      sharing.View
	KindLabel string
	BandLabel string
	Region    string
	Countries []string // French names
}

type libraryOptions struct {
	Kinds   []option
	Bands   []option
	Regions []option
	SDG     []option
}

type option struct{ Value, Label string }

func libraryOptionsFor() libraryOptions {
	var o libraryOptions
	for _, k := range territory.Kinds {
		o.Kinds = append(o.Kinds, option{string(k), k.Label()})
	}
	for _, b := range sharing.Bands {
		o.Bands = append(o.Bands, option{string(b), b.Label()})
	}
	for _, r := range territory.Regions() {
		o.Regions = append(o.Regions, option{r.Code, r.Name})
	}
	for _, g := range sdg.Goals() {
		o.SDG = append(o.SDG, option{strconv.Itoa(g.Number), "ODD " + strconv.Itoa(g.Number) + " : " + g.Short})
	}
	return o
}

// readLibraryQuery reads the filters from the URL; values outside the lists are dropped, not refused, so an
// old bookmark still opens the library.
func readLibraryQuery(v url.Values) sharing.Query {
	q := sharing.Query{Text: strings.TrimSpace(v.Get("q")), Kind: v.Get("type"), Band: sharing.Band(v.Get("taille")), Region: v.Get("region"),
		Country: strings.ToUpper(v.Get("pays")), Theme: strings.TrimSpace(v.Get("theme")), SDG: v.Get("odd")}
	if !territory.Kind(q.Kind).Valid() {
		q.Kind = ""
	}
	if !q.Band.Valid() {
		q.Band = ""
	}
	if territory.RegionName(q.Region) == "" {
		q.Region = ""
	}
	if _, ok := country.ByCode(q.Country); !ok {
		q.Country = ""
	}
	if n, err := strconv.Atoi(q.SDG); err != nil || n < 1 || n > 17 {
		q.SDG = ""
	}
	if len(q.Theme) > 100 {
		q.Theme = q.Theme[:100]
	}
	return q
}

func encodeLibraryQuery(q sharing.Query) string {
	v := url.Values{}
	for k, x := range map[string]string{"q": q.Text, "type": q.Kind, "taille": string(q.Band), "region": q.Region, "pays": q.Country, "theme": q.Theme, "odd": q.SDG} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v.Encode()
}

func (s *Server) showLibrary(w http.ResponseWriter, r *http.Request, ws *workspace) {
	q := readLibraryQuery(r.URL.Query())
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	list, total, err := s.store.SearchShares(r.Context(), q, ws.Authority.ID, (page-1)*libraryPageSize, libraryPageSize)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := libraryPage{Query: q, Total: total, Page: page, Pages: max(1, (total+libraryPageSize-1)/libraryPageSize), Options: libraryOptionsFor()}
	base := ws.Prefix() + "/bibliotheque?" + encodeLibraryQuery(q)
	p.PrevURL, p.NextURL = base+"&page="+strconv.Itoa(page-1), base+"&page="+strconv.Itoa(page+1)
	for _, sh := range list {
		p.Rows = append(p.Rows, libraryRowOf(ws, sh))
	}
	lessons, names, err := s.store.SharedLessons(r.Context(), q, ws.Authority.ID, libraryLessons)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for i, l := range lessons {
		p.Lessons = append(p.Lessons, lessonHit{L: l, Authority: names[i], Country: country.Name(l.Country)})
	}
	if own, err := s.store.SharesOfAuthority(r.Context(), ws.Authority.ID); err == nil {
		p.Shares = own > 0
	}
	v := view{Title: "Bibliothèque des stratégies partagées", WS: ws, Section: "bibliotheque"}
	s.renderComponent(w, r, http.StatusOK, v, sharingLibraryContent(v, p))
}

func libraryRowOf(ws *workspace, sh sharing.Share) libraryRow {
	v := sh.View
	row := libraryRow{URL: ws.Prefix() + "/bibliotheque/" + strconv.FormatInt(sh.ID, 10), View: v, KindLabel: territory.Kind(v.Authority.Kind).Label(),
		BandLabel: sharing.BandOf(v.Authority.Population).Label()}
	for _, c := range v.Countries {
		row.Countries = append(row.Countries, country.Name(c))
	}
	return row
}

// peerPage shows one shared strategy beside the viewer's own.
type peerPage struct {
	Share    sharing.Share
	Row      libraryRow
	Own      *sharing.View // the viewer's strategy through the same filter, for the side by side; nil without one
	OwnTitle string
	CopyURL  string
}

func (s *Server) shareFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (sharing.Share, bool) {
	id, ok := pathID(r, "share")
	if !ok {
		s.notFound(w, r)
		return sharing.Share{}, false
	}
	sh, err := s.store.Share(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && sh.AuthorityID == ws.Authority.ID) {
		// One's own share is read on the sharing page, where it can be changed.
		s.notFound(w, r)
		return sharing.Share{}, false
	}
	if err != nil {
		s.serverError(w, r, err)
		return sharing.Share{}, false
	}
	return sh, true
}

func (s *Server) showPeerStrategy(w http.ResponseWriter, r *http.Request, ws *workspace) {
	sh, ok := s.shareFromPath(w, r, ws)
	if !ok {
		return
	}
	p := peerPage{Share: sh, Row: libraryRowOf(ws, sh), CopyURL: ws.Prefix() + "/bibliotheque/" + strconv.FormatInt(sh.ID, 10) + "/reprendre"}
	st, _, found, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if found {
		whole, err := s.store.ReadStrategy(r.Context(), ws.Authority.ID, st.ID, sharedParts)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		own := sharing.Filter(whole, sharing.Structure|sharing.Partnerships, sharing.LicenceOuverte)
		p.Own, p.OwnTitle = &own, st.Title
	}
	v := view{Title: sh.View.Strategy.Title + " — " + sh.View.Authority.Name, WS: ws, Section: "bibliotheque"}
	s.renderComponent(w, r, http.StatusOK, v, sharingPeerContent(v, p))
}
