package worldmap

import (
	"testing"

	"boussole/internal/figure/figuretest"
)

// FuzzDraw puts arbitrary text in the category labels, the title and the description, and uses it as an
// unknown country code: the map must stay well-formed.
func FuzzDraw(f *testing.F) {
	figuretest.Seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		highlight := map[string]Category{"SN": {Label: s}, "VN": {Label: s + "b", Rank: 1}, s: {Label: s, Rank: 2}}
		figuretest.Check(t, s, Draw(highlight, s, s))
	})
}
