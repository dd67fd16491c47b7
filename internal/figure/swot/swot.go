// Package swot draws the AFOM/SWOT matrix as an SVG figure fit for the strategy document.
//
// The matrix is the classic 2×2 grid: internal origin (forces, faiblesses) above external origin (opportunités,
// menaces), positive column left, negative column right. Each cell lists its items in the officer's order, with
// wrapped text and a weight marker; what does not fit is counted as « + N autres » rather than shrunk.
package swot

import (
	"fmt"
	"strings"

	"boussole/internal/diagnostic"
	"boussole/internal/figure/svg"
)

// Options tune the figure; the zero value gives a figure for an A4 page.
type Options struct {
	IDPrefix        string  // keeps ids unique when several figures share a page; default "afom"
	Title           string  // visible title and accessible name; default « Matrice AFOM »
	Width           float64 // default 960
	FontSize        float64 // default 13
	MaxLines        int     // text lines per cell before the rest is counted as overflow; default 16
	MaxLinesPerItem int     // longer items are cut with an ellipsis; default 4
}

func (o Options) withDefaults() Options {
	if o.IDPrefix == "" {
		o.IDPrefix = "afom"
	}
	if o.Title == "" {
		o.Title = "Matrice AFOM"
	}
	if o.Width <= 0 {
		o.Width = 960
	}
	if o.FontSize <= 0 {
		o.FontSize = 13
	}
	if o.MaxLines <= 0 {
		o.MaxLines = 16
	}
	if o.MaxLinesPerItem <= 0 {
		o.MaxLinesPerItem = 4
	}
	return o
}

// Geometry, in user units; the average glyph width is a fraction of the font size.
const (
	margin      = 8.0
	titleHeight = 30.0
	axisWidth   = 30.0 // the column holding the rotated row headings
	axisHeight  = 26.0 // the row holding the column headings
	cellHeading = 30.0
	cellPad     = 10.0
	markerWidth = 28.0
	glyphRatio  = 0.52
	lineRatio   = 1.35
	itemGap     = 4.0
	legendH     = 24.0
)

// palette gives each quadrant a light background and a dark ink that reaches WCAG AA contrast on it.
var palette = map[diagnostic.Quadrant][2]string{
	diagnostic.Strengths:     {"#e4f2e7", "#1b5e2f"},
	diagnostic.Weaknesses:    {"#fcebdd", "#8a3a0c"},
	diagnostic.Opportunities: {"#e3edf8", "#1c4b80"},
	diagnostic.Threats:       {"#f9e2e5", "#8a1c2b"},
}

// Draw renders the matrix. Items are placed by their quadrant and ordered by position; items of an unknown
// quadrant are ignored. The output depends only on its inputs.
func Draw(items []diagnostic.Item, opt Options) []byte {
	opt = opt.withDefaults()
	cellW := (opt.Width - 2*margin - axisWidth) / 2
	chars := max(int((cellW-2*cellPad-markerWidth)/(opt.FontSize*glyphRatio)), 8)

	byQuadrant := make(map[diagnostic.Quadrant][]diagnostic.Item, 4)
	for _, it := range diagnostic.Ordered(items) {
		byQuadrant[it.Quadrant] = append(byQuadrant[it.Quadrant], it)
	}
	cells := make(map[diagnostic.Quadrant]cell, 4)
	for _, q := range diagnostic.Quadrants() {
		cells[q] = layoutCell(byQuadrant[q], chars, opt)
	}
	lh := opt.FontSize * lineRatio
	rowH := [2]float64{
		rowHeight(cells[diagnostic.Strengths], cells[diagnostic.Weaknesses], lh),
		rowHeight(cells[diagnostic.Opportunities], cells[diagnostic.Threats], lh),
	}
	height := margin*2 + titleHeight + axisHeight + rowH[0] + rowH[1] + legendH

	d := svg.New(opt.IDPrefix, opt.Width, height, opt.Title, describe(cells))
	d.Rawf(`<g font-family="Marianne, Arial, Helvetica, sans-serif" font-size="%s" fill="#1a1a1a">`, svg.Num(opt.FontSize))
	d.Text(margin, margin+18, `font-size="17" font-weight="bold"`, opt.Title)
	drawAxes(d, cellW, rowH)

	top := margin + titleHeight + axisHeight
	x0 := margin + axisWidth
	for i, q := range diagnostic.Quadrants() {
		col, row := i%2, i/2
		y := top
		if row == 1 {
			y += rowH[0]
		}
		drawCell(d, q, cells[q], x0+float64(col)*cellW, y, cellW, rowH[row], opt)
	}
	d.Text(x0, height-margin-4, `font-size="11" fill="#4a4a4a"`, "Pastilles : poids de l'élément, de 1 (mineur) à 3 (majeur). Éléments dans l'ordre choisi par la collectivité.")
	d.Raw(`</g>`)
	return d.Bytes()
}

// drawAxes writes the column headings (positive, negative) and the rotated row headings (internal, external).
func drawAxes(d *svg.Doc, cellW float64, rowH [2]float64) {
	x0 := margin + axisWidth
	yHead := margin + titleHeight + axisHeight - 8
	for i, label := range []string{"Positif pour l'action internationale", "Négatif pour l'action internationale"} {
		d.Text(x0+cellW*(float64(i)+0.5), yHead, `text-anchor="middle" font-weight="bold"`, label)
	}
	y := margin + titleHeight + axisHeight
	for i, label := range []string{"Origine interne", "Origine externe"} {
		cx, cy := margin+axisWidth/2+5, y+rowH[i]/2
		d.Text(cx, cy, fmt.Sprintf(`text-anchor="middle" font-weight="bold" transform="rotate(-90 %s %s)"`, svg.Num(cx), svg.Num(cy)), label)
		y += rowH[i]
	}
}

// describe is the figure's long description: what a screen reader says instead of the picture.
func describe(cells map[diagnostic.Quadrant]cell) string {
	var parts []string
	for _, q := range diagnostic.Quadrants() {
		parts = append(parts, fmt.Sprintf("%s : %d", strings.ToLower(q.Label()), cells[q].total))
	}
	return "Matrice AFOM (forces, faiblesses, opportunités, menaces) — nombre d'éléments par quadrant : " + strings.Join(parts, ", ") + "."
}
