package consultation

import (
	"strconv"
	"time"
	"unicode/utf8"

	"boussole/internal/frfmt"
)

// frenchDate writes a day as « 15 mars 2027 ».
func frenchDate(t time.Time) string { return frfmt.Date(t) }

func itoa(n int) string { return strconv.Itoa(n) }

// short cuts s to n characters, with an ellipsis.
func short(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
