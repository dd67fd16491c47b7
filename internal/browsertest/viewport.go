package browsertest

import (
	"encoding/json"
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

// Top returns how far, in CSS pixels, the first element matching a CSS selector starts below the top of
// the page, or -1 when there is none: with the window's height, it tells whether the element is on the
// first screen.
func (b *Browser) Top(selector string) float64 {
	b.t.Helper()
	sel, _ := json.Marshal(selector)
	return run(b, "position de "+selector, chromedp.Evaluate[float64](
		`(() => { const e = document.querySelector(`+string(sel)+`); return e ? e.getBoundingClientRect().top + window.scrollY : -1; })()`))
}

// Toggle clicks the element matching a CSS selector that changes the page without leaving it, such as the
// summary of a <details> disclosure.
func (b *Browser) Toggle(selector string) {
	b.t.Helper()
	sel, _ := json.Marshal(selector)
	if !run(b, "clic sur "+selector, chromedp.Evaluate[bool](
		`(() => { const e = document.querySelector(`+string(sel)+`); if (!e) return false; e.click(); return true; })()`)) {
		b.t.Fatalf("navigateur : aucun élément %s", selector)
	}
}

// FramesScrollHorizontally reports whether an element matching selector (a table's frame, say) is wider
// than its box, so its content can only be read by scrolling it sideways.
func (b *Browser) FramesScrollHorizontally(selector string) bool {
	b.t.Helper()
	return run(b, "mesure des cadres", chromedp.Evaluate[bool](
		`Array.from(document.querySelectorAll(`+strconv.Quote(selector)+`)).some(e => e.scrollWidth > e.clientWidth)`))
}

// WiderThanWindow names the elements whose box reaches past the window's right edge (tag, id and classes),
// outermost first, outside any frame that scrolls on its own: what to fix when ScrollsHorizontally is true.
func (b *Browser) WiderThanWindow() []string {
	b.t.Helper()
	return run(b, "éléments trop larges", chromedp.Evaluate[[]string](`(() => {
		const w = document.documentElement.clientWidth, out = [];
		const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
		for (const e of document.body.querySelectorAll('*')) {
			if (e.getBoundingClientRect().right > w + 1 && !scrolls(e)) {
				out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
				if (out.length >= 10) break;
			}
		}
		return out;
	})()`))
}
