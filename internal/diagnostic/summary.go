package diagnostic

import "slices"

// ScopeCount is the number of SWOT items of one scope.
type ScopeCount struct {
	Scope Scope
	Count int
}

// QuadrantCount counts the items of one SWOT quadrant, by scope and major ones apart.
type QuadrantCount struct {
	Quadrant Quadrant
	Total    int
	Major    int          // items of the highest weight
	ByScope  []ScopeCount // every scope, in the guide's order, zeros included
}

// StatusCount is the number of partnerships with one status.
type StatusCount struct {
	Status PartnershipStatus
	Count  int
}

// DecisionCount is the number of partnerships whose review reached one decision; NoDecision counts the unreviewed.
type DecisionCount struct {
	Decision Decision
	Count    int
}

// Summary gathers the diagnostic in numbers, for its summary page and the strategy document.
type Summary struct {
	SWOT            []QuadrantCount
	UncoveredScopes []Scope // scopes no item speaks of, while the guide asks the analysis to cover all five

	Partnerships      int
	ByStatus          []StatusCount
	ByDecision        []DecisionCount
	Countries         int
	ActiveBudgetCents int64 // yearly budget of the active partnerships whose budget is known
	ActiveBudgetKnown int   // active partnerships whose budget is known
	ActiveCount       int   // active partnerships
	UnreviewedRunning int   // active or dormant partnerships with no decision yet

	Sessions        int
	Attendances     int
	ServicesListed  int
	ServicesReached int
	Unreached       []string
}

// Summarize computes the diagnostic summary; services is the CT's list of services, for awareness coverage.
func Summarize(items []Item, ps []Partnership, sessions []Session, services []string) Summary {
	var s Summary
	s.SWOT, s.UncoveredScopes = countSWOT(items)
	s.countPartnerships(ps)
	s.countAwareness(sessions, services)
	return s
}

func countSWOT(items []Item) ([]QuadrantCount, []Scope) {
	seen := map[Scope]bool{}
	var out []QuadrantCount
	for _, q := range Quadrants() {
		qc := QuadrantCount{Quadrant: q}
		for _, sc := range Scopes() {
			qc.ByScope = append(qc.ByScope, ScopeCount{Scope: sc})
		}
		for _, it := range items {
			if it.Quadrant != q {
				continue
			}
			qc.Total++
			if it.Weight >= MaxWeight {
				qc.Major++
			}
			if i := slices.Index(Scopes(), it.Scope); i >= 0 {
				qc.ByScope[i].Count++
				seen[it.Scope] = true
			}
		}
		out = append(out, qc)
	}
	var uncovered []Scope
	for _, sc := range Scopes() {
		if !seen[sc] {
			uncovered = append(uncovered, sc)
		}
	}
	return out, uncovered
}

func (s *Summary) countPartnerships(ps []Partnership) {
	s.Partnerships = len(ps)
	s.Countries = len(PartnerCountries(ps))
	for _, st := range PartnershipStatuses() {
		s.ByStatus = append(s.ByStatus, StatusCount{Status: st})
	}
	for _, d := range append([]Decision{NoDecision}, Decisions()...) {
		s.ByDecision = append(s.ByDecision, DecisionCount{Decision: d})
	}
	for _, p := range ps {
		if i := slices.Index(PartnershipStatuses(), p.Status); i >= 0 {
			s.ByStatus[i].Count++
		}
		if i := slices.IndexFunc(s.ByDecision, func(d DecisionCount) bool { return d.Decision == p.Review.Decision }); i >= 0 {
			s.ByDecision[i].Count++
		}
		if p.Status == StatusActive {
			s.ActiveCount++
			if b := p.YearlyBudgetCents; b != nil {
				s.ActiveBudgetCents += *b
				s.ActiveBudgetKnown++
			}
		}
		if p.Status != StatusEnded && p.Review.Decision == NoDecision {
			s.UnreviewedRunning++
		}
	}
}

func (s *Summary) countAwareness(sessions []Session, services []string) {
	s.Sessions = len(sessions)
	for _, sess := range sessions {
		s.Attendances += len(sess.Attendees)
	}
	cov := ServiceCoverage(sessions, services)
	for _, r := range cov {
		if r.Listed {
			s.ServicesListed++
			if r.Reached() {
				s.ServicesReached++
			}
		}
	}
	s.Unreached = Unreached(cov)
}
