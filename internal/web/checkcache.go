package web

import (
	"context"
	"sync"

	lf "boussole/internal/logframe"
)

// checkCache keeps the framework check of each strategy with the authority's change mark it was computed
// at. The mark is read from the database on every use, so a report is reused only while nothing of the
// authority changed, on whichever instance serves the request.
type checkCache struct {
	mu      sync.Mutex
	entries map[[2]int64]checkEntry
}

type checkEntry struct {
	mark   int64
	report lf.Report
}

// checkCacheSize bounds the cache; past it the cache starts afresh, which only costs recomputation.
const checkCacheSize = 1024

// checkReport returns the framework check of a strategy, computing it only when the authority's data
// changed since the last time.
func (s *Server) checkReport(ctx context.Context, authorityID, strategyID int64) (lf.Report, error) {
	mark, err := s.store.ChangeMark(ctx, authorityID)
	if err != nil {
		return lf.Report{}, err
	}
	key := [2]int64{authorityID, strategyID}
	c := &s.checks
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok && e.mark == mark {
		return e.report, nil
	}
	f, err := s.store.LoadFramework(ctx, authorityID, strategyID)
	if err != nil {
		return lf.Report{}, err
	}
	rep := lf.Check(f.Logframe)
	c.mu.Lock()
	if c.entries == nil || len(c.entries) >= checkCacheSize {
		c.entries = map[[2]int64]checkEntry{}
	}
	c.entries[key] = checkEntry{mark: mark, report: rep}
	c.mu.Unlock()
	return rep, nil
}
