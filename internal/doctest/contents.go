package doctest

import (
	"regexp"
	"strconv"
	"strings"
)

// The table of contents as LibreOffice lays it out: read from PDFLayout's text, so that a test can check
// the page numbers LibreOffice filled in against the pages the headings are on.

// tocEntry is a line of a table of contents: a title, dot leaders, a page number.
var tocEntry = regexp.MustCompile(`^\s*(.*?)\s*\.{4,}\s*(\d+)\s*$`)

// ContentsPages returns the page number the table of contents gives each entry, by its title (the first
// entry of a title wins); a title that wraps is joined back from its lines.
func ContentsPages(layout string) map[string]int {
	pages := map[string]int{}
	var pending []string
	for _, line := range strings.Split(strings.ReplaceAll(layout, "\f", "\n"), "\n") {
		m := tocEntry.FindStringSubmatch(line)
		if m == nil {
			if t := strings.TrimSpace(line); t != "" && len(pending) < 3 {
				pending = append(pending, t)
			} else {
				pending = nil
			}
			continue
		}
		title := strings.Join(append(pending, m[1]), " ")
		if n, err := strconv.Atoi(m[2]); err == nil {
			if _, seen := pages[title]; !seen {
				pages[title] = n
			}
			if _, seen := pages[m[1]]; !seen && len(pending) > 0 {
				pages[m[1]] = n
			}
		}
		pending = nil
	}
	return pages
}

// PageOf returns the number (from 1) of the first page after page from whose text has a line that is
// exactly heading, spaces aside; 0 when none has.
func PageOf(layout, heading string, from int) int {
	for i, page := range strings.Split(layout, "\f") {
		if i+1 <= from {
			continue
		}
		for _, line := range strings.Split(page, "\n") {
			if strings.TrimSpace(line) == heading {
				return i + 1
			}
		}
	}
	return 0
}
