package web

import (
	"net/http"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/strategy"
)

// apiWholeStrategy is a strategy with every part the caller's role may read. The diagnostic's parts
// (stakeholders, partnerships, SWOT) are absent for a role that may not read them, such as a partner.
type apiWholeStrategy struct {
	Strategy     apiStrategy           `json:"strategy"`
	KeyElements  apiKeyElements        `json:"key_elements"`
	Geographic   []apiGeoPriority      `json:"geographic_priorities"`
	Thematic     []apiThematicPriority `json:"thematic_priorities"`
	Objectives   []apiObjective        `json:"objectives"`
	Results      []apiResult           `json:"results"`
	Activities   []apiActivity         `json:"activities"`
	Indicators   []apiIndicator        `json:"indicators"`
	Risks        []apiRisk             `json:"risks"`
	Stakeholders *[]apiStakeholder     `json:"stakeholders,omitempty" doc:"absent quand le rôle ne permet pas de lire la cartographie des acteurs"`
	Partnerships *[]apiPartnership     `json:"partnerships,omitempty" doc:"absent quand le rôle ne permet pas de lire le registre des partenariats"`
	SWOT         *[]apiSWOTItem        `json:"swot,omitempty" doc:"absent quand le rôle ne permet pas de lire le diagnostic"`
	Projects     []apiProject          `json:"projects" doc:"les projets et leur plan de financement vérifié"`
}

func (s *Server) apiStrategyRoutes() []apiRoute {
	p := "/strategies/{strategy}"
	return []apiRoute{
		{Method: "GET", Path: "/strategies", Action: access.ViewWorkspace, ID: "listStrategies", Summary: "Les stratégies de l'espace",
			Handler: s.apiListStrategies, Response: apiStrategy{}, List: true},
		{Method: "GET", Path: p, Action: access.ViewWorkspace, ID: "getStrategy", Summary: "Une stratégie entière, avec tout ce que le rôle permet de lire",
			Handler: s.apiGetStrategy, Response: apiWholeStrategy{}},
		{Method: "GET", Path: p + "/key-elements", Action: access.ViewWorkspace, ID: "getKeyElements", Summary: "Les éléments clés : valeurs, vision, mission, objectif général, dimensions",
			Handler: s.apiPart(func(d *apiStrategyData) any { return toAPIKeyElements(d.Key) }), Response: apiKeyElements{}},
		{Method: "GET", Path: p + "/geographic-priorities", Action: access.ViewWorkspace, ID: "listGeographicPriorities", Summary: "Les priorités géographiques : pays, partenaires, régions, et pourquoi",
			Handler: apiList(s, strategy.PartFramework, func(d *apiStrategyData) []apiGeoPriority { return d.geoPriorities() }, func(o apiGeoPriority) int64 { return o.ID }), Response: apiGeoPriority{}, List: true},
		{Method: "GET", Path: p + "/thematic-priorities", Action: access.ViewWorkspace, ID: "listThematicPriorities", Summary: "Les priorités thématiques, chacune liée à une compétence de la collectivité",
			Handler: apiList(s, strategy.PartFramework, func(d *apiStrategyData) []apiThematicPriority { return d.thematicPriorities() }, func(o apiThematicPriority) int64 { return o.ID }), Response: apiThematicPriority{}, List: true},
		{Method: "GET", Path: p + "/objectives", Action: access.ViewWorkspace, ID: "listObjectives", Summary: "Les objectifs spécifiques",
			Handler: apiList(s, strategy.PartFramework, func(d *apiStrategyData) []apiObjective { return d.objectives() }, func(o apiObjective) int64 { return o.ID }), Response: apiObjective{}, List: true},
		{Method: "GET", Path: p + "/results", Action: access.ViewWorkspace, ID: "listResults", Summary: "Les résultats attendus",
			Handler: apiList(s, strategy.PartFramework, func(d *apiStrategyData) []apiResult { return d.results() }, func(o apiResult) int64 { return o.ID }), Response: apiResult{}, List: true},
		{Method: "GET", Path: p + "/activities", Action: access.ViewWorkspace, ID: "listActivities", Summary: "Les activités",
			Handler: apiList(s, strategy.PartFramework, func(d *apiStrategyData) []apiActivity { return d.activities() }, func(o apiActivity) int64 { return o.ID }), Response: apiActivity{}, List: true},
		{Method: "GET", Path: p + "/indicators", Action: access.ViewWorkspace, ID: "listIndicators", Summary: "Les indicateurs (?public=true : ceux de la page publique)",
			Handler: apiList(s, strategy.PartFramework, indicatorsFiltered, func(o apiIndicator) int64 { return o.ID }), Response: apiIndicator{}, List: true},
		{Method: "GET", Path: p + "/risks", Action: access.ViewWorkspace, ID: "listRisks", Summary: "Le registre des risques",
			Handler: apiList(s, strategy.PartFramework, func(d *apiStrategyData) []apiRisk { return d.risks() }, func(o apiRisk) int64 { return o.ID }), Response: apiRisk{}, List: true},
		{Method: "GET", Path: p + "/stakeholders", Action: access.ViewInternal, ID: "listStakeholders", Summary: "Les acteurs de la cartographie (sans les personnes à contacter)",
			Handler: apiList(s, strategy.PartStakeholders, func(d *apiStrategyData) []apiStakeholder { return d.stakeholders() }, func(o apiStakeholder) int64 { return o.ID }), Response: apiStakeholder{}, List: true},
		{Method: "GET", Path: p + "/partnerships", Action: access.ViewInternal, ID: "listPartnerships", Summary: "Le registre des partenariats et leur revue critique",
			Handler: apiList(s, strategy.PartDiagnostic, func(d *apiStrategyData) []apiPartnership { return d.partnerships() }, func(o apiPartnership) int64 { return o.ID }), Response: apiPartnership{}, List: true},
		{Method: "GET", Path: p + "/swot", Action: access.ViewInternal, ID: "listSWOT", Summary: "La matrice AFOM (atouts, faiblesses, opportunités, menaces)",
			Handler: apiList(s, strategy.PartFramework, func(d *apiStrategyData) []apiSWOTItem { return d.swot() }, func(o apiSWOTItem) int64 { return o.ID }), Response: apiSWOTItem{}, List: true},
	}
}

