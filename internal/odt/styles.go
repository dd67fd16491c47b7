package odt

import (
	"fmt"
	"strings"

	"boussole/internal/cleantext"
)

// font is the document's typeface: free, covering French and most of Latin and Cyrillic, and the one the
// PDF embeds, so both look alike; a word processor without it substitutes a sans-serif.
const font = "DejaVu Sans"

// paragraphStyles are the named paragraph styles: name, display name, parent, then paragraph and text
// properties. Display names are LibreOffice's own French names where they exist, so a colleague finds them.
var paragraphStyles = []struct{ name, display, parent, para, text string }{
	{"Standard", "Standard", "", `fo:margin-top="0cm" fo:margin-bottom="0.2cm"`, `style:font-name="` + font + `" fo:font-size="10.5pt" fo:language="fr" fo:country="FR"`},
	{"Text_20_body", "Corps de texte", "Standard", `fo:margin-bottom="0.25cm" fo:line-height="125%" fo:text-align="justify"`, ``},
	{"Heading", "Titre", "Standard", `fo:margin-top="0.5cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"`, `fo:font-weight="bold" fo:color="#16325c"`},
	{"Heading_20_1", "Titre 1", "Heading", `fo:margin-top="0.2cm" fo:break-before="page"`, `fo:font-size="17pt"`},
	{"Heading_20_2", "Titre 2", "Heading", ``, `fo:font-size="13.5pt"`},
	{"Heading_20_3", "Titre 3", "Heading", ``, `fo:font-size="11.5pt"`},
	{"Title", "Titre principal", "Standard", `fo:text-align="center" fo:margin-top="5cm" fo:margin-bottom="0.6cm"`, `fo:font-size="26pt" fo:font-weight="bold" fo:color="#16325c"`},
	{"Subtitle", "Sous-titre", "Standard", `fo:text-align="center" fo:margin-bottom="2cm"`, `fo:font-size="15pt" fo:color="#3a3a3a"`},
	{"Document_20_Title", "Titre du document", "Standard", `fo:text-align="center" fo:margin-top="0cm" fo:margin-bottom="0.4cm"`, `fo:font-size="18pt" fo:font-weight="bold" fo:color="#16325c"`},
	{"Cover_20_Authority", "Couverture : collectivité", "Standard", `fo:text-align="center" fo:margin-top="1cm"`, `fo:font-size="14pt" fo:font-weight="bold"`},
	{"Cover_20_Line", "Couverture : ligne", "Standard", `fo:text-align="center" fo:margin-bottom="0.15cm"`, `fo:font-size="11pt"`},
	{"Cover_20_End", "Couverture : fin", "Standard", `fo:break-after="page"`, ``},
	{"PageBreak", "Saut de page", "Standard", `fo:break-after="page"`, ``},
	{"Note", "Remarque", "Text_20_body", ``, `fo:font-style="italic" fo:color="#5a5a5a"`},
	{"Quotations", "Citations", "Text_20_body", `fo:margin-left="1cm" fo:margin-right="1cm"`, ``},
	{"Centered", "Centré", "Text_20_body", `fo:text-align="center"`, ``},
	{"Small", "Petit", "Standard", ``, `fo:font-size="8pt" fo:color="#5a5a5a"`},
	{"List_20_Paragraph", "Paragraphe de liste", "Text_20_body", `fo:margin-bottom="0.1cm"`, ``},
	{"Table_20_Contents", "Contenu de tableau", "Standard", `fo:margin-bottom="0cm"`, `fo:font-size="9pt"`},
	{"Table_20_Heading", "Titre de tableau", "Table_20_Contents", `fo:keep-with-next="always"`, `fo:font-weight="bold"`},
	{"Table_20_Caption", "Légende de tableau", "Standard", `fo:margin-top="0.3cm" fo:keep-with-next="always"`, `fo:font-size="9.5pt" fo:font-weight="bold"`},
	{"Figure", "Figure", "Standard", `fo:text-align="center" fo:keep-with-next="always"`, ``},
	{"Figure_20_Caption", "Légende de figure", "Standard", `fo:text-align="center" fo:margin-bottom="0.4cm"`, `fo:font-size="9pt" fo:font-style="italic"`},
	{"Footer", "Pied de page", "Standard", `fo:margin-bottom="0cm"`, `fo:font-size="8.5pt" fo:color="#5a5a5a"`},
	{"Contents_20_Heading", "Titre de table des matières", "Heading", ``, `fo:font-size="17pt"`},
	{"Contents_20_1", "Table des matières niveau 1", "Standard", `fo:margin-top="0.15cm"`, `fo:font-weight="bold"`},
	{"Contents_20_2", "Table des matières niveau 2", "Standard", `fo:margin-left="0.6cm"`, ``},
	{"Contents_20_3", "Table des matières niveau 3", "Standard", `fo:margin-left="1.2cm"`, `fo:font-size="9.5pt"`},
}

