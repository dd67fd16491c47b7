package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// readFlatYAML reads the flat "key: value" maps of the open-sdg translation files.
// It understands only what those files use: one top-level key per entry, a plain or single-quoted
// scalar that may continue on indented lines (folded with a space). Anything else is an error, so a
// change of format upstream is noticed instead of silently misread.
func readFlatYAML(r io.Reader) (map[string]string, error) {
	out := map[string]string{}
	var key string
	var parts []string
	flush := func() error {
		if key == "" {
			return nil
		}
		v, err := yamlScalar(strings.Join(parts, " "))
		if err != nil {
			return fmt.Errorf("clé %s : %w", key, err)
		}
		out[key] = v
		return nil
	}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		switch {
		case strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#"):
			continue
		case text[0] == ' ':
			if key == "" {
				return nil, fmt.Errorf("line %d: continuation before any key", line)
			}
			parts = append(parts, strings.TrimSpace(text))
		default:
			if err := flush(); err != nil {
				return nil, err
			}
			k, v, ok := strings.Cut(text, ": ")
			if !ok {
				return nil, fmt.Errorf("line %d: expected \"key: value\"", line)
			}
			key, parts = k, []string{strings.TrimSpace(v)}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, sc.Err()
}

// yamlScalar unquotes a single-quoted scalar and rejects the block and double-quoted styles we do not handle.
func yamlScalar(s string) (string, error) {
	switch {
	case strings.HasPrefix(s, "'"):
		if !strings.HasSuffix(s, "'") || len(s) < 2 {
			return "", fmt.Errorf("unterminated single-quoted scalar")
		}
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'"), nil
	case strings.HasPrefix(s, `"`), strings.HasPrefix(s, "|"), strings.HasPrefix(s, ">"):
		return "", fmt.Errorf("unsupported YAML scalar style: %.20q", s)
	}
	return s, nil
}

// squeeze collapses runs of white space, which the source files sometimes carry inside titles.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }
