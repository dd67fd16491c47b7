package web

import (
	"net/http"

	"boussole/internal/access"
	"boussole/internal/funding"
	"boussole/internal/strategy"
)

// The strategy's projects and their financing plans, each checked against the programmes' rules as on
// the project's page: what a finance service's tool or a network's dashboard reads.

func (s *Server) apiFundingRoutes() []apiRoute {
	return []apiRoute{
		{Method: "GET", Path: "/strategies/{strategy}/projects", Action: access.ViewWorkspace, ID: "listProjects",
			Summary: "Les projets, leur plan de financement et ce que la vérification des règles des programmes y trouve",
			Handler: s.apiListProjects, Response: apiProject{}, List: true},
	}
}

type apiProject struct {
	ID         int64            `json:"id"`
	Title      string           `json:"title"`
	Summary    string           `json:"summary"`
	Status     string           `json:"status"`
	Partners   []string         `json:"partners"`
	Countries  []string         `json:"countries" doc:"codes ISO 3166"`
	Themes     []string         `json:"themes"`
	SDG        []int            `json:"sdg"`
	Start      *string          `json:"start"`
	End        *string          `json:"end"`
	Budget     *string          `json:"budget" doc:"coût total en euros ; null quand il n'est pas encore connu"`
	Lines      []apiFundingLine `json:"lines"`
	Findings   []apiFinding     `json:"findings" doc:"ce que la vérification des règles trouve dans le plan"`
	Version    int64            `json:"version"`
	Priorities []int64          `json:"thematic_priorities"`
}

type apiFundingLine struct {
	ID        int64  `json:"id"`
	Source    string `json:"source"`
	Programme string `json:"programme" doc:"le code du programme au catalogue, pour une ligne de programme"`
	Label     string `json:"label" doc:"qui donne, quand ce n'est pas un programme"`
	Amount    string `json:"amount" doc:"en euros, deux décimales"`
	Status    string `json:"status"`
	Year      *int   `json:"year" doc:"l'année où la somme est demandée ou versée ; null quand elle n'est pas connue"`
}

type apiFinding struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity" doc:"bloquant, à corriger ou conseil"`
	Field     string `json:"field"`
	Line      *int64 `json:"line" doc:"la ligne concernée ; null pour le projet entier"`
	Programme string `json:"programme"`
	Message   string `json:"message"`
	Source    string `json:"source" doc:"le texte d'où vient la règle"`
	ToVerify  bool   `json:"to_verify" doc:"la règle reste à vérifier contre sa source"`
}

func (s *Server) apiListProjects(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	d, err := s.apiStrategyFromPath(r, c, strategy.PartFunding)
	if err != nil {
		return err
	}
	out, err := s.apiProjects(r, c, d)
	if err != nil {
		return err
	}
	page, err := paginate(r, out, func(p apiProject) int64 { return p.ID })
	if err != nil {
		return err
	}
	return writeJSON(w, r, http.StatusOK, page)
}

// apiProjects checks each project of the strategy read, its 1 % use weighed against the authority's others.
func (s *Server) apiProjects(r *http.Request, c *apiCall, d *apiStrategyData) ([]apiProject, error) {
	ctx, err := s.checkContext(r.Context(), &workspace{Authority: c.Authority, Role: c.Role}, 0)
	if err != nil {
		return nil, err
	}
	out := make([]apiProject, 0, len(d.whole.Funding.Projects))
	for _, p := range d.whole.Funding.Projects {
		pc := ctx
		pc.OtherUse = minusOwn(ctx, p)
		out = append(out, toAPIProject(p, funding.Check(p, pc)))
	}
	return out, nil
}

func toAPIProject(p funding.Project, rep funding.Report) apiProject {
	out := apiProject{ID: p.ID, Title: p.Title, Summary: p.Summary, Status: p.Status.Label(), Partners: nonNil(p.Partners),
		Countries: nonNil(p.Countries), Themes: []string{}, SDG: nonNil(p.SDGs), Start: isoOrNil(p.Start), End: isoOrNil(p.End),
		Lines: []apiFundingLine{}, Findings: []apiFinding{}, Version: p.Version, Priorities: nonNil(p.Priorities)}
	if p.BudgetCents != nil {
		out.Budget = centsString(*p.BudgetCents)
	}
	for _, t := range p.Themes {
		out.Themes = append(out.Themes, t.Label())
	}
	for _, l := range p.Lines {
		line := apiFundingLine{ID: l.ID, Source: l.Source.Label(), Programme: l.Programme, Label: l.Label, Amount: *centsString(l.AmountCents),
			Status: l.Status.Label()}
		if l.Year != 0 {
			year := l.Year
			line.Year = &year
		}
		out.Lines = append(out.Lines, line)
	}
	for _, f := range rep.Findings {
		af := apiFinding{Rule: f.Rule, Severity: f.Severity.Label(), Field: f.Field, Programme: f.Programme, Message: f.Message,
			Source: f.Source, ToVerify: f.ToVerify}
		if f.Line != 0 {
			line := f.Line
			af.Line = &line
		}
		out.Findings = append(out.Findings, af)
	}
	return out
}
