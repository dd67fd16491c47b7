package stakeholder

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold reduces a name to a comparison key: lower case, no accents, ligatures spelled out, and every run of
// punctuation or space turned into one space, so « Université  d'Été » and « universite d ete » match.
// It is private because the shared folding package did not exist yet when this was written.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(spellOut(unicode.ToLower(r)))
		default:
			space = true
		}
	}
	return b.String()
}

// spellOut expands the letters NFD leaves whole.
func spellOut(r rune) string {
	switch r {
	case 'œ':
		return "oe"
	case 'æ':
		return "ae"
	case 'ß':
		return "ss"
	}
	return string(r)
}
