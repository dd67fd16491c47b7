package logframe

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

var months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

// FrenchDate formats a date the French way: « 1er janvier 2027 », « 25 novembre 2026 ».
func FrenchDate(d time.Time) string {
	day := strconv.Itoa(d.Day())
	if d.Day() == 1 {
		day = "1er"
	}
	return day + " " + months[d.Month()-1] + " " + strconv.Itoa(d.Year())
}

// quote puts a title between French guillemets, shortened to keep messages readable.
func quote(s string) string {
	const max = 60
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > max {
		s = strings.TrimSpace(string([]rune(s)[:max-1])) + "…"
	}
	return "«\u00a0" + s + "\u00a0»"
}

// capFirst capitalises the first letter of a sentence.
func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
