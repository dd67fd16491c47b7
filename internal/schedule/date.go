package schedule

import (
	"fmt"
	"time"
)

// Date is a civil calendar date with no time of day and no time zone.
// The zero value means "no date".
type Date struct {
	Y int
	M time.Month
	D int
}

// DateOf returns the date y-m-d, normalising out-of-range months and days (31 April becomes 1 May).
func DateOf(y int, m time.Month, d int) Date {
	return fromDays(daysFromCivil(y, int(m), d))
}

// FromTime returns the calendar date of t in t's own location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads an ISO date such as "2027-03-15".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("date invalide « %s » : format attendu AAAA-MM-JJ", s)
	}
	return FromTime(t), nil
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.Y, d.M, d.D, 0, 0, 0, 0, time.UTC) }

// IsZero reports whether d is the zero value.
func (d Date) IsZero() bool { return d == Date{} }

// String returns the ISO form "2027-03-15".
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Y, int(d.M), d.D) }

// AddDays returns the date n days later (earlier if n < 0).
func (d Date) AddDays(n int) Date { return fromDays(d.days() + n) }

// AddMonths returns the same day n calendar months later, clamped to the month's last day (31 January + 1 = 28 or 29 February).
func (d Date) AddMonths(n int) Date { return fromDays(addMonths(d.days(), n)) }

// Sub returns the number of days from o to d.
func (d Date) Sub(o Date) int { return d.days() - o.days() }

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.days() < o.days() }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.days() > o.days() }

// Epoch day numbers (days since 1970-01-01) are what the engine computes with: integer arithmetic keeps the
// passes linear and fast, and Date is only the public face.
func (d Date) days() int { return daysFromCivil(d.Y, int(d.M), d.D) }

func fromDays(n int) Date {
	y, m, d := civilFromDays(n)
	return Date{y, time.Month(m), d}
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// daysFromCivil follows Howard Hinnant's public-domain algorithm, with years starting in March so that
// the leap day falls at the end.
func daysFromCivil(y, m, d int) int {
	y += floorDiv(m-1, 12)
	m = (m - 1) - floorDiv(m-1, 12)*12 + 1
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func daysInMonth(y, m int) int {
	return daysFromCivil(y, m+1, 1) - daysFromCivil(y, m, 1)
}

func addMonths(day, n int) int {
	y, m, d := civilFromDays(day)
	total := y*12 + (m - 1) + n
	y, m = floorDiv(total, 12), total-floorDiv(total, 12)*12+1
	d = min(d, daysInMonth(y, m))
	return daysFromCivil(y, m, d)
}
