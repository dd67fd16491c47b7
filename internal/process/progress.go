package process

import "time"

// State is the recorded state of one step of one strategy.
type State struct {
	Step         Step
	Status       Status
	PlannedStart time.Time
	PlannedEnd   time.Time
}

// Progress summarises a strategy's elaboration for the tracker.
type Progress struct {
	Done, Total int
	Current     Step // the first step of the four that is not done; empty when all are done
	Late        []Step
	Adopted     bool // the strategy is adopted: its elaboration is over, whatever the tracker recorded
}

// Summarise computes the progress of a strategy on a given day: how many parts are done, which of the
// guide's four steps it stands at, and which parts are past their planned end without being done.
func Summarise(states []State, today time.Time) Progress {
	p := Progress{Total: len(states)}
	for _, d := range Steps {
		for _, s := range states {
			if s.Step != d.Step {
				continue
			}
			if s.Status == Done {
				p.Done++
			} else {
				if !d.CrossCut && p.Current == "" {
					p.Current = s.Step
				}
				if !s.PlannedEnd.IsZero() && today.After(s.PlannedEnd) {
					p.Late = append(p.Late, s.Step)
				}
			}
		}
	}
	return p
}

// SummariseAdopted is Summarise for a strategy already adopted (in force or past): its elaboration is over,
// so it stands at no step and no step runs late, even when the tracker of a strategy registered after its
// vote records nothing of how it was elaborated.
func SummariseAdopted(states []State) Progress {
	p := Progress{Total: len(states), Adopted: true}
	for _, s := range states {
		if s.Status == Done {
			p.Done++
		}
	}
	return p
}

// CalendarAdvice returns a French remark when the planned elaboration is outside the guide's six to twelve
// months, or "" when it fits.
func CalendarAdvice(states []State) string {
	var first, last time.Time
	for _, s := range states {
		if s.PlannedStart.IsZero() || s.PlannedEnd.IsZero() {
			continue
		}
		if first.IsZero() || s.PlannedStart.Before(first) {
			first = s.PlannedStart
		}
		if s.PlannedEnd.After(last) {
			last = s.PlannedEnd
		}
	}
	if first.IsZero() {
		return ""
	}
	switch months := monthsBetween(first, last); {
	case months < 6:
		return "Le calendrier prévu tient en moins de 6 mois : le guide conseille de prévoir entre 6 mois et 1 an pour aboutir à un document concerté avec les parties prenantes."
	case months > 12:
		return "Le calendrier prévu dépasse 12 mois : le guide conseille 6 mois à 1 an ; au-delà, l'élan risque de retomber avant la délibération."
	}
	return ""
}

func monthsBetween(a, b time.Time) int {
	m := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() >= a.Day() {
		m++
	}
	return m
}
