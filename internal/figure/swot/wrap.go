package swot

import (
	"strings"
	"unicode/utf8"
)

// wrap breaks text into lines of at most width characters, on spaces where it can and inside over-long words
// where it must. More than maxLines lines are cut, the last one ending with an ellipsis.
// Widths are counted in characters: the figure uses an average glyph width rather than font metrics,
// which keeps it free of font files and identical on every machine.
func wrap(text string, width, maxLines int) []string {
	var lines []string
	var cur strings.Builder
	curLen := 0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curLen = 0
	}
	for _, word := range strings.Fields(text) {
		for utf8.RuneCountInString(word) > width {
			if curLen > 0 {
				flush()
			}
			head, tail := splitRunes(word, width)
			lines = append(lines, head)
			word = tail
		}
		n := utf8.RuneCountInString(word)
		if curLen > 0 && curLen+1+n > width {
			flush()
		}
		if curLen > 0 {
			cur.WriteByte(' ')
			curLen++
		}
		cur.WriteString(word)
		curLen += n
	}
	if curLen > 0 {
		flush()
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = ellipsis(lines[maxLines-1], width)
	}
	return lines
}

// splitRunes cuts s after n runes.
func splitRunes(s string, n int) (string, string) {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos], s[pos:]
		}
		i++
	}
	return s, ""
}

// ellipsis ends a cut line with « … », shortening it so it still fits.
func ellipsis(line string, width int) string {
	if utf8.RuneCountInString(line)+1 > width {
		line, _ = splitRunes(line, width-1)
	}
	return strings.TrimRight(line, " ") + "…"
}
