package pdf

import (
	"io"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// Page geometry, in millimetres: A4 with 20 mm side margins.
const (
	margin     = 20.0
	pageW      = 210.0
	pageH      = 297.0
	textW      = pageW - 2*margin
	bottom     = 18.0 // room for the footer
	lineBody   = 5.2
	lineTable  = 4.0
	cellPad    = 1.2
	fontBody   = 10.0
	fontTable  = 8.0
	nbAlias    = "{nb}"
	tocIndent  = 6.0
	headingGap = 2.5
)

// tocEntry is a heading and its page, learnt in the first pass.
type tocEntry struct {
	level int
	text  string
	page  int
}

// renderer draws the blocks on one fpdf document.
type renderer struct {
	f        *fpdf.Fpdf
	meta     Meta
	hasCover bool
	entries  []tocEntry // this pass's headings
	known    []tocEntry // the previous pass's, with their pages
}

func newRenderer(m Meta, cover bool, known []tocEntry) *renderer {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(margin, 20, margin)
	f.SetAutoPageBreak(true, bottom+4)
	f.AddUTF8FontFromBytes(family, "", fontRegular)
	f.AddUTF8FontFromBytes(family, "B", fontBold)
	f.SetTitle(m.Title, true)
	f.SetSubject(m.Subject, true)
	f.SetAuthor(m.Author, true)
	f.SetCreator("Boussole", true)
	f.SetProducer("Boussole", true)
	f.SetLang("fr-FR")
	if !m.Created.IsZero() {
		f.SetCreationDate(m.Created)
		f.SetModificationDate(m.Created)
	}
	f.SetCatalogSort(true)
	f.AliasNbPages(nbAlias)
	r := &renderer{f: f, meta: m, hasCover: cover, known: known}
	f.SetFooterFunc(r.footer)
	f.AddPage()
	return r
}

// WriteTo renders the document until the table of contents lists the pages its headings fall on: the
// first pass has no entries to list, the second lists the first's pages with the contents at their final
// length, the third (only when pages moved) lists the second's.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	r := d.render(nil)
	for pass := 0; pass < 2 && r.f.Ok(); pass++ {
		next := d.render(r.entries)
		if samePages(r.entries, next.entries) {
			r = next
			break
		}
		r = next
	}
	if err := r.f.Error(); err != nil {
		return 0, err
	}
	cw := &countingWriter{w: w}
	err := r.f.Output(cw)
	return cw.n, err
}

func samePages(a, b []tocEntry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].page != b[i].page {
			return false
		}
	}
	return true
}

