package logframe

import (
	"strings"
	"unicode/utf8"
)

// wrap breaks text into at most maxLines lines of at most width characters, cutting at spaces; a word longer
// than a line is cut, and text that does not fit ends with « … ». Widths are counted in characters: the
// figure uses one sans-serif size, and French text averages close to 0.55 em per character.
func wrap(text string, width, maxLines int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(text) {
		for utf8.RuneCountInString(w) > width {
			if cur != "" {
				lines, cur = append(lines, cur), ""
			}
			r := []rune(w)
			lines, w = append(lines, string(r[:width])), string(r[width:])
		}
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines, cur = append(lines, cur), w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := []rune(lines[maxLines-1])
		if len(last) >= width {
			last = last[:width-1]
		}
		lines[maxLines-1] = strings.TrimRight(string(last), " ") + "…"
	}
	return lines
}
