// Package svg writes small, accessible SVG documents for the figures Boussole draws on the server.
//
// Every figure is a plain function from domain data to bytes; this package only holds what they all need:
// escaping, compact number formatting, and a document with a title and a description for screen readers.
//
// The writer itself guarantees well-formed output whatever text it is given: Esc cleans text before escaping
// it (see internal/cleantext), and Bytes drops from the finished document any character XML cannot hold, in
// case a figure wrote user text through Raw without Esc.
package svg

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"boussole/internal/cleantext"
)

// Doc accumulates the elements of one SVG document.
type Doc struct {
	b      strings.Builder
	width  float64
	height float64
}

// New starts a document of the given size whose accessible name is title and long description desc.
// The id prefix keeps aria references unique when several figures share one HTML page.
func New(idPrefix string, width, height float64, title, desc string) *Doc {
	d := &Doc{width: width, height: height}
	fmt.Fprintf(&d.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="%s-title %s-desc">`,
		Num(width), Num(height), Num(width), Num(height), Esc(idPrefix), Esc(idPrefix))
	fmt.Fprintf(&d.b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`,
		Esc(idPrefix), Esc(title), Esc(idPrefix), Esc(desc))
	return d
}

// Raw appends markup that the caller has already escaped.
func (d *Doc) Raw(s string) { d.b.WriteString(s) }

// Rawf appends formatted markup; arguments that carry user text must be passed through Esc first.
func (d *Doc) Rawf(format string, args ...any) { fmt.Fprintf(&d.b, format, args...) }

// Rect draws a rectangle; attrs is extra attribute markup such as `class="q1"`.
func (d *Doc) Rect(x, y, w, h float64, attrs string) {
	d.Rawf(`<rect x="%s" y="%s" width="%s" height="%s" %s/>`, Num(x), Num(y), Num(w), Num(h), attrs)
}

// Line draws a straight line.
func (d *Doc) Line(x1, y1, x2, y2 float64, attrs string) {
	d.Rawf(`<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>`, Num(x1), Num(y1), Num(x2), Num(y2), attrs)
}

// Circle draws a circle.
func (d *Doc) Circle(cx, cy, r float64, attrs string) {
	d.Rawf(`<circle cx="%s" cy="%s" r="%s" %s/>`, Num(cx), Num(cy), Num(r), attrs)
}

// Text writes escaped text at a point.
func (d *Doc) Text(x, y float64, attrs, text string) {
	d.Rawf(`<text x="%s" y="%s" %s>%s</text>`, Num(x), Num(y), attrs, Esc(text))
}

// Bytes closes the document and returns it.
func (d *Doc) Bytes() []byte {
	return []byte(cleantext.XML(d.b.String() + "</svg>"))
}

// Esc escapes text for use in SVG content and attribute values, after dropping what XML cannot hold and
// closing any bidi control left open (cleantext.String), so a label cannot break or reorder the figure.
func Esc(s string) string { return html.EscapeString(cleantext.String(s)) }

// Num formats a coordinate with at most two decimals and no trailing zeros, keeping documents small.
func Num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}
