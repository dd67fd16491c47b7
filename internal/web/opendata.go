package web

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"boussole/internal/model"
	"boussole/internal/opendata"
)

// Open data: what the authority marks public (its public indicators) as CSV and JSON under the Licence
// Ouverte 2.0, with a DCAT-like catalogue that the national portal can harvest. No account is needed; an
// authority that publishes nothing answers as an unknown one.

func (s *Server) openDataRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /public/{slug}/donnees/catalogue.json", s.openDataCatalogue)
	mux.HandleFunc("GET /public/{slug}/donnees/indicateurs.csv", s.openDataTable("csv"))
	mux.HandleFunc("GET /public/{slug}/donnees/indicateurs.json", s.openDataTable("json"))
}

// publicTables reads the authority's open data; ok is false when it publishes nothing.
func (s *Server) publicTables(ctx context.Context, slug string) (model.Authority, []opendata.Table, time.Time, bool, error) {
	a, err := s.store.AuthorityBySlug(ctx, slug)
	if err != nil {
		return a, nil, time.Time{}, false, nil
	}
	list, err := s.store.Strategies(ctx, a.ID)
	if err != nil {
		return a, nil, time.Time{}, false, err
	}
	var public []opendata.PublicIndicator
	var modified time.Time
	for _, st := range liveStrategies(list) {
		f, err := s.store.LoadFramework(ctx, a.ID, st.ID)
		if err != nil {
			return a, nil, time.Time{}, false, err
		}
		for _, in := range f.Indicators {
			if in.Public {
				public = append(public, opendata.PublicIndicator{Strategy: st.Title + " (" + st.Term() + ")", Indicator: in.Indicator})
			}
		}
		if st.UpdatedAt.After(modified) {
			modified = st.UpdatedAt
		}
	}
	if len(public) == 0 {
		return a, nil, modified, false, nil
	}
	return a, []opendata.Table{opendata.Indicators(public)}, modified, true, nil
}

func (s *Server) openDataTable(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, tables, _, ok, err := s.publicTables(r.Context(), r.PathValue("slug"))
		if err != nil {
			s.log.Error("données ouvertes", "err", err)
			http.Error(w, "Erreur du serveur", http.StatusInternalServerError)
			return
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		t := tables[0]
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
