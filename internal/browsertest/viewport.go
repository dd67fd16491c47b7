package browsertest

import (
	"strconv"

	"github.com/chromedp/chromedp"
)

// SetViewport emulates a window of width×height CSS pixels, e.g. 320×640 for
// a phone, or the reflow that WCAG 1.4.10 asks for at 400 % zoom.
func (b *Browser) SetViewport(width, height int) {
	b.t.Helper()
	b.do("taille de fenêtre", chromedp.EmulateViewport(int64(width), int64(height)))
}

// ScrollsHorizontally reports whether the current page is wider than the
// window, which forces reading with a horizontal scroll bar.
func (b *Browser) ScrollsHorizontally() bool {
	b.t.Helper()
	return run(b, "mesure de la largeur", chromedp.Evaluate[bool](
		`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
}

// FramesScrollHorizontally reports whether an element matching selector (a table's frame, say) is wider
// than its box, so its content can only be read by scrolling it sideways.
func (b *Browser) FramesScrollHorizontally(selector string) bool {
	b.t.Helper()
	return run(b, "mesure des cadres", chromedp.Evaluate[bool](
		`Array.from(document.querySelectorAll(`+strconv.Quote(selector)+`)).some(e => e.scrollWidth > e.clientWidth)`))
}
