package worldmap

import (
	"fmt"
	"strings"

	"boussole/internal/figure/svg"
)

// palette holds fills distinguishable with the common colour-vision deficiencies (Okabe–Ito),
// each paired below with a pattern so categories also differ in texture.
var palette = [Styles]string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"}

// patterns draws, over the fill, nothing (solid), diagonal hatching, dots, cross-hatching,
// horizontal and vertical lines.
var patterns = [Styles]string{
	``,
	`<path d="M0 6L6 0" stroke="#fff" stroke-width="1.5"/>`,
	`<circle cx="3" cy="3" r="1.2" fill="#fff"/>`,
	`<path d="M0 6L6 0M0 0L6 6" stroke="#fff" stroke-width="1"/>`,
	`<path d="M0 3H6" stroke="#000" stroke-width="1"/>`,
	`<path d="M3 0V6" stroke="#fff" stroke-width="1.5"/>`,
}

// writeStyle writes the patterns. Fills and strokes are presentation attributes rather than a <style>
// element, because the page's Content-Security-Policy refuses inline style sheets.
func writeStyle(d *svg.Doc, id string) {
	var b strings.Builder
	b.WriteString("<defs>")
	for i := range Styles {
		fmt.Fprintf(&b, `<pattern id="%s-p%d" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="%s"/>%s</pattern>`,
			id, i, palette[i], patterns[i])
	}
	b.WriteString("</defs>")
	d.Raw(b.String())
}

// highlightAttrs paints a highlighted country (or its legend swatch) with its category's pattern and a dark
// outline; the classes stay as hooks for a page's stylesheet.
func highlightAttrs(id string, c Category) string {
	n := style(c)
	return fmt.Sprintf(`class="%s-hl %s-c%d" fill="url(#%s-p%d)" stroke="#1a1a1a" stroke-width=".8"`, id, id, n, id, n)
}
