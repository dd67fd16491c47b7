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

// writeStyle writes the patterns and the CSS classes; classes keep each path's markup short.
func writeStyle(d *svg.Doc, id string) {
	var b strings.Builder
	b.WriteString("<defs>")
	for i := range Styles {
		fmt.Fprintf(&b, `<pattern id="%s-p%d" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="%s"/>%s</pattern>`,
			id, i, palette[i], patterns[i])
	}
	b.WriteString("</defs><style>")
	fmt.Fprintf(&b, ".%s-land path{fill:#d9d9d9;stroke:#fff;stroke-width:.4}", id)
	fmt.Fprintf(&b, ".%s-hl{stroke:#1a1a1a;stroke-width:.8}", id)
	for i := range Styles {
		fmt.Fprintf(&b, ".%s-c%d{fill:url(#%s-p%d)}", id, i, id, i)
	}
	fmt.Fprintf(&b, ".%s-legend{font:13px sans-serif;fill:#1a1a1a}", id)
	b.WriteString("</style>")
	d.Raw(b.String())
}
