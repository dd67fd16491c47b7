package number

import (
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"unicode"
)

func TestParseAccepts(t *testing.T) {
	for _, tc := range []struct {
		in   string
		spec Spec
		want string // canonical form
	}{
		{"0", Indicator, "0"},
		{"12", Indicator, "12"},
		{"1234.5", Indicator, "1234.5"},
		{"1234,5", Indicator, "1234.5"},
		{"1 234,5", Indicator, "1234.5"},
		{"1\u00a0234,5", Indicator, "1234.5"},
		{"1\u202f234\u202f567,89", Indicator, "1234567.89"},
		{"1\u2009234", Indicator, "1234"},
		{"  42  ", Indicator, "42"},
		{"\u00a042\u202f", Indicator, "42"},
		{"-3,25", Indicator, "-3.25"},
		{"+3,25", Indicator, "3.25"},
		{"\u22123,25", Indicator, "-3.25"},
		{"- 3", Indicator, "-3"},
		{",5", Indicator, "0.5"},
		{"5,", Indicator, "5"},
		{"007", Indicator, "7"},
		{"0,100", Indicator, "0.1"},
		{"1.234", Indicator, "1.234"}, // the one separator always starts the decimals
		{"1,500000", Indicator, "1.5"},
		{"0,000001", Indicator, "0.000001"},
		{"999 999 999 999", Indicator, "999999999999"},
		{"-999999999999", Indicator, "-999999999999"},
		{"-999999999998,999999", Indicator, "-999999999998.999999"},
		{"-0", Indicator, "0"},
		{"-0", Euros, "0"},
		{"12 500 €", Euros, "12500"},
		{"12500,50€", Euros, "12500.5"},
		{"12 500,50 euros", Euros, "12500.5"},
		{"12,500", Euros, "12.5"}, // trailing zeros beyond the precision change nothing
		{"999 999 999 999", Euros, "999999999999"},
		{"999 999 999 998,99", Euros, "999999999998.99"},
		{"100", Whole(0, 100), "100"},
		{"2026", Whole(2000, 2100), "2026"},
		{"-5", Whole(-3650, 3650), "-5"},
	} {
		d, err := Parse(tc.in, tc.spec)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if d.String() != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.in, d, tc.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, tc := range []struct {
		in   string
		spec Spec
		kind Kind
		msg  string // part of the message
	}{
		{"", Indicator, Empty, "Saisissez un nombre"},
		{"   ", Indicator, Empty, "Saisissez un nombre"},
		{"NaN", Indicator, NotNumber, "« NaN » n'est pas un nombre"},
		{"nan", Euros, NotNumber, "n'est pas un nombre"},
		{"-NaN", Indicator, NotNumber, "n'est pas un nombre"},
		{"Infinity", Indicator, Infinite, "valeur infinie"},
		{"-Infinity", Indicator, Infinite, "valeur infinie"},
		{"+Inf", Indicator, Infinite, "valeur infinie"},
		{"∞", Indicator, Infinite, "valeur infinie"},
		{"douze", Indicator, NotNumber, "« douze » n'en est pas un"},
		{"12abc", Indicator, NotNumber, "en chiffres"},
		{"1e6", Indicator, NotNumber, "en chiffres"},
		{"0x10", Indicator, NotNumber, "en chiffres"},
		{"12 %", Indicator, NotNumber, "en chiffres"},
		{"-", Indicator, NotNumber, "en chiffres"},
		{"--5", Indicator, NotNumber, "en chiffres"},
		{",", Indicator, NotNumber, "en chiffres"},
		{"١٢", Indicator, NotNumber, "en chiffres"},
		{"1.234,5", Indicator, Grouping, "Une seule virgule"},
		{"1,234.5", Indicator, Grouping, "Une seule virgule"},
		{"1.234.567", Indicator, Grouping, "Une seule virgule"},
		{"12 34", Indicator, Grouping, "par trois"},
		{"1234 567", Indicator, Grouping, "par trois"},
		{"1 2345", Indicator, Grouping, "par trois"},
		{"3,141 59", Indicator, Grouping, "par trois"},
		{"12\t345", Indicator, Grouping, "par trois"},
		{"12,345", Euros, Precision, "2 décimales au plus : vous en avez saisi 3. Pour séparer les milliers, mettez une espace : 1 234."},
		{"1,2345", Euros, Precision, "vous en avez saisi 4."},
		{"0,0000001", Indicator, Precision, "6 décimales au plus"},
		{"2,5", Whole(0, 100), Precision, "nombre entier, sans décimales"},
		{"9223372036854775808", Indicator, Range, "entre \u2212999\u202f999\u202f999\u202f999 et 999\u202f999\u202f999\u202f999"},
		{"9223372036854775807", Indicator, Range, "entre"},
		{"99999999999999999999999999", Indicator, Range, "entre"},
		{"1 000 000 000 000", Indicator, Range, "entre"},
		{"999999999999,5", Indicator, Range, "entre"},
		{"-1000000000000", Indicator, Range, "entre"},
		{"-5", Euros, Range, "ne peut pas être négatif"},
		{"-0,01", Euros, Range, "ne peut pas être négatif"},
		{"999 999 999 999,01", Euros, Range, "d'au plus 999\u202f999\u202f999\u202f999"},
		{"1 000 000 000 000", Euros, Range, "d'au plus 999\u202f999\u202f999\u202f999"},
		{"101", Whole(0, 100), Range, "d'au plus 100"},
		{"1999", Whole(2000, 2100), Range, "entre 2\u202f000 et 2\u202f100"},
		{strings.Repeat("1", 65), Indicator, NotNumber, "trop long"},
	} {
		_, err := Parse(tc.in, tc.spec)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, want a refusal", tc.in, err)
			continue
		}
		if e.Kind != tc.kind || !strings.Contains(e.Message, tc.msg) {
			t.Errorf("Parse(%q): kind %d %q, want kind %d with %q", tc.in, e.Kind, e.Message, tc.kind, tc.msg)
		}
	}
}

