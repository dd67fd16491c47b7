package web

import (
	"net/http"

	"boussole/internal/funding"
	"boussole/internal/model"
)

// finderPage is the data of the funding finder: the catalogue's programmes ranked for one project, each
// with why it fits and what is missing.
type finderPage struct {
	May      fundingMay
	Strategy model.Strategy
	Project  funding.Project
	Matches  []funding.Match
	Eligible int
}

func (s *Server) showFinder(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, st, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return
	}
	ctx, err := s.checkContext(r.Context(), ws, p.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := finderPage{May: mayFund(ws), Strategy: st, Project: p, Matches: funding.Find(p, ctx)}
	for _, m := range d.Matches {
		if m.Eligible {
			d.Eligible++
		}
	}
	v := fundingPage(r, ws, "Programmes pour « "+p.Title+" »", nil)
	s.renderComponent(w, r, http.StatusOK, v, fundingFinderContent(v, d))
}
