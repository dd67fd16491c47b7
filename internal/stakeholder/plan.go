package stakeholder

import "sort"

// PlanEntry is one stakeholder's part in one step of the process.
type PlanEntry struct {
	Stakeholder *Stakeholder
	Level       Level
	Promise     string
	Ask         string
}

// StepPlan lists who takes part in one step and how.
type StepPlan struct {
	Step    Step
	Entries []PlanEntry
}

// Plan builds the engagement plan: for every step, the stakeholders involved, the most engaged first.
func Plan(list []Stakeholder) []StepPlan {
	out := make([]StepPlan, 0, len(steps))
	for _, st := range Steps() {
		sp := StepPlan{Step: st}
		for i := range list {
			e := list[i].Engagement
			if e.Level.Valid() && e.In(st) {
				sp.Entries = append(sp.Entries, PlanEntry{&list[i], e.Level, e.EffectivePromise(), e.EffectiveAsk()})
			}
		}
		sort.SliceStable(sp.Entries, func(a, b int) bool {
			la, lb := sp.Entries[a].Level.rank(), sp.Entries[b].Level.rank()
			if la != lb {
				return la > lb
			}
			return fold(sp.Entries[a].Stakeholder.Name) < fold(sp.Entries[b].Stakeholder.Name)
		})
		out = append(out, sp)
	}
	return out
}

// rank orders levels from the least binding (0) up.
func (l Level) rank() int {
	for i, li := range levels {
		if li.level == l {
			return i
		}
	}
	return -1
}
