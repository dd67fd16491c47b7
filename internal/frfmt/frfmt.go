// Package frfmt formats dates, numbers and amounts the way French readers expect them.
package frfmt

import (
	"strconv"
	"strings"
	"time"
)

var months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

// nbsp is the narrow no-break space French typography puts between thousands and before units.
const nbsp = "\u202f"

// Date returns « 25 novembre 2026 », with « 1er » for the first of the month; the zero time gives "".
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + " " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// AppendDate appends Date of the day y-m-d to b, for writers of long documents.
func AppendDate(b []byte, y int, m time.Month, d int) []byte {
	if d == 1 {
		b = append(b, "1er"...)
	} else {
		b = strconv.AppendInt(b, int64(d), 10)
	}
	b = append(append(append(b, ' '), months[m-1]...), ' ')
	return strconv.AppendInt(b, int64(y), 10)
}

// DateTime returns « 25 novembre 2026 à 14 h 05 ».
func DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return Date(t) + " à " + strconv.Itoa(t.Hour()) + " h " + twoDigits(t.Minute())
}

// MonthYear returns « novembre 2026 ».
func MonthYear(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// MonthName returns the French name of a month.
func MonthName(m time.Month) string { return months[m-1] }

// Integer groups digits by three: « 1 234 567 ».
func Integer(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(nbsp)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Euros formats an amount held in cents as « 1 234 567 € », or « 1 234,50 € » when it has cents.
func Euros(cents int64) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	s := Integer(cents / 100)
	if c := cents % 100; c != 0 {
		s += "," + twoDigits(int(c))
	}
	if neg {
		s = "-" + s
	}
	return s + nbsp + "€"
}

// Unknown is what every page shows for a value nobody has given: never 0, 0 % or 0 €.
const Unknown = "non renseigné"

// EurosOrUnknown formats an optional amount: « non renseigné » when it is not known.
func EurosOrUnknown(cents *int64) string {
	if cents == nil {
		return Unknown
	}
	return Euros(*cents)
}

// Percent formats a ratio in [0,1] as « 42 % ».
func Percent(ratio float64) string {
	return strconv.Itoa(int(ratio*100+0.5)) + nbsp + "%"
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
