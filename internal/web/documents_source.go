package web

import (
	"context"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/document"
	"boussole/internal/model"
	"boussole/internal/stakeholder"
)

// documentSource reads what the documents show of a strategy.
func (s *Server) documentSource(ctx context.Context, ws *workspace, st model.Strategy) (document.Source, error) {
	src := document.Source{Authority: ws.Authority, Strategy: st, Generated: time.Now(), Base: ws.Prefix()}
	f, err := s.store.LoadFramework(ctx, ws.Authority.ID, st.ID)
	if err != nil {
		return src, err
	}
	src.Framework = f.Logframe
	if src.Thematic, err = s.store.ThematicPriorities(ctx, ws.Authority.ID, st.ID); err != nil {
		return src, err
	}
	arg, err := s.store.Argument(ctx, ws.Authority.ID, st.ID)
	if err != nil {
		return src, err
	}
	src.Argument = arg.Input
	as, err := s.store.Assessment(ctx, ws.Authority.ID, st.ID)
	if err != nil {
		return src, err
	}
	src.Principles = as.Principles
	for _, it := range f.SWOT {
		src.SWOT = append(src.SWOT, it.Item)
	}
	ps, err := s.store.Partnerships(ctx, ws.Authority.ID)
	if err != nil {
		return src, err
	}
	src.Partnerships = make([]diagnostic.Partnership, 0, len(ps))
	for _, p := range ps {
		src.Partnerships = append(src.Partnerships, p.Partnership)
	}
	sh, err := s.store.Stakeholders(ctx, ws.Authority.ID)
	if err != nil {
		return src, err
	}
	src.Stakeholders = make([]stakeholder.Stakeholder, 0, len(sh))
	for _, x := range sh {
		src.Stakeholders = append(src.Stakeholders, x.Stakeholder)
	}
	if src.Relations, err = s.store.Relations(ctx, ws.Authority.ID); err != nil {
		return src, err
	}
	if src.Milestones, err = s.store.Milestones(ctx, ws.Authority.ID, st.ID); err != nil {
		return src, err
	}
	return src, nil
}
