package web

import (
	"context"
	"strconv"
	"strings"

	"boussole/internal/funding"
	"boussole/internal/number"
	"boussole/internal/refdata/sdg"
)

// projectChoices are the strategy's elements a project may be linked to, for the form's checkboxes and
// to refuse a value the page never offered.
type projectChoices struct {
	Elements   []diagOption // « objectif-12 », « resultat-3 », « activite-40 »
	Priorities []diagOption // thematic priorities, by ID
	Geo        []funding.Priority
	Themes     []funding.Priority
}

func (s *Server) projectChoices(ctx context.Context, authorityID, strategyID int64) (projectChoices, error) {
	var c projectChoices
	objs, err := s.store.Objectives(ctx, authorityID, strategyID)
	if err != nil {
		return c, err
	}
	for _, o := range objs {
		c.Elements = append(c.Elements, diagOption{Value: linkValue(funding.Link{Kind: funding.LinkObjective, ID: o.ID}), Label: "Objectif : " + o.Title})
	}
	res, err := s.store.Results(ctx, authorityID, strategyID)
	if err != nil {
		return c, err
	}
	for _, r := range res {
		c.Elements = append(c.Elements, diagOption{Value: linkValue(funding.Link{Kind: funding.LinkResult, ID: r.ID}), Label: "Résultat : " + r.Title})
	}
	acts, err := s.store.ActivitiesOf(ctx, authorityID, strategyID)
	if err != nil {
		return c, err
	}
	for _, a := range acts {
		c.Elements = append(c.Elements, diagOption{Value: linkValue(funding.Link{Kind: funding.LinkActivity, ID: a.ID}), Label: "Activité : " + a.Title})
	}
	prios, err := s.store.ThematicPriorities(ctx, authorityID, strategyID)
	if err != nil {
		return c, err
	}
	for _, p := range prios {
		c.Priorities = append(c.Priorities, diagOption{Value: strconv.FormatInt(p.ID, 10), Label: p.Policy})
		c.Themes = append(c.Themes, funding.Priority{ID: p.ID, Label: p.Policy})
	}
	geos, err := s.store.GeoPriorities(ctx, authorityID, strategyID)
	if err != nil {
		return c, err
	}
	for _, g := range geos {
		c.Geo = append(c.Geo, funding.Priority{ID: g.ID, Label: g.Name, Country: g.CountryCode})
	}
	return c, nil
}

func linkValue(l funding.Link) string { return string(l.Kind) + "-" + strconv.FormatInt(l.ID, 10) }

func parseLink(v string) (funding.Link, bool) {
	i := strings.LastIndex(v, "-")
	if i < 0 {
		return funding.Link{}, false
	}
	id, err := strconv.ParseInt(v[i+1:], 10, 64)
	return funding.Link{Kind: funding.LinkKind(v[:i]), ID: id}, err == nil
}

// projectFlags are the project's yes/no prerequisites, by field name.
var projectFlags = []struct {
	Name, Label, Hint string
	get               func(*funding.Project) *bool
}{
	{"convention", "Une convention est signée avec la collectivité partenaire", "", func(p *funding.Project) *bool { return &p.HasAgreement }},
	{"deliberation", "La délibération de la collectivité (ou des lettres d'intention) est acquise", "", func(p *funding.Project) *bool { return &p.HasDeliberation }},
	{"rapports", "Les comptes rendus des projets cofinancés auparavant sont remis", "", func(p *funding.Project) *bool { return &p.HasReports }},
	{"competences", "Le projet relève des compétences de la collectivité", "", func(p *funding.Project) *bool { return &p.OwnCompetence }},
	{"pma", "Le pays partenaire est parmi les pays les moins avancés (PMA)", "Vérifiez sur la liste des PMA de l'ONU : certains taux de cofinancement en dépendent (MEAE : 90 % au lieu de 70 %).", func(p *funding.Project) *bool { return &p.LeastDeveloped }},
}

// projectFieldNames maps the domain's fields to the form's.
var projectFieldNames = map[string]string{"partners": "partners", "odd": "odd", "fin": "fin", "budget": "budget", "country": "country", "theme": "theme"}

