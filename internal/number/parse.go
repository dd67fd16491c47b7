package number

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spec says what a field accepts: how many decimals at most and the bounds of the value.
type Spec struct {
	Decimals int      // decimals at most; 0 for a whole number
	Min, Max int64    // inclusive bounds of the value; Max × 10^Decimals must fit in an int64
	Suffixes []string // units people add after the number and that mean nothing more (« € », « % »)
	Example  string   // a valid value shown in messages, « 1 234,5 » if empty
	What     string   // what the field holds, for messages: « un montant en euros »; « un nombre » if empty
}

// IndicatorLimit is the largest indicator value, in absolute value: twelve digits, a thousand billion less one.
const IndicatorLimit = 999_999_999_999

// MaxEuros is the largest amount in euros a field accepts: its cents still fit, with room for sums, in an
// int64, and below 2^53 so any tool reading an export as floating point keeps every cent.
const MaxEuros = 999_999_999_999

// Indicator is the spec of an indicator's baseline and target values.
var Indicator = Spec{Decimals: 6, Min: -IndicatorLimit, Max: IndicatorLimit}

// Euros is the spec of an amount in euros, read to the cent.
var Euros = Spec{Decimals: 2, Min: 0, Max: MaxEuros, Suffixes: []string{"€", "euros", "euro", "EUR"}, Example: "12 500,50",
	What: "un montant en euros"}

// Whole is the spec of a whole number between lo and hi.
func Whole(lo, hi int64) Spec { return Spec{Min: lo, Max: hi} }

// Kind says why a value was refused, for callers that word their own message.
type Kind int

// The reasons a value is refused.
const (
	Empty     Kind = iota + 1 // nothing typed
	NotNumber                 // letters, symbols, « NaN »
	Infinite                  // « Infinity », « ∞ »
	Grouping                  // digits grouped wrongly, or two decimal separators
	Precision                 // more decimals than the field keeps
	Range                     // below Min or above Max
)

// Error is a refused value, with a French message fit to be shown next to the field.
type Error struct {
	Kind    Kind
	Message string
}

func (e *Error) Error() string { return e.Message }

// spaces are the characters accepted between groups of three digits.
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// Parse reads a number typed the French way (« 1 234,5 », with ordinary, no-break or narrow no-break spaces
// between thousands) or the English way (« 1234.5 »), with an optional sign. The one separator, comma or point,
// always starts the decimals: « 1.234 » is one and 234 thousandths. Two separators (« 1.234,5 », « 1,234.5 »)
// are refused rather than guessed. An empty text is an *Error of Kind Empty; ParseOptional reads it as unknown.
func Parse(s string, spec Spec) (Decimal, error) {
	typed := s
	s = strings.TrimSpace(s)
	if s == "" {
		return Decimal{}, &Error{Kind: Empty, Message: "Saisissez un nombre."}
	}
	if len(s) > 64 {
		return Decimal{}, spec.fail(NotNumber, "Ce texte est trop long pour être un nombre : saisissez des chiffres, par exemple "+spec.example()+".")
	}
	s = spec.trimSuffix(s)
	neg := false
	if r, n := utf8.DecodeRuneInString(s); r == '-' || r == '+' || r == '\u2212' {
		neg, s = r != '+', strings.TrimSpace(s[n:])
	}
	switch strings.ToLower(s) {
	case "nan":
		return Decimal{}, spec.fail(NotNumber, "« "+quoted(typed)+" » n'est pas un nombre : saisissez des chiffres, par exemple "+spec.example()+".")
	case "inf", "infinity", "infini", "∞":
		return Decimal{}, spec.fail(Infinite, "Une valeur infinie ne peut pas être enregistrée : saisissez un nombre fini, par exemple "+spec.example()+".")
	}
	whole, frac, err := spec.split(s, typed)
	if err != nil {
		return Decimal{}, err
	}
	whole, frac = strings.TrimLeft(whole, "0"), strings.TrimRight(frac, "0")
	if len(frac) > spec.Decimals {
		if spec.Decimals == 0 {
			return Decimal{}, spec.fail(Precision, "Saisissez un nombre entier, sans décimales.")
		}
		msg := plural(spec.Decimals, "décimale") + " au plus : vous en avez saisi " + strconv.Itoa(len(frac)) + "."
		if len(frac) == 3 {
			msg += " Pour séparer les milliers, mettez une espace : 1 234."
		}
		return Decimal{}, spec.fail(Precision, msg)
	}
	if len(whole) > 18 {
		return Decimal{}, spec.rangeError(neg)
	}
	var w, f int64
	if whole != "" {
		w, _ = strconv.ParseInt(whole, 10, 64) // at most 18 digits: cannot overflow
	}
	if frac != "" {
		f, _ = strconv.ParseInt(frac, 10, 64)
	}
	if w > max(spec.Max, -spec.Min) { // before scaling, so that the mantissa cannot overflow
		return Decimal{}, spec.rangeError(neg)
	}
	m := w*pow10[len(frac)] + f
	if neg {
		m = -m
	}
	v := New(m, len(frac))
	if v.Cmp(Int(spec.Min)) < 0 || v.Cmp(Int(spec.Max)) > 0 {
		return Decimal{}, spec.rangeError(neg)
	}
	return v, nil
}

