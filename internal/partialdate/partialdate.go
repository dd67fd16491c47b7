// Package partialdate holds dates known only to the year, the month or the day, as real strategies write
// them (« 1962 », « décembre 2020 », « 15 décembre 2020 »).
//
// A Date is stored as ISO text at its precision (« 1962 », « 2020-12 », « 2020-12-15 »), which sorts
// lexically in the right order on every database. Where a computation needs a day (scheduling, calendars,
// comparisons with a mandate), the convention is the first day of the period: First; Last gives the last.
package partialdate

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Precision says how much of a date is known.
type Precision uint8

// The precisions, from nothing known to the day.
const (
	Unknown Precision = iota
	Year
	Month
	Day
)

// Date is a calendar date known to its Precision: Month is 0 when only the year is known, Day is 0 when only
// the month is. The zero Date is unknown.
type Date struct {
	Year, Month, Day int
}

// The years a date may fall in: four digits, so a two-digit year is never guessed.
const (
	MinYear = 1000
	MaxYear = 9999
)

// Of returns the date of a day.
func Of(year int, month time.Month, day int) Date {
	return Date{Year: year, Month: int(month), Day: day}
}

// OfMonth returns a date known to the month.
func OfMonth(year int, month time.Month) Date { return Date{Year: year, Month: int(month)} }

// OfYear returns a date known to the year.
func OfYear(year int) Date { return Date{Year: year} }

// FromTime returns the day of t; the zero time gives the zero Date.
func FromTime(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return Of(t.Year(), t.Month(), t.Day())
}

// IsZero reports whether nothing of the date is known.
func (d Date) IsZero() bool { return d == Date{} }

// Precision returns how much of the date is known.
func (d Date) Precision() Precision {
	switch {
	case d.Year == 0:
		return Unknown
	case d.Month == 0:
		return Year
	case d.Day == 0:
		return Month
	}
	return Day
}

// First returns the first day of the date's period at midnight UTC (1 January for a year, the 1st for a
// month): the convention wherever a computation needs a day. The zero Date gives the zero time.
func (d Date) First() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// Last returns the last day of the date's period at midnight UTC (31 December for a year, the month's last
// day for a month). The zero Date gives the zero time.
func (d Date) Last() time.Time {
	switch d.Precision() {
	case Unknown:
		return time.Time{}
	case Year:
		return time.Date(d.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// Compare orders dates by their first day, then the less precise first (« 2020 » before « 2020-01 » before
// « 2020-01-01 »), which is also the order of their ISO texts. The zero Date comes first.
func (d Date) Compare(e Date) int { return strings.Compare(d.ISO(), e.ISO()) }

// Before reports whether d's period starts before e's.
func (d Date) Before(e Date) bool { return d.First().Before(e.First()) }

// ISO returns « 2020 », « 2020-12 » or « 2020-12-15 », the stored form; "" for the zero Date.
func (d Date) ISO() string {
	switch d.Precision() {
	case Unknown:
		return ""
	case Year:
		return pad(d.Year, 4)
	case Month:
		return pad(d.Year, 4) + "-" + pad(d.Month, 2)
	}
	return pad(d.Year, 4) + "-" + pad(d.Month, 2) + "-" + pad(d.Day, 2)
}

// Input returns the date as a French form shows it back: « 2020 », « 12/2020 » or « 15/12/2020 ».
func (d Date) Input() string {
	switch d.Precision() {
	case Unknown:
		return ""
	case Year:
		return pad(d.Year, 4)
	case Month:
		return pad(d.Month, 2) + "/" + pad(d.Year, 4)
	}
	return pad(d.Day, 2) + "/" + pad(d.Month, 2) + "/" + pad(d.Year, 4)
}

// String returns the date in French at its precision: « 1962 », « décembre 2020 », « 15 décembre 2020 »,
// « 1er mai 2021 »; "" for the zero Date.
func (d Date) String() string {
	switch d.Precision() {
	case Unknown:
		return ""
	case Year:
		return strconv.Itoa(d.Year)
	case Month:
		return months[d.Month-1] + " " + strconv.Itoa(d.Year)
	}
	day := strconv.Itoa(d.Day)
	if d.Day == 1 {
		day = "1er"
	}
	return day + " " + months[d.Month-1] + " " + strconv.Itoa(d.Year)
}

// Prefixed returns the date after a French preposition that suits its precision: « le 15 décembre 2020 »,
// « en décembre 2020 », « en 1962 ».
func (d Date) Prefixed() string {
	switch d.Precision() {
	case Unknown:
		return ""
	case Day:
		return "le " + d.String()
	}
	return "en " + d.String()
}

// MarshalText writes the ISO form, so the journal and JSON hold « 2020-12 ».
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }

// UnmarshalText reads the ISO form.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseISO(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

var months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

// monthWords maps the accent-folded names and usual abbreviations of the months to their number.
var monthWords = map[string]int{
	"janvier": 1, "janv": 1, "jan": 1,
	"fevrier": 2, "fevr": 2, "fev": 2,
	"mars":  3,
	"avril": 4, "avr": 4,
	"mai":     5,
	"juin":    6,
	"juillet": 7, "juil": 7,
	"aout":      8,
	"septembre": 9, "sept": 9, "sep": 9,
	"octobre": 10, "oct": 10,
	"novembre": 11, "nov": 11,
	"decembre": 12, "dec": 12,
}

// Error is a refusal of Parse: its text is a French sentence for the field, saying what to type.
type Error struct{ Message string }

func (e *Error) Error() string { return e.Message }

func refuse(msg string) error { return &Error{Message: msg} }

// The messages shown at a field; they say what to type, in French.
var (
	errSyntax    = refuse("Date non comprise : écrivez par exemple 15/12/2020, décembre 2020 ou 2020.")
	errShortYear = refuse("Écrivez l'année avec ses quatre chiffres, par exemple 2020.")
	errMonth     = refuse("Le mois doit être compris entre 1 et 12.")
	errDay       = refuse("Le jour doit être compris entre 1 et 31.")
)

// Parse reads a date as people type it: « 2020 », « 12/2020 », « décembre 2020 », « 2020-12 »,
// « 2020-12-15 », « 15/12/2020 », « 15 décembre 2020 », « 1er déc. 2020 ». Empty text gives the zero Date
// and no error. The error's text is a French message for the field.
func Parse(s string) (Date, error) {
	s = normalise(s)
	if s == "" {
		return Date{}, nil
	}
	if hasLetter(s) {
		return parseWords(strings.Fields(s))
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ' ' })
	if len(parts) > 1 && len(parts[0]) == 4 {
		parts = reverse(parts) // year first: 2020-12-15, 2020/12
	}
	return parseNumbers(parts)
}

// ParseISO reads the stored form strictly: « 2020 », « 2020-12 » or « 2020-12-15 »; "" is the zero Date.
// A SQLite DATE value written before partial dates (« 2020-12-15 00:00:00+00:00 ») is read as its day.
func ParseISO(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		s = s[:10]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, errSyntax
	}
	for _, p := range parts[1:] {
		if len(p) != 2 {
			return Date{}, errSyntax
		}
	}
	return parseNumbers(reverse(parts))
}

