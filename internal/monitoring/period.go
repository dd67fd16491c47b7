package monitoring

import (
	"strconv"
	"time"

	"boussole/internal/frfmt"
)

// Period is one reporting period of an indicator (an IATI result period): a value is expected for it once
// it has ended. Start and End are days at midnight UTC, both included.
type Period struct {
	Key   string // stable key stored with a measurement: « 2027 », « 2027-S1 », « 2027-T3 », « 2027-03 », « mi-parcours », « fin »
	Label string // French: « 2027 », « 1er semestre 2027 », « 3e trimestre 2027 », « mars 2027 », « mi-parcours (2026–2028) »
	Start time.Time
	End   time.Time
}

// Contains reports whether the day t falls within the period.
func (p Period) Contains(t time.Time) bool {
	d := day(t)
	return !d.Before(p.Start) && !d.After(p.End)
}

// EndedBy reports whether the period is over on the day today (its last day is before today).
func (p Period) EndedBy(today time.Time) bool { return p.End.Before(day(today)) }

// Cadence is the rhythm a periodicity sets.
type Cadence int

// The cadences of the periodicities the indicator form offers.
const (
	NoCadence Cadence = iota
	Monthly
	Quarterly
	HalfYearly
	Yearly
	MidAndEnd // à mi-parcours et en fin de mandature
	EndOfTerm // en fin de mandature
)

// CadenceOf reads the periodicity as the indicator form writes it (« annuelle »…); NoCadence when it is
// empty or unknown, and then no value is ever due.
func CadenceOf(periodicity string) Cadence {
	switch periodicity {
	case "mensuelle":
		return Monthly
	case "trimestrielle":
		return Quarterly
	case "semestrielle":
		return HalfYearly
	case "annuelle":
		return Yearly
	case "à mi-parcours et en fin de mandature":
		return MidAndEnd
	case "en fin de mandature":
		return EndOfTerm
	}
	return NoCadence
}

// Term is the span of years the strategy covers, both included (a mandature: 2026–2032).
type Term struct {
	Start, End int
}

// Periods returns the reporting periods of a periodicity over the term, in date order. A term whose end is
// before its start gives none.
func Periods(periodicity string, term Term) []Period {
	if term.Start == 0 || term.End < term.Start {
		return nil
	}
	switch c := CadenceOf(periodicity); c {
	case Monthly:
		return split(term, 12, func(y, i int) (string, string) {
			return strconv.Itoa(y) + "-" + pad2(i+1), frfmt.MonthName(time.Month(i+1)) + " " + strconv.Itoa(y)
		})
	case Quarterly:
		return split(term, 4, func(y, i int) (string, string) {
			return strconv.Itoa(y) + "-T" + strconv.Itoa(i+1), ordinal(i+1) + " trimestre " + strconv.Itoa(y)
		})
	case HalfYearly:
		return split(term, 2, func(y, i int) (string, string) {
			return strconv.Itoa(y) + "-S" + strconv.Itoa(i+1), ordinal(i+1) + " semestre " + strconv.Itoa(y)
		})
	case Yearly:
		return split(term, 1, func(y, _ int) (string, string) { return strconv.Itoa(y), strconv.Itoa(y) })
	case MidAndEnd:
		// The mid-term period covers the first half of the years, rounded down: 2026–2028 of 2026–2032.
		mid := term.Start + (term.End-term.Start+1)/2 - 1
		if mid < term.Start {
			return []Period{span("fin", "fin de mandature", term.Start, term.End)}
		}
		return []Period{span("mi-parcours", "mi-parcours", term.Start, mid), span("fin", "fin de mandature", mid+1, term.End)}
	case EndOfTerm:
		return []Period{span("mandature", "mandature", term.Start, term.End)}
	}
	return nil
}

// split cuts every year of the term into n equal periods of months.
func split(term Term, n int, name func(year, i int) (key, label string)) []Period {
	months := 12 / n
	out := make([]Period, 0, (term.End-term.Start+1)*n)
	for y := term.Start; y <= term.End; y++ {
		for i := 0; i < n; i++ {
			start := time.Date(y, time.Month(i*months+1), 1, 0, 0, 0, 0, time.UTC)
			key, label := name(y, i)
			out = append(out, Period{Key: key, Label: label, Start: start, End: start.AddDate(0, months, -1)})
		}
	}
	return out
}

// span is a period of whole years, labelled with them: « mi-parcours (2026–2028) ».
func span(key, label string, from, to int) Period {
	years := strconv.Itoa(from)
	if to != from {
		years += "–" + strconv.Itoa(to)
	}
	return Period{Key: key, Label: label + " (" + years + ")", Start: time.Date(from, time.January, 1, 0, 0, 0, 0, time.UTC),
		End: time.Date(to, time.December, 31, 0, 0, 0, 0, time.UTC)}
}

// Find returns the period with the given key.
func Find(periods []Period, key string) (Period, bool) {
	for _, p := range periods {
		if p.Key == key {
			return p, true
		}
	}
	return Period{}, false
}

// At returns the period the day t falls in.
func At(periods []Period, t time.Time) (Period, bool) {
	for _, p := range periods {
		if p.Contains(t) {
			return p, true
		}
	}
	return Period{}, false
}

func ordinal(n int) string {
	if n == 1 {
		return "1er"
	}
	return strconv.Itoa(n) + "e"
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// day drops the time of day, in UTC.
func day(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func itoa(n int) string { return strconv.Itoa(n) }

// frDay writes a day the French way: « 1er janvier 2027 ».
func frDay(t time.Time) string { return frfmt.Date(t) }
