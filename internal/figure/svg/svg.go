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
	"bytes"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"

	"boussole/internal/cleantext"
)

// Doc accumulates the elements of one SVG document in a single buffer. Figures with hundreds of shapes write
// them piece by piece (Raw, Num, Int, Esc) rather than building a string per shape.
type Doc struct {
	b      []byte
	width  float64
	height float64
}

// New starts a document of the given size whose accessible name is title and long description desc.
// The id prefix keeps aria references unique when several figures share one HTML page.
func New(idPrefix string, width, height float64, title, desc string) *Doc {
	d := &Doc{width: width, height: height}
	d.b = fmt.Appendf(d.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="%s-title %s-desc">`,
		Num(width), Num(height), Num(width), Num(height), Esc(idPrefix), Esc(idPrefix))
	d.b = fmt.Appendf(d.b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`,
		Esc(idPrefix), Esc(title), Esc(idPrefix), Esc(desc))
	return d
}

// Grow makes room for n more bytes, for a figure that knows roughly how large it will be.
func (d *Doc) Grow(n int) { d.b = slices.Grow(d.b, n) }

// Raw appends markup that the caller has already escaped.
func (d *Doc) Raw(s string) { d.b = append(d.b, s...) }

// Rawf appends formatted markup; arguments that carry user text must be passed through Esc first.
func (d *Doc) Rawf(format string, args ...any) { d.b = fmt.Appendf(d.b, format, args...) }

// Num appends a coordinate as the function Num writes it.
func (d *Doc) Num(f float64) { d.b = AppendNum(d.b, f) }

// Int appends an integer.
func (d *Doc) Int(n int) { d.b = strconv.AppendInt(d.b, int64(n), 10) }

// Append lets an appending writer (strconv, frfmt) write into the document; what it writes must be escaped.
func (d *Doc) Append(write func(b []byte) []byte) { d.b = write(d.b) }

// Esc appends text escaped as the function Esc does.
func (d *Doc) Esc(s string) { d.b = AppendEsc(d.b, s) }

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

// Bytes closes the document and returns it, sharing the document's buffer: nothing is written to the
// document after.
func (d *Doc) Bytes() []byte {
	n := len(d.b)
	out := cleantext.XMLBytes(append(d.b, "</svg>"...))
	d.b = d.b[:n] // a second call closes it again, once
	return out
}

// Esc escapes text for use in SVG content and attribute values, after dropping what XML cannot hold and
// closing any bidi control left open (cleantext.String), so a label cannot break or reorder the figure.
func Esc(s string) string { return html.EscapeString(cleantext.String(s)) }

// AppendEsc appends Esc(s) to b, without a string of its own.
func AppendEsc(b []byte, s string) []byte { return AppendHTML(b, cleantext.String(s)) }

// AppendHTML appends s with the five escapes of html.EscapeString, the escaping templ's pages use too.
func AppendHTML(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b = append(append(b, s[last:i]...), esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// AppendNum appends Num(f) to b.
func AppendNum(b []byte, f float64) []byte {
	n := len(b)
	b = strconv.AppendFloat(b, f, 'f', 2, 64)
	if bytes.IndexByte(b[n:], '.') >= 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if s := b[n:]; len(s) == 0 || string(s) == "-0" {
		b = append(b[:n], '0')
	}
	return b
}

// Num formats a coordinate with at most two decimals and no trailing zeros, keeping documents small.
func Num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}