// readProject reads the project form; messages go to the form's fields.
func readProject(f *form, choices projectChoices) funding.Project {
	p := funding.Project{Title: cleanLine(f, "title"), Summary: cleanText(f, "summary"), Status: funding.Status(f.Get("status")),
		Partners: diagLines(f.Get("partners")), Countries: readCountries(f)}
	for _, t := range f.Values["theme"] {
		p.Themes = append(p.Themes, funding.Theme(t))
	}
	for _, v := range f.Values["odd"] {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = -1
		}
		p.SDGs = append(p.SDGs, n)
	}
	p.Start, p.End = formPartialDate(f, "debut"), formPartialDate(f, "fin")
	p.BudgetCents = formCents(f, "budget")
	for _, fl := range projectFlags {
		*fl.get(&p) = f.Get(fl.Name) != ""
	}
	if f.AllOf("element", "Choisissez les éléments du cadre logique dans la liste.", optionValues(choices.Elements)...) {
		for _, v := range f.Values["element"] {
			if l, ok := parseLink(v); ok {
				p.Links = append(p.Links, l)
			}
		}
	}
	if f.AllOf("priorite", "Choisissez les priorités thématiques dans la liste.", optionValues(choices.Priorities)...) {
		for _, v := range f.Values["priorite"] {
			id, _ := strconv.ParseInt(v, 10, 64)
			p.Priorities = append(p.Priorities, id)
		}
	}
	for _, e := range p.Validate(knownCountry) {
		name := e.Field
		if n, ok := projectFieldNames[e.Field]; ok {
			name = n
		}
		f.Fail(name, e.Message)
	}
	p.Version = formVersion(f)
	return p
}

func optionValues(opts []diagOption) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Value
	}
	return out
}

// projectForm fills the form with a stored project.
func projectForm(p funding.Project) *form {
	f := newForm(nil)
	v := f.Values
	v.Set("title", p.Title)
	v.Set("summary", p.Summary)
	v.Set("status", string(p.Status))
	v.Set("partners", strings.Join(p.Partners, "\n"))
	for i, c := range p.Countries {
		v.Set(countryFieldName(i+1), c)
	}
	for _, t := range p.Themes {
		v.Add("theme", string(t))
	}
	for _, g := range p.SDGs {
		v.Add("odd", strconv.Itoa(g))
	}
	v.Set("debut", p.Start.Input())
	v.Set("fin", p.End.Input())
	v.Set("budget", number.CentsField(p.BudgetCents))
	for _, fl := range projectFlags {
		if *fl.get(&p) {
			v.Set(fl.Name, "1")
		}
	}
	for _, l := range p.Links {
		v.Add("element", linkValue(l))
	}
	for _, id := range p.Priorities {
		v.Add("priorite", strconv.FormatInt(id, 10))
	}
	v.Set("version", strconv.FormatInt(p.Version, 10))
	return f
}

// projectOpts are the choice lists of the project form.
type projectOpts struct {
	diagOpts
	Choices  projectChoices
	Statuses []diagOption
	Themes   []diagOption
	SDGs     []diagOption
	Flags    []diagOption
}

func newProjectOpts(c projectChoices) projectOpts {
	o := projectOpts{diagOpts: diagOpts{}, Choices: c, Themes: themeOptions()}
	for _, st := range funding.Statuses {
		o.Statuses = append(o.Statuses, diagOption{Value: string(st), Label: st.Label()})
	}
	for _, g := range sdg.Goals() {
		o.SDGs = append(o.SDGs, diagOption{Value: strconv.Itoa(g.Number), Label: strconv.Itoa(g.Number) + ". " + g.Short})
	}
	for _, fl := range projectFlags {
		o.Flags = append(o.Flags, diagOption{Value: fl.Name, Label: fl.Label, Hint: fl.Hint})
	}
	return o
}

// themeNamesOf writes a project's themes in French.
func themeNamesOf(ts []funding.Theme) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Label()
	}
	return strings.Join(names, ", ")
}
