package sharing

import (
	"slices"

	"boussole/internal/funding"
)

// Project is a project of the strategy as peers read it: what it does, where, with whom and how it is
// funded, in shares of its cost rather than amounts, which are the authority's own.
type Project struct {
	Title     string    `json:"title"`
	Summary   string    `json:"summary,omitempty"`
	Status    string    `json:"status"`
	Countries []string  `json:"countries,omitempty"`
	Themes    []string  `json:"themes,omitempty"`
	SDG       []int     `json:"sdg,omitempty"`
	StartYear int       `json:"start_year,omitempty"` // 0 when unknown
	EndYear   int       `json:"end_year,omitempty"`
	Partners  []string  `json:"partners,omitempty"` // partner authorities and organisations
	Funding   []Funding `json:"funding,omitempty"`
}

// Funding is one line of a project's financing plan: its source, the programme or funder, and its share.
type Funding struct {
	Source    string `json:"source"`
	Programme string `json:"programme,omitempty"` // the catalogue programme's name and funder
	Funder    string `json:"funder,omitempty"`    // who gives, for a partner's or another line
	Status    string `json:"status"`
	// Percent is the line's share of the project's cost, nil when the cost is not known.
	Percent *int `json:"percent,omitempty"`
}

// projects copies the projects field by field, without amounts, dates finer than the year, documents'
// links or the officer's checklist.
func projects(v *View, list []funding.Project, cat *funding.Catalogue) {
	for _, p := range list {
		x := Project{Title: p.Title, Summary: p.Summary, Status: p.Status.Label(), Countries: slices.Clone(p.Countries), SDG: slices.Clone(p.SDGs),
			StartYear: p.Start.Year, EndYear: p.End.Year, Partners: slices.Clone(p.Partners)}
		for _, t := range p.Themes {
			x.Themes = append(x.Themes, t.Label())
		}
		for _, l := range p.Lines {
			x.Funding = append(x.Funding, fundingLine(p, l, cat))
		}
		v.Projects = append(v.Projects, x)
		v.Countries = append(v.Countries, x.Countries...)
		v.Themes = append(v.Themes, x.Themes...)
	}
}

func fundingLine(p funding.Project, l funding.Line, cat *funding.Catalogue) Funding {
	f := Funding{Source: l.Source.Label(), Status: l.Status.Label()}
	switch l.Source {
	case funding.SourceProgramme:
		f.Programme = l.Programme
		if cat != nil {
			if pr, ok := cat.Programme(l.Programme); ok {
				f.Programme = pr.Name + " (" + pr.Funder + ")"
			}
		}
	case funding.SourcePartner, funding.SourceOther:
		f.Funder = l.Label
	}
	if p.BudgetCents != nil && *p.BudgetCents > 0 {
		pct := int((l.AmountCents*100 + *p.BudgetCents/2) / *p.BudgetCents)
		f.Percent = &pct
	}
	return f
}
