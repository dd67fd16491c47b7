package tabular

import "strings"

// delimiters are tried in this order when counts tie: French Excel writes ';', so it wins ties.
var delimiters = []rune{';', '\t', ','}

// detectDelimiter picks the delimiter that occurs most often, outside quotes, in the first non-empty line.
func detectDelimiter(text string) rune {
	line := firstLine(text)
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted:
			counts[r]++
		}
	}
	best := delimiters[0]
	for _, d := range delimiters {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

func firstLine(text string) string {
	for len(text) > 0 {
		i := strings.IndexAny(text, "\r\n")
		if i < 0 {
			return text
		}
		if strings.TrimSpace(text[:i]) != "" {
			return text[:i]
		}
		text = text[i+1:]
	}
	return ""
}
