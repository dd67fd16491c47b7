package web

import (
	"net/http"

	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/refdata/country"
)

// portfolioRow is one row of the matrix: a theme in a country, with the amount of each source.
type portfolioRow struct {
	Theme   string
	Country string
	Cells   []portfolioCell
}

type portfolioCell struct {
	Amount   int64
	Filled   bool
	Projects int
}

// portfolioRedundancy is a redundancy with the projects' titles.
type portfolioRedundancy struct {
	funding.Redundancy
	ThemeLabel, CountryName string
	A, B                    funding.Project
}

// portfolioPage is the data of the portfolio: the matrix themes × countries × sources of the strategy's
// projects, the redundancies and the priorities no funded project serves.
type portfolioPage struct {
	May          fundingMay
	Strategy     model.Strategy
	Sources      []string // column headers, in French
	Rows         []portfolioRow
	Redundancies []portfolioRedundancy
	ThemeGaps    []funding.Priority
	CountryGaps  []funding.Priority
	Projects     int
}

func (s *Server) showPortfolio(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.fundingStrategy(w, r, ws)
	if !ok {
		return
	}
	projects, err := s.store.StrategyProjects(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	choices, err := s.projectChoices(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	c, err := s.store.FundingCatalogue(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	pf := funding.BuildPortfolio(projects, choices.Themes, choices.Geo)
	d := portfolioPage{May: mayFund(ws), Strategy: st, ThemeGaps: pf.ThemeGaps, CountryGaps: pf.CountryGaps, Projects: len(projects)}
	for _, src := range pf.Sources {
		d.Sources = append(d.Sources, sourceName(c, src))
	}
	for _, t := range pf.Themes {
		for _, cc := range pf.Countries {
			row := portfolioRow{Theme: themeOrNone(t), Country: countryOrNone(cc)}
			any := false
			for _, src := range pf.Sources {
				cell := pf.Cells[funding.CellKey{Theme: t, Country: cc, Source: src}]
				if cell == nil {
					row.Cells = append(row.Cells, portfolioCell{})
					continue
				}
				any = true
				row.Cells = append(row.Cells, portfolioCell{Amount: cell.AmountCents, Filled: true, Projects: len(cell.Projects)})
			}
			if any {
				d.Rows = append(d.Rows, row)
			}
		}
	}
	byID := map[int64]funding.Project{}
	for _, p := range projects {
		byID[p.ID] = p
	}
	for _, rd := range pf.Redundancies {
		d.Redundancies = append(d.Redundancies, portfolioRedundancy{Redundancy: rd, ThemeLabel: rd.Theme.Label(), CountryName: country.Name(rd.Country), A: byID[rd.A], B: byID[rd.B]})
	}
	v := fundingPage(r, ws, "Portefeuille de financements", nil)
	s.renderComponent(w, r, http.StatusOK, v, fundingPortfolioContent(v, d))
}

// sourceName is the French header of a portfolio column.
func sourceName(c *funding.Catalogue, key string) string {
	switch funding.Source(key) {
	case funding.SourceOwn, funding.SourcePartner, funding.SourceOther:
		return funding.Source(key).Label()
	}
	return programmeName(c, key)
}

func themeOrNone(t funding.Theme) string {
	if t == "" {
		return "Sans thème"
	}
	return t.Label()
}

func countryOrNone(c string) string {
	if c == "" {
		return "Sans pays"
	}
	return country.Name(c)
}
