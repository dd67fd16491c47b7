package odt

import (
	"fmt"
	"strings"
)

// tocMark is a table of contents waiting for the headings that follow it.
type tocMark struct {
	offset int // where in the body it goes
	title  string
}

// TableOfContents appends a table of contents of the headings of levels 1 to 3, the whole document's (those
// after it included).
func (d *Document) TableOfContents(title string) {
	d.toc = append(d.toc, tocMark{offset: d.body.Len(), title: title})
}

// body returns the document's body with its tables of contents written in.
func (d *Document) bodyXML() string {
	if len(d.toc) == 0 {
		return d.body.String()
	}
	s := d.body.String()
	var b strings.Builder
	last := 0
	for _, m := range d.toc {
		b.WriteString(s[last:m.offset])
		d.writeTOC(&b, m.title)
		last = m.offset
	}
	b.WriteString(s[last:])
	return b.String()
}

func (d *Document) writeTOC(b *strings.Builder, title string) {
	t := attr(title)
	fmt.Fprintf(b, `<text:table-of-content text:style-name="TOCSection" text:protected="true" text:name="%s">`, t)
	fmt.Fprintf(b, `<text:table-of-content-source text:outline-level="3"><text:index-title-template text:style-name="Contents_20_Heading">%s</text:index-title-template>`, t)
	for lvl := 1; lvl <= 3; lvl++ {
		fmt.Fprintf(b, `<text:table-of-content-entry-template text:outline-level="%d" text:style-name="Contents_20_%d"><text:index-entry-link-start text:style-name="Index_20_Link"/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template>`, lvl, lvl)
	}
	b.WriteString(`</text:table-of-content-source><text:index-body>`)
	fmt.Fprintf(b, `<text:index-title text:style-name="TOCSection" text:name="%s_Head"><text:p text:style-name="Contents_20_Heading">%s</text:p></text:index-title>`, t, t)
	// Each entry's page number is a reference to the bookmark on its heading: LibreOffice and Word lay the
	// document out and fill it in when they open it (we do not paginate), and updating the index in
	// LibreOffice rewrites the entries from the templates above, page numbers included.
	for _, h := range d.headings {
		fmt.Fprintf(b, `<text:p text:style-name="Contents_20_%d"><text:a xlink:type="simple" xlink:href="#%s" text:style-name="Index_20_Link" text:visited-style-name="Index_20_Link">%s</text:a><text:tab/><text:bookmark-ref text:reference-format="page" text:ref-name="%s">?</text:bookmark-ref></text:p>`,
			h.level, h.anchor, inline(h.text), h.anchor)
	}
	b.WriteString(`</text:index-body></text:table-of-content>`)
}
