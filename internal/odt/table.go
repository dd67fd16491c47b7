package odt

import (
	"fmt"
	"strings"
)

// Table is a table with a caption and header rows repeated on every page it spans.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
	Widths  []float64 // relative column widths; equal when empty or of the wrong length
}

// pageWidth is the text width of an A4 page with 2 cm margins, in centimetres.
const pageWidth = 17.0

// Table appends a table. Rows shorter than the header are padded with empty cells; longer ones are cut.
func (d *Document) Table(t Table) {
	cols := len(t.Header)
	if cols == 0 {
		for _, r := range t.Rows {
			cols = max(cols, len(r))
		}
	}
	if cols == 0 {
		return
	}
	d.tables++
	name := fmt.Sprintf("Tableau%d", d.tables)
	if t.Caption != "" {
		d.Styled("Table_20_Caption", t.Caption)
	}
	widths := t.Widths
	if len(widths) != cols {
		widths = make([]float64, cols)
		for i := range widths {
			widths[i] = 1
		}
	}
	fmt.Fprintf(&d.body, `<table:table table:name="%s" table:style-name="%s">`, name, name)
	for i := range cols {
		fmt.Fprintf(&d.body, `<table:table-column table:style-name="%s.C%d"/>`, name, i+1)
	}
	if len(t.Header) > 0 {
		d.body.WriteString(`<table:table-header-rows>`)
		row(&d.body, t.Header, cols, "CellHead", "Table_20_Heading")
		d.body.WriteString(`</table:table-header-rows>`)
	}
	for _, r := range t.Rows {
		row(&d.body, r, cols, "Cell", "Table_20_Contents")
	}
	d.body.WriteString(`</table:table>`)
	d.tableStyles = append(d.tableStyles, tableStyle{name: name, widths: widths})
}

func row(b *strings.Builder, cells []string, cols int, cellStyle, paraStyle string) {
	b.WriteString(`<table:table-row>`)
	for i := range cols {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		fmt.Fprintf(b, `<table:table-cell table:style-name="%s" office:value-type="string"><text:p text:style-name="%s">`, cellStyle, paraStyle)
		writeSpans(b, []Span{{Text: text}})
		b.WriteString(`</text:p></table:table-cell>`)
	}
	b.WriteString(`</table:table-row>`)
}

// tableStyle is what content.xml's automatic styles say of one table: its width and its columns'.
type tableStyle struct {
	name   string
	widths []float64
}

func (t tableStyle) write(b *strings.Builder) {
	fmt.Fprintf(b, `<style:style style:name="%s" style:family="table"><style:table-properties style:width="%.2fcm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>`, t.name, pageWidth)
	sum := 0.0
	for _, w := range t.widths {
		sum += max(w, 0.01)
	}
	for i, w := range t.widths {
		cm := pageWidth * max(w, 0.01) / sum
		fmt.Fprintf(b, `<style:style style:name="%s.C%d" style:family="table-column"><style:table-column-properties style:column-width="%.3fcm" style:rel-column-width="%d*"/></style:style>`,
			t.name, i+1, cm, int(cm*1000))
	}
}