func (d *Document) render(known []tocEntry) *renderer {
	r := newRenderer(d.meta, d.cover, known)
	for _, op := range d.ops {
		op(r)
	}
	return r
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func (r *renderer) font(style string, size float64) {
	r.f.SetFont(family, style, size)
}

func (r *renderer) footer() {
	if r.hasCover && r.f.PageNo() == 1 {
		return
	}
	r.f.SetY(-bottom + 4)
	r.font("", 7.5)
	r.f.SetTextColor(90, 90, 90)
	title := r.meta.Title
	if r.f.GetStringWidth(title) > textW-35 {
		title = truncate(r, title, textW-35)
	}
	r.f.CellFormat(textW-30, 5, title, "", 0, "L", false, 0, "")
	r.f.CellFormat(30, 5, "Page "+strconv.Itoa(r.f.PageNo())+" sur "+nbAlias, "", 0, "R", false, 0, "")
	r.f.SetTextColor(0, 0, 0)
}

// truncate shortens s to fit w with an ellipsis.
func truncate(r *renderer, s string, w float64) string {
	rs := []rune(s)
	for len(rs) > 0 && r.f.GetStringWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

func (r *renderer) cover(c Cover) {
	r.f.SetY(45)
	r.font("B", 14)
	r.f.MultiCell(textW, 7, clean(c.Authority), "", "C", false)
	r.f.SetY(95)
	r.font("B", 24)
	r.f.SetTextColor(22, 50, 92)
	r.f.MultiCell(textW, 11, clean(c.Title), "", "C", false)
	r.f.SetTextColor(58, 58, 58)
	if c.Subtitle != "" {
		r.f.Ln(4)
		r.font("", 14)
		r.f.MultiCell(textW, 7, clean(c.Subtitle), "", "C", false)
	}
	r.f.SetTextColor(0, 0, 0)
	r.f.Ln(22)
	r.font("", 10)
	for _, l := range c.Lines {
		r.f.MultiCell(textW, 5.5, clean(l), "", "C", false)
	}
	r.f.AddPage()
}

func (r *renderer) toc(title string) {
	r.font("B", 17)
	r.f.SetTextColor(22, 50, 92)
	r.f.MultiCell(textW, 9, title, "", "L", false)
	r.f.SetTextColor(0, 0, 0)
	r.f.Ln(2)
	entries := r.known
	for _, e := range entries {
		if e.level > 2 {
			continue
		}
		indent := float64(e.level-1) * tocIndent
		style := ""
		if e.level == 1 {
			style = "B"
			r.f.Ln(1.2)
		}
		r.font(style, fontBody)
		page := strconv.Itoa(e.page)
		w := textW - indent - 12
		text := e.text
		if r.f.GetStringWidth(text) > w {
			text = truncate(r, text, w)
		}
		r.f.SetX(margin + indent)
		r.f.CellFormat(w, lineBody+0.6, text, "", 0, "L", false, 0, "")
		r.f.CellFormat(12, lineBody+0.6, page, "", 1, "R", false, 0, "")
	}
}

func (r *renderer) heading(level int, text string) {
	sizes := map[int]float64{1: 17, 2: 13.5, 3: 11.5}
	if level == 1 && !(r.f.GetY() <= 21 && r.f.PageNo() > 1) {
		r.f.AddPage()
	}
	// Keep the heading with at least three lines of what follows.
	if r.f.GetY()+sizes[level]*0.6+3*lineBody > pageH-bottom-4 {
		r.f.AddPage()
	}
	if r.f.GetY() > 21 {
		r.f.Ln(headingGap + float64(3-level))
	}
	r.entries = append(r.entries, tocEntry{level: level, text: text, page: r.f.PageNo()})
	r.f.Bookmark(text, level-1, -1)
	r.font("B", sizes[level])
	r.f.SetTextColor(22, 50, 92)
	r.f.MultiCell(textW, sizes[level]*0.5, text, "", "L", false)
	r.f.SetTextColor(0, 0, 0)
	r.f.Ln(1.5)
}

func (r *renderer) paragraph(s Style, text string) {
	align, style, size, lh := "J", "", fontBody, lineBody
	switch s {
	case Note:
		r.f.SetTextColor(90, 90, 90)
	case Centered:
		align = "C"
	case Small:
		size, lh = 7.5, 3.6
		r.f.SetTextColor(90, 90, 90)
	case DocTitle:
		align, style, size, lh = "C", "B", 17, 8.5
		r.f.SetTextColor(22, 50, 92)
	}
	r.font(style, size)
	for _, line := range strings.Split(text, "\n") {
		r.f.MultiCell(textW, lh, line, "", alignFor(align, line), false)
	}
	r.f.SetTextColor(0, 0, 0)
	r.f.Ln(1.6)
}

// alignFor justifies all but one-line paragraphs, which fpdf would otherwise stretch across the page.
func alignFor(align, line string) string {
	if align == "J" && !strings.Contains(line, " ") {
		return "L"
	}
	return align
}

func (r *renderer) labelled(label, text string) {
	r.font("B", fontBody)
	r.f.Write(lineBody, label+" : ")
	r.font("", fontBody)
	r.f.Write(lineBody, strings.ReplaceAll(text, "\n", " "))
	r.f.Ln(lineBody + 1.4)
}

func (r *renderer) list(items []string, numbered bool) {
	r.font("", fontBody)
	for i, it := range items {
		mark := "•"
		if numbered {
			mark = strconv.Itoa(i+1) + "."
		}
		if r.f.GetY()+lineBody > pageH-bottom-4 {
			r.f.AddPage()
		}
		r.f.SetX(margin + 2)
		r.f.CellFormat(6, lineBody, mark, "", 0, "L", false, 0, "")
		r.f.MultiCell(textW-8, lineBody, it, "", "L", false)
		r.f.Ln(0.6)
	}
	r.f.Ln(1.4)
}

// table draws a table whose header repeats on each page and whose rows, when taller than what remains of
// the page, continue on the next one.
func (r *renderer) table(t Table) {
	cols := len(t.Header)
	for _, row := range t.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	widths := columnWidths(t.Widths, cols)
	if t.Caption != "" {
		if r.f.GetY()+6+3*lineTable > pageH-bottom-4 {
			r.f.AddPage()
		}
		r.font("B", 9)
		r.f.MultiCell(textW, 5, t.Caption, "", "L", false)
	}
	header := func() {
		if len(t.Header) > 0 {
			r.row(t.Header, widths, true, nil)
		}
	}
	header()
	for _, row := range t.Rows {
		r.row(row, widths, false, header)
	}
	r.f.Ln(4)
}

func columnWidths(rel []float64, cols int) []float64 {
	if len(rel) != cols {
		rel = make([]float64, cols)
		for i := range rel {
			rel[i] = 1
		}
	}
	sum := 0.0
	for _, w := range rel {
		sum += math.Max(w, 0.01)
	}
	out := make([]float64, cols)
	for i, w := range rel {
		out[i] = textW * math.Max(w, 0.01) / sum
	}
	return out
}

// row draws one row, in slices when it does not fit what remains of the page; newPage redraws the header
// after a page break.
func (r *renderer) row(cells []string, widths []float64, head bool, newPage func()) {
	style := ""
	if head {
		style = "B"
	}
	r.font(style, fontTable)
	lines := make([][]string, len(widths))
	most := 1
	for i, w := range widths {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		lines[i] = r.f.SplitText(text, w-2*cellPad+2*r.cellMargin())
		most = max(most, len(lines[i]))
	}
	for done := 0; done < most && r.f.Ok(); {
		room := int((pageH - bottom - 4 - r.f.GetY() - 2*cellPad) / lineTable)
		if room < 1 || (done == 0 && room < min(most, 3)) {
			if r.f.GetY() <= 21 { // already at the top of a page: draw what fits rather than turn pages forever
				room = max(room, 1)
				n := min(room, most-done)
				r.slice(lines, widths, done, n, head)
				done += n
				continue
			}
			r.f.AddPage()
			if newPage != nil {
				newPage()
				r.font(style, fontTable)
			}
			continue
		}
		n := min(room, most-done)
		r.slice(lines, widths, done, n, head)
		done += n
	}
}

// cellMargin is fpdf's own cell margin, which SplitText subtracts from the width it is given.
func (r *renderer) cellMargin() float64 { return r.f.GetCellMargin() }

// slice draws lines [from, from+n) of every cell of a row, with borders, at the current position.
func (r *renderer) slice(lines [][]string, widths []float64, from, n int, head bool) {
	y := r.f.GetY()
	h := float64(n)*lineTable + 2*cellPad
	x := margin
	r.f.SetDrawColor(122, 122, 122)
	r.f.SetLineWidth(0.2)
	for i, w := range widths {
		if head {
			r.f.SetFillColor(223, 230, 240)
			r.f.Rect(x, y, w, h, "FD")
		} else {
			r.f.Rect(x, y, w, h, "D")
		}
		for k := 0; k < n && from+k < len(lines[i]); k++ {
			r.f.SetXY(x+cellPad-r.cellMargin(), y+cellPad+float64(k)*lineTable)
			r.f.CellFormat(w-2*cellPad+2*r.cellMargin(), lineTable, lines[i][from+k], "", 0, "L", false, 0, "")
		}
		x += w
	}
	r.f.SetXY(margin, y+h)
}
