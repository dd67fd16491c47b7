package web

import (
	"net/http"
	"slices"
	"strings"

	"boussole/internal/frfmt"
	"boussole/internal/funding"
	"boussole/internal/refdata/country"
	"boussole/internal/textkey"
)

// ruleLine is one rule of a programme as the catalogue shows it.
type ruleLine struct {
	Label, Value string
	Rule         funding.Rule
}

// ruleValue writes a rule's value with its unit, « non renseigné » when no source gives it.
func ruleValue(f funding.RuleField, r funding.Rule) string {
	if !r.Known() {
		return frfmt.Unknown
	}
	one := func(v int64) string {
		switch f.Unit {
		case "€":
			return frfmt.Euros(v)
		case "%":
			return frfmt.Integer(v) + "\u00a0%"
		}
		return frfmt.Integer(v) + " " + f.Unit
	}
	if r.High != nil && *r.High != r.Int() {
		return strings.TrimSuffix(one(r.Int()), "\u00a0%") + "–" + one(*r.High)
	}
	return one(r.Int())
}

func ruleLines(p funding.Programme) []ruleLine {
	var out []ruleLine
	for _, f := range funding.RuleFields {
		r := *f.Get(&p.Rules)
		if r.Known() || r.Source != "" {
			out = append(out, ruleLine{Label: f.Label, Value: ruleValue(f, r), Rule: r})
		}
	}
	return out
}

// catalogueRow is a programme in the catalogue's list.
type catalogueRow struct {
	Programme funding.Programme
	Themes    string
	Rules     []ruleLine
}

// cataloguePage is the data of the catalogue: the programmes, filtered by level and words.
type cataloguePage struct {
	May           fundingMay
	Rows          []catalogueRow
	Levels        []diagOption
	Level         string
	Query         string
	Total         int
	Version       string
	Source        string
	PlatformAdmin bool
}

func (s *Server) showCatalogue(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, err := s.store.FundingCatalogue(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := cataloguePage{May: mayFund(ws), Level: r.URL.Query().Get("niveau"), Query: strings.TrimSpace(r.URL.Query().Get("q")), PlatformAdmin: currentUser(r).PlatformAdmin}
	d.Version, d.Source = funding.ShippedVersion()
	d.Levels = []diagOption{{Value: "", Label: "Tous"}}
	for _, l := range funding.Levels {
		d.Levels = append(d.Levels, diagOption{Value: string(l), Label: l.Label()})
	}
	words := strings.Fields(textkey.Fold(d.Query))
	all := c.Active()
	d.Total = len(all)
	for _, p := range all {
		if d.Level != "" && string(p.Level) != d.Level {
			continue
		}
		key := textkey.Fold(p.Name + " " + p.Funder + " " + p.Notes + " " + themeNamesOf(p.Themes))
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(key, w) }) {
			d.Rows = append(d.Rows, catalogueRow{Programme: p, Themes: themeNamesOf(p.Themes), Rules: ruleLines(p)})
		}
	}
	v := fundingPage(r, ws, "Catalogue des financements", nil)
	s.renderComponent(w, r, http.StatusOK, v, fundingCatalogueContent(v, d))
}

// programmePage is the data of one programme's page: its rules with their sources and its versions.
type programmePage struct {
	Programme     funding.Programme
	Rules         []ruleLine
	Themes        string
	Kinds         string
	Countries     string
	Prerequisites []funding.PrerequisiteRule
	Versions      []funding.ProgrammeVersion
	PlatformAdmin bool
}

func (s *Server) showProgramme(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, err := s.store.FundingCatalogue(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p, ok := c.Programme(r.PathValue("code"))
	if !ok {
		s.notFound(w, r)
		return
	}
	versions, err := s.store.ProgrammeVersions(r.Context(), p.Code)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := programmePage{Programme: p, Rules: ruleLines(p), Themes: themeNamesOf(p.Themes), Prerequisites: p.Prerequisites, Versions: versions,
		PlatformAdmin: currentUser(r).PlatformAdmin}
	var kinds []string
	for _, k := range p.AuthorityKinds.Value {
		kinds = append(kinds, funding.KindLabel(k))
	}
	d.Kinds = strings.Join(kinds, ", ")
	var names []string
	for _, code := range p.Countries {
		names = append(names, country.Name(code))
	}
	d.Countries = strings.Join(names, ", ")
	v := fundingPage(r, ws, p.Name, nil)
	s.renderComponent(w, r, http.StatusOK, v, fundingProgrammeContent(v, d))
}
