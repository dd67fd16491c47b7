package web

import (
	"context"
	"time"

	"boussole/internal/document"
	"boussole/internal/model"
)

// documentSource reads what the documents show of a strategy, through the one read of a whole strategy.
func (s *Server) documentSource(ctx context.Context, ws *workspace, st model.Strategy) (document.Source, error) {
	whole, err := s.store.ReadStrategy(ctx, ws.Authority.ID, st.ID, document.Parts)
	if err != nil {
		return document.Source{}, err
	}
	return document.FromStrategy(whole, ws.Prefix(), time.Now()), nil
}
