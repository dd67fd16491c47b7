package web

import (
	"net/http"
	"time"

	"boussole/internal/access"
	"boussole/internal/model"
	"boussole/internal/process"
	"boussole/internal/schedule"
)

// homeBrief is what an élu reads first on the strategy's home page: the vision, the objectives, where the
// strategy stands and what comes up for decision, rather than the officer's list of things to fix.
type homeBrief struct {
	Vision, General string
	Objectives      []string
	Adopted         bool
	AdoptedOn       string
	Current         string // the step of the elaboration, for a strategy in preparation
	Deliberation    string // when the vote is planned, in French; "" when unknown
	Upcoming        []schedule.MilestoneRecord
	Prefix          string
	StrategyID      int64
	CanComment      bool // the role may comment: the brief leads to the strategy's thread and the open comments
}

// briefRoles are the roles whose home page leads with the brief: they read and decide, they do not fill in.
var briefRoles = map[access.Role]bool{access.Elected: true, access.Reader: true}

// homeBriefFor builds the brief for the roles that lead with it, nil for the others or when it cannot be
// read (the home page still shows).
func (s *Server) homeBriefFor(r *http.Request, ws *workspace, st model.Strategy, steps []model.StepState, p process.Progress) *homeBrief {
	if !briefRoles[ws.Role] {
		return nil
	}
	ctx := r.Context()
	key, err := s.store.KeyElements(ctx, ws.Authority.ID, st.ID)
	if err != nil {
		s.log.Warn("éléments clés illisibles", "err", err)
		return nil
	}
	objs, err := s.store.Objectives(ctx, ws.Authority.ID, st.ID)
	if err != nil {
		s.log.Warn("objectifs illisibles", "err", err)
		return nil
	}
	ms, err := s.store.Milestones(ctx, ws.Authority.ID, st.ID)
	if err != nil {
		s.log.Warn("jalons illisibles", "err", err)
		return nil
	}
	b := &homeBrief{Vision: key.Vision, General: key.GeneralTitle, Adopted: p.Adopted, AdoptedOn: st.AdoptedOn.String(), Prefix: ws.Prefix(),
		StrategyID: st.ID, CanComment: access.Can(ws.Role, access.Comment)}
	for _, o := range objs {
		b.Objectives = append(b.Objectives, o.Title)
	}
	if d, ok := process.Lookup(p.Current); ok {
		b.Current = d.Title
	}
	for _, x := range steps {
		if x.Step == process.Deliberation && x.Status != process.Done && !x.PlannedEnd.IsZero() && !p.Adopted {
			b.Deliberation = plannedText(x)
		}
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	for _, m := range ms {
		if !m.Date.Last().Before(today) && len(b.Upcoming) < 3 {
			b.Upcoming = append(b.Upcoming, m)
		}
	}
	return b
}
