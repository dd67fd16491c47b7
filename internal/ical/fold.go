package ical

import (
	"bytes"
	"unicode/utf8"
)

// maxOctets is the longest content line RFC 5545 §3.1 allows, not counting the CRLF.
const maxOctets = 75

// line writes one content line, folded: each continuation starts with a space, which counts towards its
// 75 octets, and a cut never falls inside a UTF-8 sequence, so every physical line stays valid UTF-8.
func line(b *bytes.Buffer, s string) {
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxOctets - 1
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
