package odt

import (
	"strings"
	"time"

	"boussole/internal/cleantext"
)

// metaXML returns meta.xml: title, subject, author, language and dates, and the generator.
func (d *Document) metaXML() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<office:document-meta` + namespaces + `><office:meta>`)
	b.WriteString(`<meta:generator>Boussole</meta:generator>`)
	if d.meta.Title != "" {
		b.WriteString(`<dc:title>` + inline(cleantext.Line(d.meta.Title)) + `</dc:title>`)
	}
	if d.meta.Subject != "" {
		b.WriteString(`<dc:subject>` + inline(cleantext.Line(d.meta.Subject)) + `</dc:subject>`)
	}
	if d.meta.Author != "" {
		b.WriteString(`<meta:initial-creator>` + inline(cleantext.Line(d.meta.Author)) + `</meta:initial-creator><dc:creator>` + inline(cleantext.Line(d.meta.Author)) + `</dc:creator>`)
	}
	b.WriteString(`<dc:language>` + inline(cleantext.Line(d.meta.Language)) + `</dc:language>`)
	if !d.meta.Created.IsZero() {
		t := d.meta.Created.UTC().Format(time.RFC3339)
		b.WriteString(`<meta:creation-date>` + t + `</meta:creation-date><dc:date>` + t + `</dc:date>`)
	}
	b.WriteString(`</office:meta></office:document-meta>`)
	return b.String()
}