func (s *Server) apiListStrategies(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	list, err := s.store.Strategies(r.Context(), c.Authority.ID)
	if err != nil {
		return err
	}
	out := make([]apiStrategy, 0, len(list))
	for _, st := range list {
		out = append(out, toAPIStrategy(st))
	}
	page, err := paginate(r, out, func(a apiStrategy) int64 { return a.ID })
	if err != nil {
		return err
	}
	return writeJSON(w, r, http.StatusOK, page)
}

// apiStrategyFromPath reads the strategy of the path within the token's workspace: another authority's
// identifier is a 404, as an unknown one.
func (s *Server) apiStrategyFromPath(r *http.Request, c *apiCall, parts strategy.Part) (*apiStrategyData, error) {
	id, err := strconv.ParseInt(r.PathValue("strategy"), 10, 64)
	if err != nil || id <= 0 {
		return nil, errNotFoundAPI
	}
	d, err := s.apiReadStrategy(r.Context(), c, id, parts)
	if d != nil {
		d.query = r.URL.Query()
	}
	return d, err
}

func (s *Server) apiGetStrategy(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	d, err := s.apiStrategyFromPath(r, c, strategy.PartFramework|strategy.PartDiagnostic|strategy.PartStakeholders|strategy.PartFunding)
	if err != nil {
		return err
	}
	projects, err := s.apiProjects(r, c, d)
	if err != nil {
		return err
	}
	out := apiWholeStrategy{Strategy: toAPIStrategy(d.Strategy), KeyElements: toAPIKeyElements(d.Key), Geographic: d.geoPriorities(),
		Thematic: d.thematicPriorities(), Objectives: d.objectives(),
		Results: d.results(), Activities: d.activities(), Indicators: d.indicators(), Risks: d.risks(), Projects: projects}
	if d.internal {
		sh, pa, sw := d.stakeholders(), d.partnerships(), d.swot()
		out.Stakeholders, out.Partnerships, out.SWOT = &sh, &pa, &sw
	}
	return writeJSON(w, r, http.StatusOK, out)
}

// apiPart answers one part of a strategy.
func (s *Server) apiPart(part func(*apiStrategyData) any) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, c *apiCall) error {
		d, err := s.apiStrategyFromPath(r, c, strategy.PartFramework)
		if err != nil {
			return err
		}
		return writeJSON(w, r, http.StatusOK, part(d))
	}
}

// apiList answers one paginated part of a strategy.
func apiList[T any](s *Server, parts strategy.Part, items func(*apiStrategyData) []T, id func(T) int64) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, c *apiCall) error {
		d, err := s.apiStrategyFromPath(r, c, parts)
		if err != nil {
			return err
		}
		page, err := paginate(r, items(d), id)
		if err != nil {
			return err
		}
		return writeJSON(w, r, http.StatusOK, page)
	}
}

// indicatorsFiltered applies the indicators list's filter: ?public=true keeps those of the public page.
func indicatorsFiltered(d *apiStrategyData) []apiIndicator {
	all := d.indicators()
	if d.query.Get("public") != "true" {
		return all
	}
	out := all[:0:0]
	for _, in := range all {
		if in.Public {
			out = append(out, in)
		}
	}
	return out
}
