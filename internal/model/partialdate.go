package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"boussole/internal/frfmt"
)

// PartialDate is a date known to the day, to the month or only to the year, as real documents give them
// (« 17 décembre 2020 », « décembre 2020 », « 1962 »). Month and Day are 0 when unknown; the zero value is
// « non renseigné ».
type PartialDate struct {
	Year, Month, Day int
}

// IsZero reports whether the date is unknown.
func (d PartialDate) IsZero() bool { return d.Year == 0 }

// String returns the date in French at its precision; "" when unknown.
func (d PartialDate) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return frfmt.MonthName(time.Month(d.Month)) + " " + strconv.Itoa(d.Year)
	}
	return frfmt.Date(time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC))
}

// ISO returns the stored form: « 2020 », « 2020-12 » or « 2020-12-17 »; "" when unknown.
func (d PartialDate) ISO() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Input returns the date as a person types it: « 17/12/2020 », « 12/2020 » or « 2020 ».
func (d PartialDate) Input() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%02d/%04d", d.Month, d.Year)
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

// ErrPartialDate is returned for text that is not a date at any precision.
var ErrPartialDate = errors.New("model: not a date")

// ParsePartialDate reads a date at the precision it is given: « 2020 », « 12/2020 », « décembre 2020 »,
// « 17/12/2020 », « 17 décembre 2020 », « 1er décembre 2020 » or the stored forms (« 2020-12 »,
// « 2020-12-17 »). Empty text gives the zero date. Years run from 1900 to 2100.
func ParsePartialDate(s string) (PartialDate, error) {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if s == "" {
		return PartialDate{}, nil
	}
	var parts []string
	switch {
	case strings.Contains(s, "/"):
		parts = reverse(strings.Split(s, "/")) // day/month/year
	case strings.Count(s, "-") > 0 && !strings.Contains(s, " "):
		parts = strings.Split(s, "-") // year-month-day
	default:
		parts = reverse(strings.Split(s, " ")) // [day] [month name] year
	}
	if len(parts) > 3 {
		return PartialDate{}, ErrPartialDate
	}
	var d PartialDate
	var err error
	if d.Year, err = number(parts[0], 1900, 2100); err != nil {
		return PartialDate{}, err
	}
	if len(parts) > 1 {
		if d.Month, err = month(parts[1]); err != nil {
			return PartialDate{}, err
		}
	}
	if len(parts) > 2 {
		day := strings.TrimSuffix(parts[2], "er")
		if d.Day, err = number(day, 1, 31); err != nil {
			return PartialDate{}, err
		}
		// time.Date normalises 31 February to March: a day that moves is not a day of that month.
		if time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Day() != d.Day {
			return PartialDate{}, ErrPartialDate
		}
	}
	return d, nil
}

func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

func number(s string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, ErrPartialDate
	}
	return n, nil
}

func month(s string) (int, error) {
	if n, err := number(s, 1, 12); err == nil {
		return n, nil
	}
	for m := time.January; m <= time.December; m++ {
		name := frfmt.MonthName(m)
		if s == name || s == strings.ReplaceAll(strings.ReplaceAll(name, "é", "e"), "û", "u") {
			return int(m), nil
		}
	}
	return 0, ErrPartialDate
}

// MarshalJSON writes the stored form (« 2020-12 »), so the audit log records the date as it is known,
// not as three numbers; an unknown date is null.
func (d PartialDate) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.ISO() + `"`), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *PartialDate) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		*d = PartialDate{}
		return nil
	}
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return ErrPartialDate
	}
	v, err := ParsePartialDate(s[1 : len(s)-1])
	*d = v
	return err
}
