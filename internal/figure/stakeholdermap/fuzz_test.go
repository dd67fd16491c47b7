package stakeholdermap

import (
	"testing"

	"boussole/internal/figure/figuretest"
)

// FuzzFigures puts arbitrary text in every stakeholder's name and relation comment: the three maps must stay
// well-formed.
func FuzzFigures(f *testing.F) {
	figuretest.Seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		list, rels := sample(12, 10)
		for i := range list {
			list[i].Name = s + list[i].Name[:3]
			list[i].Contact, list[i].Territory, list[i].Themes = s, s, []string{s}
		}
		for i := range rels {
			rels[i].Comment = s
		}
		figuretest.Check(t, s, Grid(s, list))
		figuretest.Check(t, s, Network(s, list, rels))
		figuretest.Check(t, s, Salience(s, list))
	})
}
