package ical

import (
	"strings"

	"boussole/internal/cleantext"
)

// escapeText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other
// control characters are not allowed in a content line and are dropped. The text is cleaned first
// (cleantext.String), so a vertical tab becomes a line break and bidi controls are balanced.
func escapeText(s string) string {
	s = cleantext.String(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t' || !isControl(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeList escapes each item of a multi-valued TEXT property and joins them with the unescaped comma that
// separates values.
func escapeList(items []string) string {
	esc := make([]string, len(items))
	for i, it := range items {
		esc[i] = escapeText(it)
	}
	return strings.Join(esc, ",")
}

// stripControls drops control characters and line breaks from a URI value, which RFC 5545 does not escape.
func stripControls(s string) string {
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, cleantext.String(s))
}

// isControl is the CONTROL rule of RFC 5545 (tab aside), with line breaks.
func isControl(r rune) bool { return r < 0x20 || r == 0x7f }
