package store

import "strings"

// diagJoinLines stores a list of short texts (themes, services, stake codes) one per line, which both databases
// hold as plain text and which never needs a query inside it.
func diagJoinLines(list []string) string {
	var kept []string
	for _, s := range list {
		if s = strings.TrimSpace(strings.ReplaceAll(s, "\n", " ")); s != "" {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, "\n")
}

// diagSplitLines reads a list stored by diagJoinLines; an empty text gives nil.
func diagSplitLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}
