package odt

import (
	"strings"
)

// contentXML returns content.xml: the automatic styles the body needs (tables, cells, the cover's first
// paragraph, the table of contents' section, figure frames) and the body itself.
func (d *Document) contentXML() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<office:document-content` + namespaces + `>`)
	b.WriteString(`<office:font-face-decls><style:font-face style:name="` + font + `" svg:font-family="'` + font + `'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>`)
	b.WriteString(`<office:automatic-styles>`)
	b.WriteString(`<style:style style:name="CoverFirst" style:family="paragraph" style:parent-style-name="Cover_20_Authority" style:master-page-name="Cover"/>`)
	b.WriteString(`<style:style style:name="TOCSection" style:family="section"><style:section-properties style:editable="false"/></style:style>`)
	b.WriteString(`<style:style style:name="FigureFrame" style:family="graphic"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none" style:mirror="none" fo:clip="rect(0cm, 0cm, 0cm, 0cm)" draw:luminance="0%" draw:contrast="0%" draw:red="0%" draw:green="0%" draw:blue="0%" draw:gamma="100%" draw:color-inversion="false" draw:image-opacity="100%" draw:color-mode="standard"/></style:style>`)
	b.WriteString(`<style:style style:name="CellHead" style:family="table-cell"><style:table-cell-properties fo:background-color="#dfe6f0" fo:padding="0.08cm" fo:border="0.5pt solid #7a7a7a"/></style:style>`)
	b.WriteString(`<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #7a7a7a"/></style:style>`)
	for _, t := range d.tableStyles {
		t.write(&b)
	}
	b.WriteString(`</office:automatic-styles>`)
	b.WriteString(`<office:body><office:text>`)
	b.WriteString(`<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Illustration"/><text:sequence-decl text:display-outline-level="0" text:name="Table"/><text:sequence-decl text:display-outline-level="0" text:name="Figure"/></text:sequence-decls>`)
	body := d.bodyXML()
	// The cover's first paragraph carries the cover page style; the page after it returns to Standard.
	body = strings.Replace(body, `<text:p text:style-name="Cover_20_Authority">`, `<text:p text:style-name="CoverFirst">`, 1)
	b.WriteString(body)
	b.WriteString(`</office:text></office:body></office:document-content>`)
	return b.String()
}
