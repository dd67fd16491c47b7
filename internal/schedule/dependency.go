package schedule

import "strconv"

// Kind says which ends of two activities a dependency ties.
type Kind int

const (
	// FinishToStart: the successor starts after the predecessor finishes (plus the lag).
	FinishToStart Kind = iota
	// StartToStart: the successor starts after the predecessor starts (plus the lag).
	StartToStart
	// FinishToFinish: the successor finishes after the predecessor finishes (plus the lag).
	FinishToFinish
)

// Unit is the unit of a lag.
type Unit int

const (
	// Days counts calendar days.
	Days Unit = iota
	// Weeks counts 7-day weeks.
	Weeks
	// Months counts calendar months, clamped to the month's end (31 January + 1 month = 28 February).
	Months
	// WorkingDays counts days worked under the plan's Calendar: weekends and public holidays are skipped,
	// and the date reached is always a working day.
	WorkingDays
)

// Lag is an offset such as "2 months" or "-3 days"; a negative lag lets the successor overlap.
type Lag struct {
	N    int
	Unit Unit
}

// Dependency constrains To (the successor) relative to From (the predecessor).
type Dependency struct {
	From, To string
	Kind     Kind
	Lag      Lag
}

// String returns the lag in French, such as « 2 mois » or « -3 jours ».
func (l Lag) String() string {
	n := strconv.Itoa(l.N)
	plural := l.N > 1 || l.N < -1
	switch l.Unit {
	case Weeks:
		if plural {
			return n + " semaines"
		}
		return n + " semaine"
	case Months:
		return n + " mois"
	case WorkingDays:
		if plural {
			return n + " jours ouvrés"
		}
		return n + " jour ouvré"
	}
	if plural {
		return n + " jours"
	}
	return n + " jour"
}

// apply moves an epoch day by the lag; w answers which days are worked, for WorkingDays.
func (l Lag) apply(day int, w *workdays) int {
	switch l.Unit {
	case Weeks:
		return day + 7*l.N
	case Months:
		return addMonths(day, l.N)
	case WorkingDays:
		return w.add(day, l.N)
	}
	return day + l.N
}

// latest returns the latest day x with apply(x) <= y. Month arithmetic clamps, so it is monotone but not
// invertible (30 and 31 January both give 28 February): step from a first guess, at most three days each way.
// Working days are not invertible either (Saturday and Sunday both give Monday): workdays answers directly.
func (l Lag) latest(y int, w *workdays) int {
	switch l.Unit {
	case Months:
	case WorkingDays:
		return w.latest(y, l.N)
	default:
		return y - (l.apply(y, w) - y)
	}
	x := addMonths(y, -l.N)
	for l.apply(x+1, w) <= y {
		x++
	}
	for l.apply(x, w) > y {
		x--
	}
	return x
}
