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

// workdays answers « is this epoch day worked? » for one computation, remembering each year's holidays.
type workdays struct {
	cal   Calendar
	years map[int]map[int]bool
}

func newWorkdays(c Calendar) *workdays { return &workdays{cal: c, years: map[int]map[int]bool{}} }

func (w *workdays) working(day int) bool {
	// 1 January 1970, epoch day 0, was a Thursday.
	if wd := floorMod(day+4, 7); wd == 0 || wd == 6 {
		return false
	}
	y, _, _ := civilFromDays(day)
	set, ok := w.years[y]
	if !ok {
		set = map[int]bool{}
		for _, h := range w.cal.Holidays(y) {
			set[h.Date.days()] = true
		}
		w.years[y] = set
	}
	return !set[day]
}

// add skips n working days from day, then lands on the next working day (n ≥ 0); it steps back to the nth
// working day before day (n < 0). Both are non-decreasing in day, which the backward pass relies on.
func (w *workdays) add(day, n int) int {
	if n < 0 {
		for k := 0; k < -n; {
			day--
			if w.working(day) {
				k++
			}
		}
		return day
	}
	for k := 0; k < n; day++ {
		if w.working(day) {
			k++
		}
	}
	for !w.working(day) {
		day++
	}
	return day
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }
