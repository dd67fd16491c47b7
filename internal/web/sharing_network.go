package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"boussole/internal/model"
	"boussole/internal/refdata/country"
	"boussole/internal/sharing"
	"boussole/internal/tabular"
)

// networkPage is a network's view of its members: the authorities that granted its account access, and
// the partnerships they share, counted by country and by theme.
type networkPage struct {
	atlasPage // the members' shared partnerships, with the atlas's filters, pages and counts by country (no map)
	Members   []model.Authority
	Themes    []sharing.ThemeCount
}

// atlasQueryOf reads the atlas's filters from the address; an unknown country is no filter.
func atlasQueryOf(r *http.Request) sharing.AtlasQuery {
	v := r.URL.Query()
	q := sharing.AtlasQuery{Country: strings.ToUpper(v.Get("pays")), Partner: strings.TrimSpace(v.Get("partenaire")), Theme: strings.TrimSpace(v.Get("theme"))}
	if _, ok := country.ByCode(q.Country); !ok {
		q.Country = ""
	}
	return q
}

// encodeAtlasQuery writes the filters back, for the pager and the export.
func encodeAtlasQuery(q sharing.AtlasQuery) string {
	enc := url.Values{}
	for k, x := range map[string]string{"pays": q.Country, "partenaire": q.Partner, "theme": q.Theme} {
		if x != "" {
			enc.Set(k, x)
		}
	}
	return enc.Encode()
}

func (s *Server) showNetwork(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), currentUser(r)
	members, err := s.store.NetworkMembers(ctx, u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := networkPage{Members: members, atlasPage: atlasPage{Query: atlasQueryOf(r)}}
	v := view{Title: "Les collectivités que vous accompagnez"}
	if len(members) == 0 {
		s.renderComponent(w, r, http.StatusOK, v, networkContent(p))
		return
	}
	p.Query.Network = u.ID
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	p.Page = max(page, 1)
	entries, total, err := s.store.Atlas(ctx, p.Query, (p.Page-1)*atlasPageSize, atlasPageSize)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	counts, err := s.store.AtlasCountries(ctx, u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Themes, err = s.store.AtlasThemes(ctx, u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Total, p.Pages = total, max(1, (total+atlasPageSize-1)/atlasPageSize)
	enc := encodeAtlasQuery(p.Query)
	p.PrevURL, p.NextURL = "/reseau?"+enc+"&page="+strconv.Itoa(p.Page-1), "/reseau?"+enc+"&page="+strconv.Itoa(p.Page+1)
	p.ExportURL = "/reseau.csv?" + enc
	for _, e := range entries {
		p.Entries = append(p.Entries, atlasRow{AtlasEntry: e, CountryName: country.Name(e.Country), ShareURL: "/ct/" + e.AuthoritySlug + "/"})
	}
	for _, c := range counts {
		p.Countries = append(p.Countries, atlasCountry{CountryCount: c, Name: country.Name(c.Country), Selected: c.Country == p.Query.Country,
			URL: "/reseau?pays=" + c.Country})
	}
	s.renderComponent(w, r, http.StatusOK, v, networkContent(p))
}

// exportNetwork writes the members' shared partnerships that match the filters as CSV.
func (s *Server) exportNetwork(w http.ResponseWriter, r *http.Request) {
	q := atlasQueryOf(r)
	q.Network = currentUser(r).ID
	entries, _, err := s.store.Atlas(r.Context(), q, 0, atlasExportLimit)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeAtlasCSV(w, "partenariats-des-membres.csv", entries)
}

// exportNetworkCounts writes the members' counts by country and by theme as CSV, for a network's report.
func (s *Server) exportNetworkCounts(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), currentUser(r)
	countries, err := s.store.AtlasCountries(ctx, u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	themes, err := s.store.AtlasThemes(ctx, u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows := make([][]string, 0, len(countries)+len(themes))
	for _, c := range countries {
		rows = append(rows, []string{"pays", c.Country, country.Name(c.Country), strconv.Itoa(c.Partners), strconv.Itoa(c.Authorities)})
	}
	for _, t := range themes {
		rows = append(rows, []string{"thème", "", t.Theme, strconv.Itoa(t.Partners), strconv.Itoa(t.Authorities)})
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="comptes-des-membres.csv"`)
	_ = tabular.WriteCSV(w, []string{"Regroupement", "Code pays", "Pays ou thème", "Partenariats", "Collectivités membres"}, rows)
}
