package web

import (
	"html/template"
	"net/http"
	"strconv"

	"boussole/internal/figure/worldmap"
	"boussole/internal/refdata/country"
	"boussole/internal/sharing"
	"boussole/internal/tabular"
)

const atlasPageSize = 50

// atlasPage is who cooperates where, among the partnerships authorities share.
type atlasPage struct {
	Query     sharing.AtlasQuery
	Entries   []atlasRow
	Total     int
	Page      int
	Pages     int
	PrevURL   string
	NextURL   string
	ExportURL string
	Countries []atlasCountry
	Map       template.HTML
	MapText   string
}

type atlasRow struct {
	sharing.AtlasEntry
	CountryName string
	ShareURL    string
}

type atlasCountry struct {
	sharing.CountryCount
	Name     string
	Selected bool
	URL      string
}

var atlasCategory = worldmap.Category{Label: "Pays où des collectivités partagent un partenariat", Rank: 0}

func (s *Server) showAtlas(w http.ResponseWriter, r *http.Request, ws *workspace) {
	q := atlasQueryOf(r)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	entries, total, err := s.store.Atlas(r.Context(), q, (page-1)*atlasPageSize, atlasPageSize)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	counts, err := s.store.AtlasCountries(r.Context(), 0)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := atlasPage{Query: q, Total: total, Page: page, Pages: max(1, (total+atlasPageSize-1)/atlasPageSize)}
	enc := encodeAtlasQuery(q)
	base := ws.Prefix() + "/atlas?" + enc
	p.PrevURL, p.NextURL = base+"&page="+strconv.Itoa(page-1), base+"&page="+strconv.Itoa(page+1)
	p.ExportURL = ws.Prefix() + "/atlas.csv?" + enc
	for _, e := range entries {
		p.Entries = append(p.Entries, atlasRow{AtlasEntry: e, CountryName: country.Name(e.Country),
			ShareURL: ws.Prefix() + "/bibliotheque/" + strconv.FormatInt(e.ShareID, 10)})
	}
	highlight := map[string]worldmap.Category{}
	for _, c := range counts {
		highlight[c.Country] = atlasCategory
		p.Countries = append(p.Countries, atlasCountry{CountryCount: c, Name: country.Name(c.Country), Selected: c.Country == q.Country,
			URL: ws.Prefix() + "/atlas?pays=" + c.Country})
	}
	p.Map = template.HTML(worldmap.Draw(highlight, "Atlas des coopérations partagées", //nolint:gosec // the figure package escapes what it draws
		"Carte du monde où sont mis en évidence les pays où des collectivités de la plateforme partagent au moins un partenariat."))
	p.MapText = worldmap.TextAlternative(highlight)
	v := view{Title: "Atlas des coopérations", WS: ws, Section: "bibliotheque"}
	s.renderComponent(w, r, http.StatusOK, v, sharingAtlasContent(v, p))
}

// atlasExportLimit bounds one export: the whole atlas of the scale (20,000 partnerships) fits.
const atlasExportLimit = 50000

// exportAtlas writes the atlas's matching partnerships as CSV, for a network counting its members' work.
func (s *Server) exportAtlas(w http.ResponseWriter, r *http.Request, ws *workspace) {
	entries, _, err := s.store.Atlas(r.Context(), atlasQueryOf(r), 0, atlasExportLimit)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeAtlasCSV(w, "atlas-des-cooperations.csv", entries)
}

// writeAtlasCSV writes shared partnerships as the atlas's spreadsheet, for a network counting its members' work.
func writeAtlasCSV(w http.ResponseWriter, filename string, entries []sharing.AtlasEntry) {
	rows := make([][]string, len(entries))
	for i, e := range entries {
		year := ""
		if e.StartYear != 0 {
			year = strconv.Itoa(e.StartYear)
		}
		rows[i] = []string{e.Country, country.Name(e.Country), e.Partner, e.AuthorityName, e.Kind, e.Themes, year}
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	_ = tabular.WriteCSV(w, []string{"Code pays", "Pays", "Partenaire", "Collectivité française", "Nature", "Thèmes", "Depuis"}, rows)
}
