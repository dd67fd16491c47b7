// Package cleantext makes user text safe to write into every format Boussole produces: HTML, SVG and ODF (XML
// 1.0), iCalendar and the databases. It is applied where text comes in (every submitted form) and again by the
// writers (SVG, iCalendar), so text stored before it existed, or brought in by an import, cannot break a figure.
//
// It drops only what those formats cannot hold or what would reach beyond the text itself:
//   - control characters other than tab and line feed (U+0000–U+001F, U+007F–U+009F): NUL, which PostgreSQL
//     refuses, and the vertical tab that Word's Shift+Enter pastes, which no XML parser accepts. Line breaks
//     (CR LF, lone CR, vertical tab, form feed, U+0085) become a line feed, so the break the author meant stays;
//   - bytes that are not UTF-8 (each becomes U+FFFD) and the non-characters U+FFFE and U+FFFF;
//   - unbalanced bidirectional controls: embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069)
//     are kept as text, but every one still open is closed at the end of each line and of the text, and a
//     closer with nothing to close is dropped, so no text can reorder the words of the page around it.
//
// Everything else is kept, including zero-width joiners, variation selectors and tag characters, so emoji
// sequences such as 👩🏽‍🌾 stay whole.
package cleantext

import (
	"strings"
	"unicode/utf8"
)

// Bidirectional formatting characters.
const (
	lre = '\u202a' // left-to-right embedding
	rle = '\u202b' // right-to-left embedding
	pdf = '\u202c' // pop directional formatting: closes an embedding or override
	lro = '\u202d' // left-to-right override
	rlo = '\u202e' // right-to-left override
	lri = '\u2066' // left-to-right isolate
	rli = '\u2067' // right-to-left isolate
	fsi = '\u2068' // first strong isolate
	pdi = '\u2069' // pop directional isolate: closes an isolate and the embeddings opened inside it
)

// String returns s made safe as described in the package comment. It returns s itself when nothing needs to
// change, so cleaning is cheap on ordinary text, and String(String(s)) == String(s).
func String(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	var open []rune // bidi openers not yet closed, innermost last
	closeAll := func() {
		for i := len(open) - 1; i >= 0; i-- {
			b.WriteRune(closerOf(open[i]))
		}
		open = open[:0]
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			closeAll()
			b.WriteByte('\n')
		case r == '\n' || r == '\v' || r == '\f' || r == '\u0085':
			closeAll()
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte('\t')
		case isControl(r) || r == '\ufffe' || r == '\uffff':
			// dropped
		case r == lre || r == rle || r == lro || r == rlo || r == lri || r == rli || r == fsi:
			open = append(open, r)
			b.WriteRune(r)
		case r == pdf:
			// A PDF closes the innermost embedding only when no isolate was opened after it.
			if n := len(open); n > 0 && closerOf(open[n-1]) == pdf {
				open = open[:n-1]
				b.WriteRune(r)
			}
		case r == pdi:
			// A PDI closes the innermost isolate and, implicitly, every embedding opened inside it.
			if k := lastIsolate(open); k >= 0 {
				open = open[:k]
				b.WriteRune(r)
			}
		default:
			b.WriteRune(r)
		}
	}
	closeAll()
	return b.String()
}

// Line is String for one-line values such as titles and names: line breaks and tabs become single spaces.
func Line(s string) string {
	s = String(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// XML drops from s, which may be markup, the characters XML 1.0 cannot hold at all, and nothing else: it is
// the last pass of a document writer, a guarantee that the output parses whatever a caller forgot to clean.
func XML(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if !xmlChar(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\ufffd"))
}

// XMLBytes is XML for a document being written: it returns b itself when every character is one XML can
// hold, which is the rule, and a cleaned copy otherwise. ASCII bytes are checked one by one, and only the
// others decoded as runes.
func XMLBytes(b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
				return []byte(XML(string(b)))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if (r == utf8.RuneError && size == 1) || !xmlChar(r) {
			return []byte(XML(string(b)))
		}
		i += size
	}
	return b
}

// clean reports whether String would return s unchanged: valid UTF-8, no character it drops or rewrites, and
// no bidi control at all (balanced or not, those take the slow path).
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			return cleanRunes(s[i:])
		}
	}
	return true
}

func cleanRunes(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
		switch {
		case r < 0x20 && r != '\t' && r != '\n', r >= 0x7f && r <= 0x9f, r == '\ufffe', r == '\uffff',
			r >= lre && r <= rlo, r >= lri && r <= pdi:
			return false
		}
	}
	return true
}

func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) }

// xmlChar is the Char production of XML 1.0 (fifth edition), without the discouraged C1 controls.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		return false
	case r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
		return false
	}
	return r <= 0x10ffff
}

func closerOf(opener rune) rune {
	if opener == lri || opener == rli || opener == fsi {
		return pdi
	}
	return pdf
}

func lastIsolate(open []rune) int {
	for k := len(open) - 1; k >= 0; k-- {
		if closerOf(open[k]) == pdi {
			return k
		}
	}
	return -1
}
