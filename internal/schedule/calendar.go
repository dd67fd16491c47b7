package schedule

import (
	"sort"
	"time"
)

// Calendar says which days are worked, for lags counted in working days: Monday to Friday, except the French
// public holidays (jours fériés, Code du travail L3133-1). Overseas days (abolition of slavery) are not
// included yet. The zero value is the national calendar.
type Calendar struct {
	// AlsaceMoselle adds Good Friday and 26 December, public holidays under the local law of Bas-Rhin,
	// Haut-Rhin and Moselle (Code du travail L3134-13).
	AlsaceMoselle bool
}

// Holiday is one public holiday.
type Holiday struct {
	Date Date
	Name string
}

// Holidays returns the public holidays of year in date order. Whit Monday is listed: most authorities keep it
// off even where it is the « journée de solidarité ».
func (c Calendar) Holidays(year int) []Holiday {
	easter := Easter(year)
	h := []Holiday{
		{Date{year, 1, 1}, "Jour de l'an"},
		{easter.AddDays(1), "Lundi de Pâques"},
		{Date{year, 5, 1}, "Fête du Travail"},
		{Date{year, 5, 8}, "Victoire 1945"},
		{easter.AddDays(39), "Ascension"},
		{easter.AddDays(50), "Lundi de Pentecôte"},
		{Date{year, 7, 14}, "Fête nationale"},
		{Date{year, 8, 15}, "Assomption"},
		{Date{year, 11, 1}, "Toussaint"},
		{Date{year, 11, 11}, "Armistice 1918"},
		{Date{year, 12, 25}, "Noël"},
	}
	if c.AlsaceMoselle {
		h = append(h, Holiday{easter.AddDays(-2), "Vendredi saint"}, Holiday{Date{year, 12, 26}, "Saint-Étienne"})
	}
	sort.Slice(h, func(i, j int) bool { return h[i].Date.Before(h[j].Date) })
	return h
}

// Working reports whether d is a working day.
func (c Calendar) Working(d Date) bool { return newWorkdays(c).working(d.days()) }

// AddWorkingDays returns the working day that follows n working days from d (n ≥ 0: d itself counts when it
// is worked), or the nth working day before d (n < 0). The result is always a working day, so « 0 jour
// ouvré » moves a weekend or holiday date to the next working day.
func (c Calendar) AddWorkingDays(d Date, n int) Date {
	return fromDays(newWorkdays(c).add(d.days(), n))
}

// Easter returns Easter Sunday of a Gregorian year (the anonymous algorithm published by Meeus).
func Easter(year int) Date {
	a, b, c := year%19, year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date{year, time.Month(month), day}
}

// workdays counts working days for one computation over a window of epoch days that grows as lags reach
// further: before[i] is the number of working days in [lo, lo+i) and work[k] the offset of the k-th, so a
// lag is two array reads however long it is.
type workdays struct {
	cal    Calendar
	lo, hi int     // the window [lo, hi)
	before []int32 // len hi-lo+1
	work   []int32
}

func newWorkdays(c Calendar) *workdays { return &workdays{cal: c} }

// working reports whether an epoch day is worked.
func (w *workdays) working(day int) bool {
	w.cover(day, day+1)
	return w.before[day-w.lo+1] > w.before[day-w.lo]
}

// add skips n working days from day, then lands on the next working day (n ≥ 0); it steps back to the nth
// working day before day (n < 0). Both are non-decreasing in day, which the backward pass relies on.
func (w *workdays) add(day, n int) int {
	reach := 2*abs(n) + 40 // in any such span there are more than |n| working days
	w.cover(day-reach, day+reach)
	return w.lo + int(w.work[int(w.before[day-w.lo])+n])
}

// latest returns the latest day x with add(x, n) <= y.
func (w *workdays) latest(y, n int) int {
	reach := 2*abs(n) + 40
	w.cover(y-reach, y+reach)
	return w.lo + int(w.work[int(w.before[y+1-w.lo])-1-n])
}

// cover makes the window hold [from, to), at least doubling it when it grows so that rebuilding stays rare.
func (w *workdays) cover(from, to int) {
	if w.before != nil && from >= w.lo && to <= w.hi {
		return
	}
	if w.before == nil {
		w.lo, w.hi = from-366, to+366
	} else {
		span := w.hi - w.lo
		w.lo, w.hi = min(from, w.lo-span), max(to, w.hi+span)
	}
	holidays := map[int]bool{}
	y0, _, _ := civilFromDays(w.lo)
	y1, _, _ := civilFromDays(w.hi)
	for y := y0; y <= y1; y++ {
		for _, h := range w.cal.Holidays(y) {
			holidays[h.Date.days()] = true
		}
	}
	w.before = make([]int32, w.hi-w.lo+1)
	w.work = w.work[:0]
	for i := range w.hi - w.lo {
		w.before[i+1] = w.before[i]
		day := w.lo + i
		// 1 January 1970, epoch day 0, was a Thursday.
		if wd := floorMod(day+4, 7); wd != 0 && wd != 6 && !holidays[day] {
			w.before[i+1]++
			w.work = append(w.work, int32(i))
		}
	}
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
