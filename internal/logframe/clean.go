package logframe

import (
	"strings"
	"unicode"
)

// CleanText tidies text pasted from a word processor without losing anything a reader would see: line ends
// become "\n", control characters, zero-width characters, soft hyphens and direction marks go, a run of several
// spaces, no-break or not, becomes one plain space (a lone no-break space stays: French typography needs it
// before « : ; ! ? »), trailing spaces on each line go, and the whole text is trimmed. Smart quotes, guillemets
// and dashes are kept.
func CleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	var run []rune // pending horizontal spaces
	var last rune  // the last rune written
	flush := func() {
		switch {
		case len(run) == 0:
		case len(run) == 1:
			b.WriteRune(run[0])
		default:
			b.WriteByte(' ')
		}
		run = run[:0]
	}
	for _, r := range s {
		switch {
		case r == '\r' || r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f':
			run = run[:0]
			b.WriteByte('\n')
		case r == '\n':
			run = run[:0] // drop trailing spaces
			b.WriteByte('\n')
		case r == ' ' || r == '\t' || isNBSP(r):
			run = append(run, r)
		case r == '\u200d' && emojiPart(last):
			// a zero-width joiner inside an emoji sequence (👩🏽‍🌾) is part of what the reader sees
			b.WriteRune(r)
			last = r
		case invisible(r):
			// dropped
		default:
			flush()
			b.WriteRune(r)
			last = r
		}
	}
	return strings.TrimSpace(b.String())
}

// CleanLine is CleanText for one-line fields such as titles: line breaks become spaces.
func CleanLine(s string) string {
	s = CleanText(s)
	if !strings.Contains(s, "\n") {
		return s
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// emojiPart reports a rune after which a zero-width joiner continues an emoji sequence: a pictograph, a skin
// tone modifier or the emoji variation selector.
func emojiPart(r rune) bool {
	return r == '\ufe0f' || (r >= 0x1f3fb && r <= 0x1f3ff) || (r >= 0x2600 && unicode.Is(unicode.So, r))
}

func isNBSP(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2007' }

// invisible reports characters that carry no visible content in pasted text.
func invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f':
		return true
	}
	return unicode.IsControl(r) || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}
