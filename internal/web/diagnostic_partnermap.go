package web

import (
	"bytes"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"boussole/internal/diagnostic"
	"boussole/internal/figure/worldmap"
	"boussole/internal/frfmt"
	"boussole/internal/refdata/country"
	"boussole/internal/tabular"
)

// mapCategories give each status its place in the map's legend; a country takes the liveliest status among
// its partnerships, so an active relation is never hidden behind an ended one.
var mapCategories = map[diagnostic.PartnershipStatus]worldmap.Category{
	diagnostic.StatusActive:  {Label: "Partenariat actif", Rank: 0},
	diagnostic.StatusDormant: {Label: "Partenariat en sommeil", Rank: 1},
	diagnostic.StatusEnded:   {Label: "Partenariat terminé", Rank: 2},
}

// partnerCountry is one row of the map's table: a country and its partnerships.
type partnerCountry struct {
	Code, Name string
	Category   string
	Partners   []diagnostic.PartnershipRecord
}

// partnerMap returns the highlight of the map and its table, countries in French order.
func partnerMap(list []diagnostic.PartnershipRecord) (map[string]worldmap.Category, []partnerCountry) {
	highlight := map[string]worldmap.Category{}
	byCode := map[string]*partnerCountry{}
	for _, p := range list {
		cat, ok := mapCategories[p.Partnership.Status]
		if !ok {
			continue
		}
		// A network membership with no country paints nothing: the page lists it apart.
		for _, code := range p.Partnership.Countries {
			code = strings.ToUpper(strings.TrimSpace(code))
			if cur, seen := highlight[code]; !seen || cat.Rank < cur.Rank {
				highlight[code] = cat
			}
			if byCode[code] == nil {
				byCode[code] = &partnerCountry{Code: code, Name: country.Name(code)}
			}
			byCode[code].Partners = append(byCode[code].Partners, p)
		}
	}
	rows := make([]partnerCountry, 0, len(byCode))
	for code, pc := range byCode {
		pc.Category = highlight[code].Label
		rows = append(rows, *pc)
	}
	slices.SortFunc(rows, func(a, b partnerCountry) int {
		if country.Less(a.Name, b.Name) {
			return -1
		}
		if country.Less(b.Name, a.Name) {
			return 1
		}
		return 0
	})
	return highlight, rows
}

// partnerMapFigure draws the map; the figure package escapes what it draws.
func partnerMapFigure(highlight map[string]worldmap.Category, name string) template.HTML {
	return template.HTML(worldmap.Draw(highlight, "Pays partenaires de "+name,
		"Carte du monde où sont mis en évidence les pays des partenaires, selon le statut du partenariat."))
}

func (s *Server) showPartnerMap(w http.ResponseWriter, r *http.Request, ws *workspace) {
	list, err := s.store.Partnerships(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	highlight, rows := partnerMap(list)
	var nowhere []diagnostic.PartnershipRecord
	for _, p := range list {
		if len(p.Partnership.Countries) == 0 {
			nowhere = append(nowhere, p)
		}
	}
	s.diagPage(w, r, http.StatusOK, ws, "diagnostic", "Carte des pays partenaires", nil, &partnerMapPage{
		Figure: partnerMapFigure(highlight, ws.Authority.Name), Text: worldmap.TextAlternative(highlight), Rows: rows, Total: len(list),
		Nowhere: nowhere,
	})
}

// partnershipSheet is the register as a table for the spreadsheet exports, with the list's filters.
func partnershipSheet(list []diagnostic.PartnershipRecord) ([]string, [][]string) {
	header := []string{"Partenaire", "Pays", "Codes pays", "Type", "Statut", "Année de début", "Convention signée le", "Début de la convention",
		"Fin de la convention", "Délibération", "Thèmes", "Services", "Acteurs locaux", "Budget annuel (€)", "Résultats obtenus", "Fonctionnement",
		"Apports pour la collectivité", "Apports pour le partenaire", "Décision", "Raison de la décision"}
	rows := make([][]string, 0, len(list))
	for _, rec := range list {
		p := rec.Partnership
		year := ""
		if p.StartYear != 0 {
			year = strconv.Itoa(p.StartYear)
		}
		rows = append(rows, []string{p.Partner, countryNames(p.Countries), strings.Join(p.Countries, ", "), p.Kind.Label(), p.Status.Label(), year,
			p.Agreement.Signed.ISO(), p.Agreement.Start.ISO(), p.Agreement.End.ISO(), p.Agreement.DeliberationRef,
			strings.Join(p.Themes, ", "), strings.Join(p.Services, ", "), strings.Join(p.LocalActors, ", "), frfmt.EurosOrUnknown(p.YearlyBudgetCents),
			p.Review.Results, p.Review.Functioning, p.Review.OurGain, p.Review.PartnerGain, p.Review.Decision.Label(), p.Review.Reason})
	}
	return header, rows
}

func (s *Server) exportPartnershipsCSV(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.exportPartnerships(w, r, ws, "csv")
}

func (s *Server) exportPartnershipsXLSX(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.exportPartnerships(w, r, ws, "xlsx")
}

func (s *Server) exportPartnerships(w http.ResponseWriter, r *http.Request, ws *workspace, format string) {
	all, err := s.store.Partnerships(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	header, rows := partnershipSheet(filteredPartnerships(all, partnershipFilter(r.URL.Query())))
	var buf bytes.Buffer
	contentType := "text/csv; charset=utf-8"
	if format == "xlsx" {
		contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		err = tabular.WriteXLSX(&buf, "Partenariats", header, rows)
	} else {
		err = tabular.WriteCSV(&buf, header, rows)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="partenariats-`+ws.Authority.Slug+`.`+format+`"`)
	_, _ = w.Write(buf.Bytes())
}