// parseNumbers reads [day,] [month,] year, all digits.
func parseNumbers(parts []string) (Date, error) {
	if len(parts) == 0 || len(parts) > 3 {
		return Date{}, errSyntax
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if !isDigits(p) || len(p) > 4 {
			return Date{}, errSyntax
		}
		nums[i], _ = strconv.Atoi(p)
	}
	year := parts[len(parts)-1]
	if len(year) != 4 {
		return Date{}, errShortYear
	}
	d := Date{Year: nums[len(nums)-1]}
	if len(nums) >= 2 {
		d.Month = nums[len(nums)-2]
	}
	if len(nums) == 3 {
		d.Day = nums[0]
	}
	for _, p := range parts[:len(parts)-1] {
		if len(p) > 2 {
			return Date{}, errSyntax
		}
	}
	if len(nums) >= 2 && d.Month == 0 {
		return Date{}, errMonth // a written 0 is not « month unknown »
	}
	if len(nums) == 3 && d.Day == 0 {
		return Date{}, errDay
	}
	return d, d.check()
}

// parseWords reads [day] month-name year, the day possibly « 1er ».
func parseWords(fields []string) (Date, error) {
	if len(fields) < 2 || len(fields) > 3 {
		return Date{}, errSyntax
	}
	year := fields[len(fields)-1]
	month, ok := monthWords[strings.TrimSuffix(fields[len(fields)-2], ".")]
	if !ok {
		return Date{}, refuse("Mois non reconnu : « " + fields[len(fields)-2] + " ». Écrivez par exemple décembre 2020 ou 12/2020.")
	}
	if !isDigits(year) {
		return Date{}, errSyntax
	}
	if len(year) != 4 {
		return Date{}, errShortYear
	}
	d := Date{Month: month}
	d.Year, _ = strconv.Atoi(year)
	if len(fields) == 3 {
		day := strings.TrimSuffix(fields[0], "er")
		if !isDigits(day) || len(day) > 2 {
			return Date{}, errSyntax
		}
		if d.Day, _ = strconv.Atoi(day); d.Day == 0 {
			return Date{}, errDay
		}
	}
	return d, d.check()
}

// check refuses a month or a day that does not exist, saying which.
func (d Date) check() error {
	if d.Year < MinYear || d.Year > MaxYear {
		return errShortYear
	}
	if d.Precision() >= Month && (d.Month < 1 || d.Month > 12) {
		return errMonth
	}
	if d.Precision() == Day {
		last := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d.Day < 1 || d.Day > last {
			return refuse("Le " + strconv.Itoa(d.Day) + " " + months[d.Month-1] + " " + strconv.Itoa(d.Year) +
				" n'existe pas : ce mois a " + strconv.Itoa(last) + " jours.")
		}
	}
	return nil
}

// normalise lowers the text, folds the accents French month names carry and turns every kind of space
// (no-break, narrow no-break) into one plain space.
func normalise(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch r {
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'û', 'ù', 'ü':
			r = 'u'
		case 'â', 'à':
			r = 'a'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func reverse(parts []string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[len(parts)-1-i] = p
	}
	return out
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
