package odt

import (
	"fmt"
	"strings"

	"boussole/internal/cleantext"
)

// Paragraph styles a caller may choose; each is defined in styles.xml.
const (
	Body     = "Text_20_body"
	Note     = "Note"       // italic and grey: what is missing, where to fill it in
	Quote    = "Quotations" // indented: a text quoted from the guide or the deliberation
	Centered = "Centered"
	Small    = "Small" // a footnote-sized line, such as a content hash
	// DocTitle is the title of a document without a cover (a deliberation, a one-page summary).
	DocTitle = "Document_20_Title"
)

// Span is a run of text inside a paragraph.
type Span struct {
	Text   string
	Bold   bool
	Italic bool
}

// Heading appends a heading of level 1 to 3 (level 1 starts a new page) (deeper levels are written as level 3), listed in the table of
// contents.
func (d *Document) Heading(level int, text string) {
	level = min(max(level, 1), 3)
	text = cleantext.Line(text)
	anchor := fmt.Sprintf("__RefHeading__%d", len(d.headings)+1)
	d.headings = append(d.headings, heading{level: level, text: text, anchor: anchor})
	fmt.Fprintf(&d.body, `<text:h text:style-name="Heading_20_%d" text:outline-level="%d"><text:bookmark text:name="%s"/>%s</text:h>`,
		level, level, anchor, inline(text))
}

// Paragraph appends a body paragraph; line breaks in text stay line breaks.
func (d *Document) Paragraph(text string) { d.Styled(Body, text) }

// Styled appends a paragraph in one of the styles above.
func (d *Document) Styled(style, text string) {
	d.Runs(style, Span{Text: text})
}

// Runs appends a paragraph made of spans, some of them bold or italic.
func (d *Document) Runs(style string, spans ...Span) {
	fmt.Fprintf(&d.body, `<text:p text:style-name="%s">`, attr(style))
	writeSpans(&d.body, spans)
	d.body.WriteString(`</text:p>`)
}

// Labelled appends « label : text » with the label in bold, the form of a field in a record.
func (d *Document) Labelled(label, text string) {
	d.Runs(Body, Span{Text: label + " : ", Bold: true}, Span{Text: text})
}

// PageBreak starts a new page.
func (d *Document) PageBreak() {
	d.body.WriteString(`<text:p text:style-name="PageBreak"/>`)
}

func writeSpans(b *strings.Builder, spans []Span) {
	for _, s := range spans {
		style := ""
		switch {
		case s.Bold && s.Italic:
			style = "BoldItalic"
		case s.Bold:
			style = "Strong"
		case s.Italic:
			style = "Emphasis"
		}
		if style == "" {
			b.WriteString(inline(cleantext.String(s.Text)))
			continue
		}
		fmt.Fprintf(b, `<text:span text:style-name="%s">%s</text:span>`, style, inline(cleantext.String(s.Text)))
	}
}

// inline escapes cleaned text for a paragraph's content: line feeds become line breaks, tabs become tabs
// and runs of spaces are kept, as ODF collapses white space like HTML.
func inline(s string) string {
	var b strings.Builder
	spaces := 0
	flush := func() {
		switch {
		case spaces == 1:
			b.WriteByte(' ')
		case spaces > 1:
			fmt.Fprintf(&b, ` <text:s text:c="%d"/>`, spaces-1)
		}
		spaces = 0
	}
	for _, r := range s {
		if r == ' ' {
			spaces++
			continue
		}
		flush()
		switch r {
		case '\n':
			b.WriteString(`<text:line-break/>`)
		case '\t':
			b.WriteString(`<text:tab/>`)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	flush()
	return b.String()
}

// attr escapes cleaned one-line text for an attribute value.
func attr(s string) string {
	var b strings.Builder
	for _, r := range cleantext.Line(s) {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
