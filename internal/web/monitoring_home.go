package web

import (
	"net/http"
	"time"

	"boussole/internal/model"
	"boussole/internal/monitoring"
)

// homeMonitoring is what the strategy's home shows of monitoring: the freshness and, for the signed-in
// person, how many values await them.
type homeMonitoring struct {
	Fresh   freshnessView
	Mine    int
	Overdue int
}

// monitoringHome assesses the strategy's indicators for the home page from three reads (indicators,
// measurements, owners), without the framework; nil when the strategy has no indicator or on a failure,
// which the home page survives.
func (s *Server) monitoringHome(r *http.Request, ws *workspace, st model.Strategy) *homeMonitoring {
	ctx := r.Context()
	list, err := s.store.Indicators(ctx, ws.Authority.ID, st.ID)
	if err != nil || len(list) == 0 {
		return nil
	}
	ms, err := s.store.Measurements(ctx, ws.Authority.ID, st.ID)
	if err != nil {
		s.log.Warn("mesures illisibles", "err", err)
		return nil
	}
	owners, err := s.store.IndicatorOwners(ctx, ws.Authority.ID, st.ID)
	if err != nil {
		s.log.Warn("responsables d'indicateurs illisibles", "err", err)
		return nil
	}
	b := &board{Owners: owners}
	byIndicator := map[int64][]monitoring.Measurement{}
	for _, m := range ms {
		byIndicator[m.IndicatorID] = append(byIndicator[m.IndicatorID], m)
	}
	term, today, u := monitoring.Term{Start: st.TermStart, End: st.HorizonEnd()}, time.Now().UTC(), currentUser(r)
	h := &homeMonitoring{}
	as := make([]monitoring.Assessment, len(list))
	for i, in := range list {
		as[i] = monitoring.Assess(in.Indicator, term, byIndicator[in.ID], today)
		if b.ownedBy(in, u) {
			h.Mine += as[i].Pending + as[i].Overdue
			h.Overdue += as[i].Overdue
		}
	}
	h.Fresh = newFreshnessView(monitoring.FreshnessOf(as))
	return h
}
