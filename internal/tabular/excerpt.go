package tabular

import (
	"strings"
	"unicode/utf8"
)

// MaxQuote is how many characters of a bad line an error message quotes: a line read with the wrong
// separator, or a quote left open, can hold a whole file's worth of text.
const MaxQuote = 80

// Excerpt returns s whole when it is short, else its first MaxQuote characters followed by « … ».
func Excerpt(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= MaxQuote {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxQuote {
			return strings.TrimSpace(s[:i]) + "…"
		}
		n++
	}
	return s
}
