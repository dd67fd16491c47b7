package riskmap

import (
	"testing"

	"boussole/internal/figure/figuretest"
)

// FuzzSVG puts arbitrary text in every risk description and in the id prefix: the SVG must stay well-formed.
func FuzzSVG(f *testing.F) {
	figuretest.Seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		risks := register()
		for i := range risks {
			risks[i].Description = s
			risks[i].Mitigation, risks[i].Owner, risks[i].Status = s, s, s
		}
		figuretest.Check(t, s, SVG(s, risks))
	})
}
