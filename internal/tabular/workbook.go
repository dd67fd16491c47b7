package tabular

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"boussole/internal/cleantext"
)

// Sheet is one sheet of a workbook export: a name, a header row, rows of text.
type Sheet struct {
	Name   string
	Header []string
	Rows   [][]string
}

// sheetName makes a name every spreadsheet accepts: at most 31 characters, none of []:*?/\.
func sheetName(s string, i int) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, cleantext.Line(s))
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if strings.TrimSpace(s) == "" {
		s = fmt.Sprintf("Feuille %d", i+1)
	}
	return s
}

// WriteXLSXSheets writes a workbook of several sheets, each as WriteXLSX writes one: bold frozen header,
// values as text, formula starts neutralised.
func WriteXLSXSheets(w io.Writer, sheets []Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, sh := range sheets {
		name := sheetName(sh.Name, i)
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return err
		}
		if err := writeSheet(f, name, bold, sh); err != nil {
			return err
		}
	}
	return f.Write(w)
}

func writeSheet(f *excelize.File, name string, bold int, sh Sheet) error {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(sh.Header))
	for i, h := range sh.Header {
		head[i] = excelize.Cell{StyleID: bold, Value: cleantext.String(h)}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, row := range sh.Rows {
		vals := make([]any, 0, len(row))
		for _, v := range row {
			vals = append(vals, escapeFormula(cleantext.String(v)))
		}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// ODSMediaType is the media type of an OpenDocument spreadsheet.
const ODSMediaType = "application/vnd.oasis.opendocument.spreadsheet"

// WriteODS writes the sheets as an OpenDocument spreadsheet (ODS): a zip whose first entry, stored, is its
// media type, then content.xml with one table per sheet, its header row bold and repeated when printed,
// and the manifest. Cells are text cells, never formulas; a value that would start one when edited is
// prefixed with an apostrophe, as in the other exports.
func WriteODS(w io.Writer, sheets []Sheet) error {
	z := zip.NewWriter(w)
	mt, err := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(mt, ODSMediaType); err != nil {
		return err
	}
	parts := []struct{ name, data string }{
		{"content.xml", odsContent(sheets)},
		{"META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
			`<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="` + ODSMediaType + `"/>` +
			`<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`},
	}
	for _, p := range parts {
		f, err := z.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, cleantext.XML(p.data)); err != nil {
			return err
		}
	}
	return z.Close()
}

func odsContent(sheets []Sheet) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"` +
		` xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"` +
		` xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">`)
	b.WriteString(`<office:automatic-styles><style:style style:name="head" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>`)
	b.WriteString(`<office:body><office:spreadsheet>`)
	for i, sh := range sheets {
		fmt.Fprintf(&b, `<table:table table:name="%s">`, odsEscape(sheetName(sh.Name, i)))
		cols := len(sh.Header)
		for _, r := range sh.Rows {
			cols = max(cols, len(r))
		}
		if cols > 0 {
			fmt.Fprintf(&b, `<table:table-column table:number-columns-repeated="%d"/>`, cols)
		}
		if len(sh.Header) > 0 {
			b.WriteString(`<table:table-header-rows>`)
			odsRow(&b, sh.Header, "head", false)
			b.WriteString(`</table:table-header-rows>`)
		}
		for _, r := range sh.Rows {
			odsRow(&b, r, "", true)
		}
		b.WriteString(`</table:table>`)
	}
	b.WriteString(`</office:spreadsheet></office:body></office:document-content>`)
	return b.String()
}

func odsRow(b *strings.Builder, cells []string, style string, guard bool) {
	b.WriteString(`<table:table-row>`)
	for _, c := range cells {
		c = cleantext.String(c)
		if guard {
			c = escapeFormula(c)
		}
		if style != "" {
			fmt.Fprintf(b, `<table:table-cell table:style-name="%s" office:value-type="string">`, style)
		} else {
			b.WriteString(`<table:table-cell office:value-type="string">`)
		}
		for _, line := range strings.Split(c, "\n") {
			b.WriteString(`<text:p>` + odsEscape(line) + `</text:p>`)
		}
		b.WriteString(`</table:table-cell>`)
	}
	b.WriteString(`</table:table-row>`)
}

func odsEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
