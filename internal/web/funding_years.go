package web

import (
	"net/http"
	"sort"
	"strconv"

	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/number"
)

// sectorFields names the year form's amount fields, one per 1 % budget.
var sectorFields = []struct {
	Name   string
	Sector funding.Sector
	Label  string
}{
	{"eau", funding.SectorWater, "Ressources du budget de l'eau (€)"},
	{"assainissement", funding.SectorSanitation, "Ressources du budget de l'assainissement (€)"},
	{"energie", funding.SectorEnergy, "Ressources du budget de l'énergie (€)"},
	{"dechets", funding.SectorWaste, "Ressources du budget des déchets (€)"},
	{"mobilite", funding.SectorMobility, "Ressources des budgets de la mobilité (€)"},
}

// ceilingRow is one budget of one year: its ceiling under the 1 % and what the projects take from it.
type ceilingRow struct {
	Sector   funding.Sector
	Ceiling  *int64
	Used     int64
	Over     bool
	Excluded int64
}

// yearRow is one year of the page.
type yearRow struct {
	Year     int
	Team     *number.Decimal
	Ceilings []ceilingRow
	Load     *loadRow
	// OwnPaid is what the projects' own-budget lines paid in the year, SchemesPaid what the authority's
	// support schemes paid: both are its own budget spent on its international action.
	OwnPaid, SchemesPaid int64
}

// sentence writes the year's applications load for the page.
func (l loadRow) sentence() string {
	s := "Candidatures en préparation : " + l.Need + " mois-personne pour " + l.Have + " disponibles"
	if l.Unestimated != 0 {
		s += " (" + strconv.Itoa(l.Unestimated) + " sans effort estimé)"
	}
	return s + "."
}

// yearsPage is the data of the yearly figures page: the 1 % ceilings, the team and the capacity.
type yearsPage struct {
	May      fundingMay
	Strategy model.Strategy
	Years    []yearRow
	Fields   []diagOption
}

func (s *Server) showYears(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.fundingStrategy(w, r, ws)
	if !ok {
		return
	}
	f := newForm(nil)
	if y, err := strconv.Atoi(r.URL.Query().Get("annee")); err == nil {
		years, err := s.store.FundingYears(r.Context(), ws.Authority.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		f = yearForm(years[y], y)
	}
	s.renderYears(w, r, ws, http.StatusOK, st, f)
}

func (s *Server) renderYears(w http.ResponseWriter, r *http.Request, ws *workspace, status int, st model.Strategy, f *form) {
	ctx, err := s.checkContext(r.Context(), ws, 0)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	projects, err := s.store.StrategyProjects(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	loads := map[int]funding.Load{}
	for _, l := range funding.Capacity(projects, ctx.Catalogue, ctx.Years) {
		loads[l.Year] = l
	}
	paid, err := s.store.SchemePayments(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	own := map[int]int64{}
	for _, p := range projects {
		for _, l := range p.Lines {
			if l.Source == funding.SourceOwn && l.Status == funding.LinePaid && l.Year != 0 {
				own[l.Year] += l.AmountCents
			}
		}
	}
	set := map[int]bool{}
	for y := range paid {
		set[y] = true
	}
	for y := range own {
		set[y] = true
	}
	for y := range ctx.Years {
		set[y] = true
	}
	for y := range loads {
		set[y] = true
	}
	for k := range ctx.OtherUse {
		set[k.Year] = true
	}
	d := yearsPage{May: mayFund(ws), Strategy: st}
	for _, sf := range sectorFields {
		d.Fields = append(d.Fields, diagOption{Value: sf.Name, Label: sf.Label})
	}
	for y := range set {
		d.Years = append(d.Years, yearRow{Year: y})
	}
	sort.Slice(d.Years, func(i, j int) bool { return d.Years[i].Year < d.Years[j].Year })
	for i := range d.Years {
		row := &d.Years[i]
		yr := ctx.Years[row.Year]
		row.OwnPaid, row.SchemesPaid = own[row.Year], paid[row.Year]
		if yr.TeamTenths != nil {
			t := number.New(*yr.TeamTenths, 1)
			row.Team = &t
		}
		if l, ok := loads[row.Year]; ok {
			lr := newLoadRow(l)
			row.Load = &lr
		}
		for _, sf := range sectorFields {
			b := yr.Budgets[sf.Sector]
			cr := ceilingRow{Sector: sf.Sector, Used: ctx.OtherUse[funding.SectorYear{Sector: sf.Sector, Year: row.Year}], Excluded: b.ExcludedCents}
			if c, ok := funding.OnePercentCeiling(b, 1); ok {
				cr.Ceiling = &c
				cr.Over = cr.Used > c
			}
			row.Ceilings = append(row.Ceilings, cr)
		}
	}
	v := view{Title: "Budgets du 1 % et équipe", Section: "financements", WS: ws, Form: f, Notice: fundingNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, fundingYearsContent(v, d))
}

// teamSpec reads the team's full-time equivalents, to a tenth.
var teamSpec = number.Spec{Decimals: 1, Min: 0, Max: 1000, What: "un nombre d'équivalents temps plein", Example: "1,5"}

func yearForm(y funding.Year, year int) *form {
	f := newForm(nil)
	f.Values.Set("annee", strconv.Itoa(year))
	if y.TeamTenths != nil {
		f.Values.Set("equipe", number.New(*y.TeamTenths, 1).Field())
	}
	for _, sf := range sectorFields {
		f.Values.Set(sf.Name, number.CentsField(y.Budgets[sf.Sector].ResourcesCents))
	}
	if ex := y.Budgets[funding.SectorMobility].ExcludedCents; ex != 0 {
		f.Values.Set("versement_mobilite", number.CentsField(&ex))
	}
	return f
}

func (s *Server) saveYear(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.fundingStrategy(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	f.Required("annee")
	y := funding.Year{Budgets: map[funding.Sector]funding.SectorBudget{}}
	if n, ok := formWhole(f, "annee", 2000, 2100, "Indiquez une année entre 2000 et 2100, par exemple 2027."); ok {
		y.Year = n
	}
	if v := f.Get("equipe"); v != "" {
		d, err := number.Parse(v, teamSpec)
		if err != nil {
			f.Fail("equipe", numberMessage(err))
		} else if t, ok := d.Units(1); ok {
			y.TeamTenths = &t
		}
	}
	for _, sf := range sectorFields {
		y.Budgets[sf.Sector] = funding.SectorBudget{ResourcesCents: formCents(f, sf.Name)}
	}
	if ex := formCents(f, "versement_mobilite"); ex != nil {
		mob := y.Budgets[funding.SectorMobility]
		if mob.ResourcesCents == nil || *ex > *mob.ResourcesCents {
			f.Fail("versement_mobilite", "Le versement mobilité fait partie des ressources de la mobilité : il ne peut pas les dépasser.")
		}
		mob.ExcludedCents = *ex
		y.Budgets[funding.SectorMobility] = mob
	}
	if !f.OK() {
		s.renderYears(w, r, ws, http.StatusUnprocessableEntity, st, f)
		return
	}
	if err := s.store.SaveFundingYear(r.Context(), actor(r), ws.Authority.ID, y); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/financements/annees?annee="+strconv.Itoa(y.Year)+"&ok=enregistre")
}
