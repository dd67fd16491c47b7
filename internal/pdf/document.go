package pdf

import (
	"strings"
	"time"

	"boussole/internal/cleantext"
)

// Meta is what the PDF's information dictionary says.
type Meta struct {
	Title   string
	Subject string
	Author  string
	Created time.Time // also the modification date, so one input gives the same bytes
}

// Cover is the first page, without a page number.
type Cover struct {
	Authority string
	Title     string
	Subtitle  string
	Lines     []string
}

// Table is a table with a caption and a header row repeated on every page.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
	Widths  []float64 // relative; equal when empty or of the wrong length
}

// Style is the look of a paragraph.
type Style int

// Paragraph styles.
const (
	Body     Style = iota
	Note           // grey: what is missing, where to fill it in
	Centered       // centred body text
	Small          // small grey line
	DocTitle       // title of a document without a cover page
)

// Document records the blocks of one PDF.
type Document struct {
	meta  Meta
	ops   []func(*renderer)
	cover bool
}

// New starts an empty document.
func New(m Meta) *Document {
	m.Title, m.Subject, m.Author = drawable(m.Title), drawable(m.Subject), drawable(m.Author)
	return &Document{meta: m}
}

func clean(s string) string { return drawable(strings.ReplaceAll(cleantext.String(s), "\t", "    ")) }

// Cover appends the cover page; call it first.
func (d *Document) Cover(c Cover) {
	d.cover = true
	d.ops = append(d.ops, func(r *renderer) { r.cover(c) })
}

// TableOfContents appends a table of contents listing every heading of levels 1 and 2, with its page.
func (d *Document) TableOfContents(title string) {
	d.ops = append(d.ops, func(r *renderer) { r.toc(clean(title)) })
}

// Heading appends a heading of level 1 to 3; level 1 starts a new page.
func (d *Document) Heading(level int, text string) {
	level = min(max(level, 1), 3)
	text = drawable(cleantext.Line(text))
	d.ops = append(d.ops, func(r *renderer) { r.heading(level, text) })
}

// Paragraph appends body text; line breaks stay.
func (d *Document) Paragraph(text string) { d.Styled(Body, text) }

// Styled appends a paragraph in a style.
func (d *Document) Styled(s Style, text string) {
	text = clean(text)
	d.ops = append(d.ops, func(r *renderer) { r.paragraph(s, text) })
}

// Labelled appends « label : text » with the label in bold.
func (d *Document) Labelled(label, text string) {
	label, text = drawable(cleantext.Line(label)), clean(text)
	d.ops = append(d.ops, func(r *renderer) { r.labelled(label, text) })
}

// List appends a bulleted or numbered list.
func (d *Document) List(items []string, numbered bool) {
	cl := make([]string, len(items))
	for i, it := range items {
		cl[i] = clean(it)
	}
	d.ops = append(d.ops, func(r *renderer) { r.list(cl, numbered) })
}

// Table appends a table.
func (d *Document) Table(t Table) {
	t.Caption = drawable(cleantext.Line(t.Caption))
	t.Header = cleanRow(t.Header)
	rows := make([][]string, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = cleanRow(row)
	}
	t.Rows = rows
	d.ops = append(d.ops, func(r *renderer) { r.table(t) })
}

func cleanRow(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = clean(c)
	}
	return out
}