// contentsIndent is where the right tab of each level of a table of contents stands: the right margin
// (17 cm from the left one), less the level's indent, as tab positions count from the indent.
var contentsIndent = map[string]string{"Contents_20_1": "17cm", "Contents_20_2": "16.4cm", "Contents_20_3": "15.8cm"}

// textStyles are the named character styles.
var textStyles = []struct{ name, display, text string }{
	{"Strong", "Accentuation forte", `fo:font-weight="bold"`},
	{"Emphasis", "Accentuation", `fo:font-style="italic"`},
	{"BoldItalic", "Gras italique", `fo:font-weight="bold" fo:font-style="italic"`},
	{"Index_20_Link", "Lien d'index", ``},
}

// stylesXML returns styles.xml: fonts, named styles, the outline, the A4 page with its footer and the cover
// page without one.
func (d *Document) stylesXML() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<office:document-styles` + namespaces + `>`)
	b.WriteString(`<office:font-face-decls><style:font-face style:name="` + font + `" svg:font-family="'` + font + `'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>`)
	b.WriteString(`<office:styles>`)
	b.WriteString(`<style:default-style style:family="paragraph"><style:paragraph-properties style:writing-mode="lr-tb"/><style:text-properties style:font-name="` + font + `" fo:font-size="10.5pt" fo:language="fr" fo:country="FR"/></style:default-style>`)
	for _, s := range paragraphStyles {
		fmt.Fprintf(&b, `<style:style style:name="%s" style:display-name="%s" style:family="paragraph"`, s.name, s.display)
		if s.parent != "" {
			fmt.Fprintf(&b, ` style:parent-style-name="%s"`, s.parent)
		}
		if lvl, ok := strings.CutPrefix(s.name, "Heading_20_"); ok {
			fmt.Fprintf(&b, ` style:next-style-name="Text_20_body" style:default-outline-level="%s" style:class="text"`, lvl)
		}
		b.WriteString(`>`)
		switch {
		case s.name == "Footer": // the page number goes to the right margin
			fmt.Fprintf(&b, `<style:paragraph-properties %s><style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops></style:paragraph-properties>`, s.para)
		case contentsIndent[s.name] != "": // a table of contents' page numbers go to the right margin, after dots
			fmt.Fprintf(&b, `<style:paragraph-properties %s><style:tab-stops><style:tab-stop style:position="%s" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties>`,
				s.para, contentsIndent[s.name])
		case s.para != "":
			fmt.Fprintf(&b, `<style:paragraph-properties %s/>`, s.para)
		}
		if s.text != "" {
			fmt.Fprintf(&b, `<style:text-properties %s/>`, s.text)
		}
		b.WriteString(`</style:style>`)
	}
	for _, s := range textStyles {
		fmt.Fprintf(&b, `<style:style style:name="%s" style:display-name="%s" style:family="text">`, s.name, s.display)
		if s.text != "" {
			fmt.Fprintf(&b, `<style:text-properties %s/>`, s.text)
		}
		b.WriteString(`</style:style>`)
	}
	b.WriteString(`<text:outline-style style:name="Outline">`)
	for lvl := 1; lvl <= 10; lvl++ {
		fmt.Fprintf(&b, `<text:outline-level-style text:level="%d" style:num-format=""/>`, lvl)
	}
	b.WriteString(`</text:outline-style>`)
	listStyles(&b)
	b.WriteString(`</office:styles>`)
	b.WriteString(`<office:automatic-styles>`)
	b.WriteString(pageLayout("pmStandard", true))
	b.WriteString(pageLayout("pmCover", false))
	b.WriteString(`</office:automatic-styles>`)
	b.WriteString(`<office:master-styles>`)
	b.WriteString(`<style:master-page style:name="Standard" style:page-layout-name="pmStandard"><style:footer><text:p text:style-name="Footer">`)
	b.WriteString(inline(cleantext.Line(d.meta.Title)))
	b.WriteString(`<text:tab/>Page <text:page-number text:select-page="current">1</text:page-number> sur <text:page-count>1</text:page-count></text:p></style:footer></style:master-page>`)
	b.WriteString(`<style:master-page style:name="Cover" style:display-name="Couverture" style:page-layout-name="pmCover" style:next-style-name="Standard"/>`)
	b.WriteString(`</office:master-styles></office:document-styles>`)
	return b.String()
}

// pageLayout is an A4 portrait page with 2 cm margins, with or without room for the footer.
func pageLayout(name string, footer bool) string {
	s := fmt.Sprintf(`<style:page-layout style:name="%s"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>`, name)
	if footer {
		s += `<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>`
	}
	return s + `</style:page-layout>`
}
