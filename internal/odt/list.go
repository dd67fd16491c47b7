package odt

import (
	"fmt"
	"strings"
)

// List appends a bulleted list, one item per string.
func (d *Document) List(items []string) { d.list("Bullets", items) }

// NumberedList appends a list numbered 1, 2, 3…
func (d *Document) NumberedList(items []string) { d.list("Numbers", items) }

func (d *Document) list(style string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(&d.body, `<text:list text:style-name="%s">`, style)
	for _, it := range items {
		d.body.WriteString(`<text:list-item><text:p text:style-name="List_20_Paragraph">`)
		writeSpans(&d.body, []Span{{Text: it}})
		d.body.WriteString(`</text:p></text:list-item>`)
	}
	d.body.WriteString(`</text:list>`)
}

// listStyles are the two list styles of styles.xml.
func listStyles(b *strings.Builder) {
	b.WriteString(`<text:list-style style:name="Bullets" style:display-name="Liste à puces">`)
	for lvl := 1; lvl <= 3; lvl++ {
		fmt.Fprintf(b, `<text:list-level-style-bullet text:level="%d" text:bullet-char="%s"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="%.2fcm" fo:text-indent="-0.5cm" fo:margin-left="%.2fcm"/></style:list-level-properties></text:list-level-style-bullet>`,
			lvl, []string{"•", "◦", "▪"}[lvl-1], 0.6*float64(lvl)+0.1, 0.6*float64(lvl)+0.1)
	}
	b.WriteString(`</text:list-style>`)
	b.WriteString(`<text:list-style style:name="Numbers" style:display-name="Liste numérotée">`)
	for lvl := 1; lvl <= 3; lvl++ {
		fmt.Fprintf(b, `<text:list-level-style-number text:level="%d" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="%.2fcm" fo:text-indent="-0.6cm" fo:margin-left="%.2fcm"/></style:list-level-properties></text:list-level-style-number>`,
			lvl, 0.7*float64(lvl)+0.1, 0.7*float64(lvl)+0.1)
	}
	b.WriteString(`</text:list-style>`)
}
