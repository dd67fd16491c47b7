// Package textkey computes the normalised search keys that Boussole stores and
// compares, so that « Évry », « EVRY » and « evry » are the same key.
package textkey

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold returns s in lower case with accents removed, ligatures spelt out
// (œ → oe), and every run of punctuation, apostrophes, hyphens and spaces
// turned into a single space, trimmed at both ends. Letters and digits of
// other scripts are kept, lower-cased.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true // drops leading separators
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				b.WriteByte(byte(r))
				space = false
			case 'A' <= r && r <= 'Z':
				b.WriteByte(byte(r) + 'a' - 'A')
				space = false
			default:
				if !space {
					b.WriteByte(' ')
					space = true
				}
			}
			continue
		}
		if f, ok := foldRune(r); ok {
			b.WriteString(f)
			space = false
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent left by decomposed input
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}

// isFolded reports whether s is already a key, so that folding stored keys
// again costs no allocation.
func isFolded(s string) bool {
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			space = false
		case c == ' ' && !space:
			space = true
		default:
			return false
		}
	}
	return !space || s == ""
}