func TestParseOptional(t *testing.T) {
	if d, err := ParseOptional(" \u00a0", Indicator); d != nil || err != nil {
		t.Errorf("empty: %v, %v; want unknown", d, err)
	}
	if d, err := ParseOptional("0", Indicator); err != nil || d == nil || d.Sign() != 0 {
		t.Errorf("0: %v, %v; want a known zero", d, err)
	}
	if _, err := ParseOptional("NaN", Indicator); err == nil {
		t.Error("NaN accepted")
	}
	if c, err := ParseOptionalCents(""); c != nil || err != nil {
		t.Errorf("empty amount: %v, %v", c, err)
	}
	if c, err := ParseOptionalCents("12 500,5"); err != nil || c == nil || *c != 1_250_050 {
		t.Errorf("12 500,5 € = %v cents, %v", c, err)
	}
	if c, err := ParseCents("999 999 999 999"); err != nil || c != 99_999_999_999_900 {
		t.Errorf("largest amount = %d, %v", c, err)
	}
}

func TestFrench(t *testing.T) {
	for _, tc := range []struct {
		d      Decimal
		french string
		field  string
	}{
		{New(0, 0), "0", "0"},
		{New(12345, 1), "1\u202f234,5", "1\u202f234,5"},
		{New(-123456789, 2), "\u22121\u202f234\u202f567,89", "-1\u202f234\u202f567,89"},
		{New(5, 3), "0,005", "0,005"},
		{New(-5, 1), "\u22120,5", "-0,5"},
		{New(1500, 3), "1,5", "1,5"},
		{New(999, 0), "999", "999"},
		{Int(1000), "1\u202f000", "1\u202f000"},
	} {
		if got := tc.d.French(); got != tc.french {
			t.Errorf("French(%s) = %q, want %q", tc.d, got, tc.french)
		}
		if got := tc.d.Field(); got != tc.field {
			t.Errorf("Field(%s) = %q, want %q", tc.d, got, tc.field)
		}
		// What is written back into a form reads back as the same value.
		if back, err := Parse(tc.d.Field(), Indicator); err != nil || back != tc.d {
			t.Errorf("Parse(Field(%s)) = %s, %v", tc.d, back, err)
		}
	}
	c := int64(1_250_050)
	if got := CentsField(&c); got != "12\u202f500,5" {
		t.Errorf("CentsField = %q", got)
	}
	if got := CentsField(nil); got != "" {
		t.Errorf("CentsField(nil) = %q, want empty", got)
	}
}

