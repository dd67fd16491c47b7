package schedule

import "strconv"

// Kind says which ends of two activities a dependency ties. Its values are the codes stored and sent by
// forms; the zero Kind is read as FinishToStart, the usual case.
type Kind string

const (
	// FinishToStart: the successor starts after the predecessor finishes (plus the lag).
	FinishToStart Kind = "FS"
	// StartToStart: the successor starts after the predecessor starts (plus the lag).
	StartToStart Kind = "SS"
	// FinishToFinish: the successor finishes after the predecessor finishes (plus the lag).
	FinishToFinish Kind = "FF"
)

// Kinds lists the kinds in display order.
var Kinds = []Kind{FinishToStart, StartToStart, FinishToFinish}

var kindLabels = map[Kind]string{
	FinishToStart: "commence après la fin de", StartToStart: "commence après le début de", FinishToFinish: "finit après la fin de",
}

// Label returns the French reading of the kind, between the successor and the predecessor; the zero Kind
// reads as FinishToStart.
func (k Kind) Label() string {
	if k == "" {
		k = FinishToStart
	}
	return kindLabels[k]
}

// Valid reports whether k is a known kind (the zero Kind is not: a form must say which).
func (k Kind) Valid() bool { _, ok := kindLabels[k]; return ok }

// Unit is the unit of a lag or of a relative start's offset. Its values are the codes stored and sent by
// forms, in French; the zero Unit counts calendar days.
type Unit string

const (
	// Days counts calendar days.
	Days Unit = "jours"
	// Weeks counts 7-day weeks.
	Weeks Unit = "semaines"
	// Months counts calendar months, clamped to the month's end (31 January + 1 month = 28 February).
	Months Unit = "mois"
	// WorkingDays counts days worked under the plan's Calendar: weekends and public holidays are skipped,
	// and the date reached is always a working day.
	WorkingDays Unit = "jours ouvrés"
)

// Units lists the units in display order.
var Units = []Unit{Days, WorkingDays, Weeks, Months}

// Valid reports whether u is a known unit (the zero Unit is not: a form must say which).
func (u Unit) Valid() bool { return u == Days || u == Weeks || u == Months || u == WorkingDays }

// Label returns the unit in French.
func (u Unit) Label() string { return string(u) }

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
