// Package number reads the numbers people type into forms, the French way or the English way, and writes them
// back the French way. Values are exact: a Decimal is an integer mantissa and a count of decimals, never a float,
// so « 0,1 » stays 0,1 and a large count is never rounded.
package number

import (
	"strconv"
	"strings"
)

// MaxScale is the largest number of decimals a Decimal holds.
const MaxScale = 9

// Decimal is the exact value mant × 10^-scale, normalised without trailing zeros in the decimals. The zero
// value is 0.
type Decimal struct {
	mant  int64
	scale uint8
}

var pow10 = [...]int64{1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
	10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
	1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000}

// New returns mant × 10^-scale; scale is clamped to [0, MaxScale].
func New(mant int64, scale int) Decimal {
	scale = min(max(scale, 0), MaxScale)
	for scale > 0 && mant%10 == 0 {
		mant /= 10
		scale--
	}
	return Decimal{mant: mant, scale: uint8(scale)}
}

// Int returns the whole number n.
func Int(n int64) Decimal { return Decimal{mant: n} }

// Sign returns -1, 0 or 1.
func (d Decimal) Sign() int {
	switch {
	case d.mant < 0:
		return -1
	case d.mant > 0:
		return 1
	}
	return 0
}

// Scale returns how many decimals the value has.
func (d Decimal) Scale() int { return int(d.scale) }

// Cmp compares d and e exactly: -1 if d < e, 0 if equal, 1 if d > e.
func (d Decimal) Cmp(e Decimal) int {
	if ds, es := d.Sign(), e.Sign(); ds != es {
		return cmpInt(int64(ds), int64(es))
	}
	// Compare the whole parts first, then the decimals brought to one scale: no multiplication can overflow.
	dw, ew := d.mant/pow10[d.scale], e.mant/pow10[e.scale]
	if dw != ew {
		return cmpInt(dw, ew)
	}
	s := max(d.scale, e.scale)
	df := (d.mant % pow10[d.scale]) * pow10[s-d.scale]
	ef := (e.mant % pow10[e.scale]) * pow10[s-e.scale]
	return cmpInt(df, ef)
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String returns the canonical form, with a point and no grouping (« -1234.5 »): the form stored in the
// database and read back by ParseCanonical.
func (d Decimal) String() string {
	whole, frac, neg := d.parts()
	s := whole
	if frac != "" {
		s += "." + frac
	}
	if neg {
		s = "-" + s
	}
	return s
}

// French returns the value as French readers write it: « 1 234 567,89 », digits grouped by three with narrow
// no-break spaces, a decimal comma, and the minus sign « − ».
func (d Decimal) French() string {
	whole, frac, neg := d.parts()
	var b strings.Builder
	if neg {
		b.WriteString("\u2212")
	}
	b.WriteString(Group(whole))
	if frac != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}

// Field returns the value as it goes back into a form field: French, with a hyphen-minus so that it can be
// typed again as it is.
func (d Decimal) Field() string {
	return strings.Replace(d.French(), "\u2212", "-", 1)
}

// parts returns the whole digits, the decimal digits and whether the value is negative.
func (d Decimal) parts() (whole, frac string, neg bool) {
	digits := strconv.FormatInt(d.mant, 10)
	if neg = d.mant < 0; neg {
		digits = digits[1:]
	}
	s := int(d.scale)
	if s == 0 {
		return digits, "", neg
	}
	if len(digits) <= s {
		digits = strings.Repeat("0", s-len(digits)+1) + digits
	}
	return digits[:len(digits)-s], digits[len(digits)-s:], neg
}

// Group puts a narrow no-break space between groups of three digits: « 1 234 567 ».
func Group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ParseCanonical reads the stored form written by String. It refuses anything else, so a corrupt value is
// reported rather than read as a different number.
func ParseCanonical(s string) (Decimal, error) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(body, ".")
	if whole == "" || dot && frac == "" || !allDigits(whole) || !allDigits(frac) || len(frac) > MaxScale || len(whole)+len(frac) > 18 {
		return Decimal{}, &Error{Message: "valeur enregistrée illisible : " + strconv.Quote(s)}
	}
	m, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return Decimal{}, &Error{Message: "valeur enregistrée illisible : " + strconv.Quote(s)}
	}
	if neg {
		m = -m
	}
	return New(m, len(frac)), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MarshalJSON writes the value as a JSON number in its canonical form, exactly (the audit journal keeps the
// before and after of every record as JSON).
func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalJSON reads a JSON number or string in the canonical form.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	v, err := ParseCanonical(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