func TestCmp(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"1.5", "1.2", 1}, {"-1.5", "-1.2", -1}, {"-1.5", "-2", 1}, {"0", "0", 0}, {"2", "2.0", 0},
		{"0.1", "0.09", 1}, {"-0.5", "0.3", -1}, {"999999999998.999999", "999999999998.99999", 1}, {"3", "12", -1},
	} {
		a, _ := Parse(tc.a, Indicator)
		b, _ := Parse(tc.b, Indicator)
		if got := a.Cmp(b); got != tc.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestCanonicalRoundTrip(t *testing.T) {
	for _, s := range []string{"0", "1234.5", "-0.000001", "999999999998.999999", "-999999999999"} {
		d, err := ParseCanonical(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseCanonical(%q) = %s, %v", s, d, err)
		}
	}
	// What databases may hand back for an old float column, padded by the migration, is normalised.
	if d, err := ParseCanonical("12.500000"); err != nil || d.String() != "12.5" {
		t.Errorf("padded: %s, %v", d, err)
	}
	for _, s := range []string{"", "1,5", "1e5", "NaN", "Inf", "+1", "1.", ".5", "1 000", "12345678901234567890"} {
		if _, err := ParseCanonical(s); err == nil {
			t.Errorf("ParseCanonical(%q) accepted", s)
		}
	}
}

func TestUnits(t *testing.T) {
	d, _ := Parse("12,5", Euros)
	if c, ok := d.Units(2); !ok || c != 1250 {
		t.Errorf("Units(2) = %d, %v", c, ok)
	}
	if _, ok := New(125, 3).Units(2); ok {
		t.Error("0,125 has no exact number of cents")
	}
	if _, ok := Int(1 << 62).Units(2); ok {
		t.Error("overflow not reported")
	}
}

// FuzzParse checks that whatever is typed, Parse either refuses it with a French message or returns a value
// within the spec, whose canonical and French forms read back as the same value, and which equals the exact
// value of what was typed.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"1 234,5", "1234.5", "-0,5", "NaN", "Infinity", "9223372036854775808", "1.234,5", "12 500 €",
		"\u202f1\u00a0234", ",5", "5,", "1e3", "-", "0,0000001", "999999999998,999999"} {
		f.Add(s, 0)
		f.Add(s, 1)
	}
	specs := []Spec{Indicator, Euros, Whole(-3650, 3650)}
	f.Fuzz(func(t *testing.T, s string, which int) {
		spec := specs[uint(which)%uint(len(specs))]
		d, err := Parse(s, spec)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Message == "" || e.Kind < Empty || e.Kind > Range {
				t.Fatalf("Parse(%q): bad refusal %#v", s, err)
			}
			return
		}
		if d.Cmp(Int(spec.Min)) < 0 || d.Cmp(Int(spec.Max)) > 0 || d.Scale() > spec.Decimals {
			t.Fatalf("Parse(%q) = %s, outside the spec", s, d)
		}
		if back, err := ParseCanonical(d.String()); err != nil || back != d {
			t.Fatalf("canonical round trip of %s: %s, %v", d, back, err)
		}
		if back, err := Parse(d.Field(), spec); err != nil || back != d {
			t.Fatalf("French round trip of %s (%q): %s, %v", d, d.Field(), back, err)
		}
		// The value equals what was typed, read independently with big.Rat.
		plain := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, spec.trimSuffix(strings.TrimSpace(s)))
		plain = strings.NewReplacer(",", ".", "\u2212", "-").Replace(plain)
		plain = strings.Replace(plain, "-", "-0", 1) // big.Rat refuses « -.5 »
		plain = strings.TrimPrefix(plain, "+")
		if strings.HasSuffix(plain, ".") {
			plain += "0"
		}
		want, ok := new(big.Rat).SetString("0" + strings.TrimPrefix(plain, "0"))
		if strings.HasPrefix(plain, "-") {
			want, ok = new(big.Rat).SetString(plain)
		}
		got, _ := new(big.Rat).SetString(d.String())
		if !ok || want.Cmp(got) != 0 {
			t.Fatalf("Parse(%q) = %s, want %v", s, d, want)
		}
	})
}

func TestJSON(t *testing.T) {
	type rec struct {
		Value   *Decimal
		Unknown *Decimal
	}
	b, err := json.Marshal(rec{Value: new(New(-12345, 1))})
	if err != nil || string(b) != `{"Value":-1234.5,"Unknown":null}` {
		t.Fatalf("json = %s, %v", b, err)
	}
	var back rec
	if err := json.Unmarshal(b, &back); err != nil || back.Value == nil || back.Value.String() != "-1234.5" || back.Unknown != nil {
		t.Fatalf("read back %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"Value":1e400}`), &back); err == nil {
		t.Error("an exponent was read as a decimal")
	}
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("1\u202f234\u202f567,89", Indicator); err != nil {
			b.Fatal(err)
		}
	}
}
