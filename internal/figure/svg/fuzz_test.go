package svg_test

import (
	"testing"

	"boussole/internal/figure/figuretest"
	"boussole/internal/figure/svg"
)

func FuzzDoc(f *testing.F) {
	figuretest.Seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		d := svg.New(s, 10, 10, s, s)
		d.Text(1, 1, `class="x"`, s)
		d.Rawf(`<g data-x="%s">%s</g>`, svg.Esc(s), svg.Esc(s))
		figuretest.Check(t, s, d.Bytes())
	})
}

// A figure that forgets Esc on a control character still comes out well-formed: Bytes drops it.
func TestBytesDropsWhatXMLCannotHold(t *testing.T) {
	d := svg.New("x", 10, 10, "t", "d")
	d.Raw("<text>a\vb\x00c</text>")
	figuretest.Check(t, "raw", d.Bytes())
}
