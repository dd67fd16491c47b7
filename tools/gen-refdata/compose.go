package main

import (
	"fmt"
	"strings"
	"unicode"
)

// composed maps a base letter and a combining mark to the precomposed letter. The open-sdg files
// spell many accents as letter + combining mark (NFD), which looks right but breaks comparison and
// search; French needs only these five marks, so a small table replaces a Unicode library.
var composed = func() map[[2]rune]rune {
	marks := []struct {
		mark       rune
		bases, pre string
	}{
		{'\u0300', "aeiouAEIOU", "àèìòùÀÈÌÒÙ"},
		{'\u0301', "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"},
		{'\u0302', "aeiouAEIOU", "âêîôûÂÊÎÔÛ"},
		{'\u0308', "aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"},
		{'\u0327', "cC", "çÇ"},
	}
	m := map[[2]rune]rune{}
	for _, mk := range marks {
		pre := []rune(mk.pre)
		for i, b := range []rune(mk.bases) {
			m[[2]rune{b, mk.mark}] = pre[i]
		}
	}
	return m
}()

// compose returns s with letter + combining mark pairs replaced by precomposed letters, and an
// error if a combining mark is left that the table does not know.
func compose(s string) (string, error) {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if i+1 < len(rs) {
			if c, ok := composed[[2]rune{rs[i], rs[i+1]}]; ok {
				b.WriteRune(c)
				i++
				continue
			}
		}
		if unicode.Is(unicode.Mn, rs[i]) {
			return "", fmt.Errorf("combining mark %U not composed in %.40q", rs[i], s)
		}
		b.WriteRune(rs[i])
	}
	return b.String(), nil
}
