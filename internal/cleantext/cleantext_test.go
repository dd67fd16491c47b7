package cleantext

import (
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain text is returned as is", "Jumelage avec Kairouan", "Jumelage avec Kairouan"},
		{"accents and typography", "Éducation · « coopération » — 1\u202f234 €", "Éducation · « coopération » — 1\u202f234 €"},
		{"vertical tab from Word's Shift+Enter is a line break", "Comité\vde pilotage", "Comité\nde pilotage"},
		{"NUL and low controls are dropped", "a\x00b\x01c\x02d\x03e\x1bf", "abcdef"},
		{"DEL and C1 controls are dropped", "a\x7fb\u0080c\u009fd", "abcd"},
		{"next line is a line break", "a\u0085b", "a\nb"},
		{"form feed is a line break", "a\fb", "a\nb"},
		{"tab and line feed are kept", "a\tb\nc", "a\tb\nc"},
		{"CR LF and lone CR become LF", "a\r\nb\rc", "a\nb\nc"},
		{"invalid UTF-8 is marked", "caf\xe9 ok", "caf\ufffd ok"},
		{"non-characters FFFE and FFFF are dropped", "a\ufffeb\uffffc", "abc"},
		{"ZWJ emoji sequence is whole", "👩🏽‍🌾 agricultrice", "👩🏽‍🌾 agricultrice"},
		{"flag tag sequence is whole", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"},
		{"zero-width non-joiner and soft hyphen are kept", "a\u200cb\u00adc", "a\u200cb\u00adc"},
		{"balanced override is kept", "x\u202eabc\u202cy", "x\u202eabc\u202cy"},
		{"open override is closed", "\u202eevil.exe", "\u202eevil.exe\u202c"},
		{"open isolate is closed", "\u2067مرحبا", "\u2067مرحبا\u2069"},
		{"nested openers close innermost first", "\u202b\u2066x", "\u202b\u2066x\u2069\u202c"},
		{"stray closers are dropped", "\u202ca\u2069b", "ab"},
		{"PDF does not close an embedding outside an isolate", "\u202bx\u2066y\u202cz\u2069w", "\u202bx\u2066yz\u2069w\u202c"},
		{"PDI closes the embeddings inside its isolate", "\u2067a\u202eb\u2069c", "\u2067a\u202eb\u2069c"},
		{"openers are closed at each line end", "\u202eun\ndeux", "\u202eun\u202c\ndeux"},
	}
	for _, c := range cases {
		if got := String(c.in); got != c.want {
			t.Errorf("%s: String(%+q) = %+q, want %+q", c.name, c.in, got, c.want)
		}
	}
}

func TestLine(t *testing.T) {
	if got := Line("Comité\vde\r\npilotage\tlocal"); got != "Comité de pilotage local" {
		t.Errorf("Line = %q", got)
	}
}

func TestXMLKeepsMarkupAndDropsWhatXMLCannotHold(t *testing.T) {
	in := "<svg a=\"1\">caf\xe9\x0b\x00 \u0085\ufffe👩🏽‍🌾\r\n</svg>"
	want := "<svg a=\"1\">caf\ufffd \U0001f469\U0001f3fd\u200d\U0001f33e\r\n</svg>"
	if got := XML(in); got != want {
		t.Errorf("XML = %+q, want %+q", got, want)
	}
	if s := "<a>ok</a>"; XML(s) != s {
		t.Error("XML changed clean markup")
	}
}

// FuzzString checks the promises on any input: the result is valid UTF-8, holds only characters XML accepts,
// parses as XML text once escaped, keeps its bidi controls balanced, and cleaning it again changes nothing.
func FuzzString(f *testing.F) {
	for _, s := range []string{"", "abc", "\v\x00\x01", "\u202e\u2066x\u202c\u2069\u2069", "caf\xe9", "\r\n\r", "👩🏽‍🌾\ufffe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := String(s)
		if !utf8.ValidString(got) {
			t.Fatalf("String(%+q) = %+q is not UTF-8", s, got)
		}
		if again := String(got); again != got {
			t.Fatalf("not idempotent: %+q then %+q", got, again)
		}
		if XML(got) != got {
			t.Fatalf("String(%+q) = %+q holds a character XML cannot", s, got)
		}
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(got))
		if err := xml.Unmarshal([]byte("<t>"+b.String()+"</t>"), new(string)); err != nil {
			t.Fatalf("String(%+q) = %+q does not parse as XML: %v", s, got, err)
		}
		for _, line := range strings.Split(got, "\n") {
			if depth := bidiDepth(t, line); depth != 0 {
				t.Fatalf("line %+q of String(%+q) leaves %d bidi controls open", line, s, depth)
			}
		}
		if strings.ContainsAny(got, "\r\v\x00") {
			t.Fatalf("String(%+q) = %+q keeps a control", s, got)
		}
	})
}

// bidiDepth follows the openers and closers of one line and returns how many stay open; it fails on a
// closer that closes nothing.
func bidiDepth(t *testing.T, line string) int {
	var open []rune
	for _, r := range line {
		switch {
		case r == lre || r == rle || r == lro || r == rlo || r == lri || r == rli || r == fsi:
			open = append(open, r)
		case r == pdf:
			if len(open) == 0 || closerOf(open[len(open)-1]) != pdf {
				t.Fatalf("unmatched PDF in %+q", line)
			}
			open = open[:len(open)-1]
		case r == pdi:
			k := lastIsolate(open)
			if k < 0 {
				t.Fatalf("unmatched PDI in %+q", line)
			}
			open = open[:k]
		}
	}
	return len(open)
}

func FuzzXML(f *testing.F) {
	f.Add("<a>\x00\v</a>")
	f.Fuzz(func(t *testing.T, s string) {
		got := XML(s)
		if !utf8.ValidString(got) || XML(got) != got {
			t.Fatalf("XML(%+q) = %+q", s, got)
		}
		for _, r := range got {
			if !xmlChar(r) {
				t.Fatalf("XML(%+q) keeps %U", s, r)
			}
		}
	})
}

func TestXMLBytesIsXML(t *testing.T) {
	for _, s := range []string{"", "<a>b</a>", "é « » \t\n\r", "a\vb\x00c", "\xff<x>", "\ufffe", "\u0085x", "\x7f"} {
		if got := string(XMLBytes([]byte(s))); got != XML(s) {
			t.Errorf("XMLBytes(%q) = %q, want %q", s, got, XML(s))
		}
	}
}
