package web

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/opendata"
	"boussole/internal/strategy"
)

// Open data: what the authority marks public (its public indicators, and the parts its public page's
// profile publishes) as CSV and JSON under the Licence
// Ouverte 2.0, with a DCAT-like catalogue that the national portal can harvest. No account is needed; an
// authority that publishes nothing answers as an unknown one.

// openDataSlugs are the tables an authority may publish, in the catalogue's order.
var openDataSlugs = []string{"indicateurs", "objectifs", "partenariats", "projets", "cofinancements", "subventions"}

func (s *Server) openDataRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /public/{slug}/donnees/catalogue.json", s.openDataCatalogue)
	for _, t := range openDataSlugs {
		mux.HandleFunc("GET /public/{slug}/donnees/"+t+".csv", s.openDataTable(t, "csv"))
		mux.HandleFunc("GET /public/{slug}/donnees/"+t+".json", s.openDataTable(t, "json"))
	}
}

// publicTables reads the authority's open data: the indicators it marks public, and, once its public page
// is published, the parts its profile marks (objectives, partnerships, projects and their co-financing).
// ok is false when it publishes nothing.
func (s *Server) publicTables(ctx context.Context, slug string) (model.Authority, []opendata.Table, time.Time, bool, error) {
	a, err := s.store.AuthorityBySlug(ctx, slug)
	if err != nil {
		return a, nil, time.Time{}, false, nil
	}
	list, err := s.store.Strategies(ctx, a.ID)
	if err != nil {
		return a, nil, time.Time{}, false, err
	}
	profile, err := s.store.PublicProfile(ctx, a.ID)
	if err != nil {
		return a, nil, time.Time{}, false, err
	}
	cat, err := s.store.FundingCatalogue(ctx)
	if err != nil {
		return a, nil, time.Time{}, false, err
	}
	var public []opendata.PublicIndicator
	var objectives []opendata.StrategyObjectives
	var partnerships []diagnostic.Partnership
	var projects []funding.Project
	seen := map[int64]bool{}
	var modified time.Time
	for _, st := range liveStrategies(list) {
		whole, err := s.store.ReadStrategy(ctx, a.ID, st.ID, strategy.PartFramework|strategy.PartDiagnostic|strategy.PartFunding)
		if err != nil {
			return a, nil, time.Time{}, false, err
		}
		name := st.Title + " (" + st.Term() + ")"
		for _, in := range whole.Framework.Indicators {
			if in.Public {
				public = append(public, opendata.PublicIndicator{Strategy: name, Indicator: in.Indicator})
			}
		}
		if profile.Published && profile.ShowObjectives {
			objectives = append(objectives, opendata.StrategyObjectives{Strategy: name, Logframe: whole.Framework.Logframe})
		}
		for _, p := range whole.Diagnostic.Partnerships {
			if profile.Published && profile.ShowPartnerships && !seen[p.ID] {
				seen[p.ID] = true
				partnerships = append(partnerships, p.Partnership)
			}
		}
		if profile.Published && profile.ShowProjects {
			projects = append(projects, whole.Funding.Projects...)
		}
		if st.UpdatedAt.After(modified) {
			modified = st.UpdatedAt
		}
	}
	var tables []opendata.Table
	if len(public) > 0 {
		tables = append(tables, opendata.Indicators(public))
	}
	if len(objectives) > 0 {
		tables = append(tables, opendata.Objectives(objectives))
	}
	if profile.Published && profile.ShowPartnerships {
		tables = append(tables, opendata.Partnerships(partnerships))
	}
	if profile.Published && profile.ShowProjects {
		pt, ft := opendata.Projects(projects, cat)
		tables = append(tables, pt, ft)
	}
	if profile.Published && profile.SIRET != "" {
		t, err := s.publicGrants(ctx, a, profile.SIRET)
		if err != nil {
			return a, nil, time.Time{}, false, err
		}
		tables = append(tables, t)
	}
	return a, tables, modified, len(tables) > 0, nil
}

// publicGrants is the SCDL table of the grants the authority's support schemes award.
func (s *Server) publicGrants(ctx context.Context, a model.Authority, siret string) (opendata.Table, error) {
	schemes, err := s.store.Schemes(ctx, a.ID)
	if err != nil {
		return opendata.Table{}, err
	}
	apps := map[int64][]funding.Application{}
	for _, sc := range schemes {
		if apps[sc.ID], err = s.store.Applications(ctx, a.ID, sc.ID); err != nil {
			return opendata.Table{}, err
		}
	}
	grants, _ := opendata.GrantsOf(schemes, apps)
	return opendata.Subventions(a.Name, siret, grants), nil
}

func (s *Server) openDataTable(slug, format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, tables, _, ok, err := s.publicTables(r.Context(), r.PathValue("slug"))
		if err != nil {
			s.log.Error("données ouvertes", "err", err)
			http.Error(w, "Erreur du serveur", http.StatusInternalServerError)
			return
		}
		i := slices.IndexFunc(tables, func(t opendata.Table) bool { return t.Slug == slug })
		if !ok || i < 0 {
			http.NotFound(w, r)
			return
		}
		t := tables[i]
		w.Header().Set("Cache-Control", "public, max-age=900")
		w.Header().Set("Link", `<`+opendata.Licence.URL+`>; rel="license"`)
		if format == "csv" {
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			w.Header().Set("Content-Disposition", `attachment; filename="`+t.Slug+`.csv"`)
			_, _ = w.Write(t.CSV())
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(t.JSON())
	}
}

func (s *Server) openDataCatalogue(w http.ResponseWriter, r *http.Request) {
	a, tables, modified, ok, err := s.publicTables(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.log.Error("données ouvertes", "err", err)
		http.Error(w, "Erreur du serveur", http.StatusInternalServerError)
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	base := s.cfg.BaseURL + "/public/" + a.Slug + "/donnees"
	cat := opendata.Catalogue(opendata.Publisher{Name: a.Name, URL: s.cfg.BaseURL + "/public/" + a.Slug}, base, modified, tables)
	w.Header().Set("Content-Type", "application/ld+json")
	w.Header().Set("Cache-Control", "public, max-age=900")
	_ = json.NewEncoder(w).Encode(cat)
}
