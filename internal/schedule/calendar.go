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

// workdays counts working days for one computation, a year at a time: in each year touched, before[i] is the
// number of working days among its first i days and work[k] the day of its k-th, so a lag costs one array
// read per year it spans, and memory grows only with the years the plan reaches.
type workdays struct {
	cal   Calendar
	years map[int]*workYear
}

type workYear struct {
	start  int     // epoch day of 1 January
	before []int16 // len: days in the year + 1
	work   []int16 // day of the year (from 0) of each working day
}

func newWorkdays(c Calendar) *workdays { return &workdays{cal: c, years: map[int]*workYear{}} }

func (w *workdays) year(y int) *workYear {
	if wy, ok := w.years[y]; ok {
		return wy
	}
	holidays := map[int]bool{}
	for _, h := range w.cal.Holidays(y) {
		holidays[h.Date.days()] = true
	}
	start, end := daysFromCivil(y, 1, 1), daysFromCivil(y+1, 1, 1)
	wy := &workYear{start: start, before: make([]int16, end-start+1), work: make([]int16, 0, 262)}
	for i := range end - start {
		wy.before[i+1] = wy.before[i]
		day := start + i
		// 1 January 1970, epoch day 0, was a Thursday.
		if wd := floorMod(day+4, 7); wd != 0 && wd != 6 && !holidays[day] {
			wy.before[i+1]++
			wy.work = append(wy.work, int16(i))
		}
	}
	w.years[y] = wy
	return wy
}

// locate returns the year of an epoch day and the number of working days of that year before it.
func (w *workdays) locate(day int) (int, int) {
	y, _, _ := civilFromDays(day)
	wy := w.year(y)
	return y, int(wy.before[day-wy.start])
}

// nth returns the k-th working day of year y, k counted from 0 and allowed to run into other years.
func (w *workdays) nth(y, k int) int {
	wy := w.year(y)
	for k >= len(wy.work) {
		k -= len(wy.work)
		y++
		wy = w.year(y)
	}
	for k < 0 {
		y--
		wy = w.year(y)
		k += len(wy.work)
	}
	return wy.start + int(wy.work[k])
}

// working reports whether an epoch day is worked.
func (w *workdays) working(day int) bool {
	y, k := w.locate(day)
	wy := w.year(y)
	return int(wy.before[day-wy.start+1]) > k
}

// add skips n working days from day, then lands on the next working day (n ≥ 0); it steps back to the nth
// working day before day (n < 0). Both are non-decreasing in day, which the backward pass relies on.
func (w *workdays) add(day, n int) int {
	y, k := w.locate(day)
	return w.nth(y, k+n)
}

// latest returns the latest day x with add(x, n) <= y: the working day n places before the last working day
// not after y.
func (w *workdays) latest(y, n int) int {
	yr, k := w.locate(y + 1)
	return w.nth(yr, k-1-n)
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }
