package swot

import (
	"testing"

	"boussole/internal/figure/figuretest"
)

// FuzzDraw puts arbitrary text in every item, the title and the id prefix: the matrix must stay well-formed.
func FuzzDraw(f *testing.F) {
	figuretest.Seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		items := sample()
		for i := range items {
			items[i].Text = s + " " + items[i].Text + s
		}
		figuretest.Check(t, s, Draw(items, Options{IDPrefix: s, Title: s, MaxLines: 3, MaxLinesPerItem: 2}))
	})
}