// ParseOptional reads an optional field: an empty text is an unknown value, nil, never zero.
func ParseOptional(s string, spec Spec) (*Decimal, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	d, err := Parse(s, spec)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// split checks the characters and the grouping, and returns the whole and decimal digits.
func (spec Spec) split(s, typed string) (whole, frac string, err error) {
	seps := strings.Count(s, ",") + strings.Count(s, ".")
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' && !isGroupSpace(r) {
			if unicode.IsSpace(r) {
				return "", "", spec.groupingError()
			}
			return "", "", spec.fail(NotNumber, "Saisissez "+spec.what()+" en chiffres, par exemple "+spec.example()+" : « "+quoted(typed)+" » n'en est pas un.")
		}
	}
	if seps > 1 {
		return "", "", spec.fail(Grouping, "Une seule virgule (ou un seul point) avant les décimales, et des espaces entre les milliers : par exemple "+spec.example()+".")
	}
	whole, frac, _ = strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	if strings.IndexFunc(frac, isGroupSpace) >= 0 {
		return "", "", spec.groupingError()
	}
	whole = strings.TrimRightFunc(whole, isGroupSpace)
	groups := strings.FieldsFunc(whole, isGroupSpace)
	for i, g := range groups {
		if i == 0 && len(g) > 3 && len(groups) > 1 || i > 0 && len(g) != 3 {
			return "", "", spec.groupingError()
		}
	}
	whole = strings.Join(groups, "")
	if whole == "" && frac == "" {
		return "", "", spec.fail(NotNumber, "Saisissez "+spec.what()+" en chiffres, par exemple "+spec.example()+" : « "+quoted(typed)+" » n'en est pas un.")
	}
	return whole, frac, nil
}

func (spec Spec) groupingError() error {
	return spec.fail(Grouping, "Groupez les chiffres par trois, séparés par une espace (1 234 567), ou ne les séparez pas.")
}

func (spec Spec) rangeError(neg bool) error {
	lo, hi := Int(spec.Min).French(), Int(spec.Max).French()
	switch {
	case neg && spec.Min == 0:
		return spec.fail(Range, "Ce nombre ne peut pas être négatif.")
	case spec.Min == 0:
		return spec.fail(Range, "Saisissez un nombre d'au plus "+hi+".")
	}
	return spec.fail(Range, "Saisissez un nombre entre "+lo+" et "+hi+".")
}

func (spec Spec) fail(k Kind, msg string) error { return &Error{Kind: k, Message: msg} }

func (spec Spec) what() string {
	switch {
	case spec.What != "":
		return spec.What
	case spec.Decimals == 0:
		return "un nombre entier"
	}
	return "un nombre"
}

func (spec Spec) example() string {
	switch {
	case spec.Example != "":
		return spec.Example
	case spec.Decimals == 0:
		return "12"
	}
	return "1 234,5"
}

// trimSuffix drops a unit typed after the number (« 12 500 € »).
func (spec Spec) trimSuffix(s string) string {
	for _, u := range spec.Suffixes {
		if len(s) > len(u) && strings.EqualFold(s[len(s)-len(u):], u) {
			return strings.TrimSpace(s[:len(s)-len(u)])
		}
	}
	return s
}

// quoted shortens what was typed for a message.
func quoted(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 30 {
		return string([]rune(s)[:29]) + "…"
	}
	return s
}

func plural(n int, word string) string {
	if n > 1 {
		return strconv.Itoa(n) + " " + word + "s"
	}
	return strconv.Itoa(n) + " " + word
}

// Units returns the value as a whole number of 10^-scale units (cents for scale 2), and whether it is exact
// and fits.
func (d Decimal) Units(scale int) (int64, bool) {
	if scale < int(d.scale) || scale > MaxScale {
		return 0, false
	}
	p := pow10[scale-int(d.scale)]
	if d.mant > 0 && d.mant > (1<<63-1)/p || d.mant < 0 && d.mant < -(1<<63-1)/p {
		return 0, false
	}
	return d.mant * p, true
}

// ParseCents reads an amount in euros into cents, with the spec Euros.
func ParseCents(s string) (int64, error) {
	d, err := Parse(s, Euros)
	if err != nil {
		return 0, err
	}
	c, _ := d.Units(2) // two decimals at most and MaxEuros: always exact
	return c, nil
}

// ParseOptionalCents reads an optional amount in euros: empty is unknown, nil.
func ParseOptionalCents(s string) (*int64, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	c, err := ParseCents(s)
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// CentsField writes cents back into a form field: « 12 500 » or « 12 500,50 »; unknown stays empty.
func CentsField(c *int64) string {
	if c == nil {
		return ""
	}
	return New(*c, 2).Field()
}

// ParseWhole reads a whole number between lo and hi.
func ParseWhole(s string, lo, hi int64) (int64, error) {
	d, err := Parse(s, Whole(lo, hi))
	if err != nil {
		return 0, err
	}
	return d.mant, nil
}
