package odt

import (
	"strings"
	"time"
)

// MediaType is the media type of an OpenDocument text, written first in the archive.
const MediaType = "application/vnd.oasis.opendocument.text"

// Meta is what meta.xml says about the document.
type Meta struct {
	Title    string
	Subject  string
	Author   string    // the authority, for instance
	Language string    // BCP 47, "fr-FR" when empty
	Created  time.Time // also the date of every zip entry, so one input gives the same bytes
}

// Document accumulates the body of one text document.
type Document struct {
	meta     Meta
	body     strings.Builder
	headings []heading
	toc      []tocMark // where tables of contents go, filled in when the document is written
	images   []image
	tables   int
	// tableStyles are the automatic styles of the tables, written in content.xml's head.
	tableStyles []tableStyle
}

// heading is one heading as the table of contents lists it.
type heading struct {
	level  int
	text   string
	anchor string
}

// New starts an empty document.
func New(m Meta) *Document {
	if m.Language == "" {
		m.Language = "fr-FR"
	}
	return &Document{meta: m}
}

// Headings returns the document's headings so far, indented by level, one per line: what the table of
// contents will list.
func (d *Document) Headings() []string {
	out := make([]string, len(d.headings))
	for i, h := range d.headings {
		out[i] = strings.Repeat("  ", h.level-1) + h.text
	}
	return out
}
