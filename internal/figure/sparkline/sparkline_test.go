package sparkline

import (
	"strings"
	"testing"

	"boussole/internal/figure/figuretest"
)

func f(v float64) *float64 { return &v }

func TestUnknownBreaksTheLine(t *testing.T) {
	pts := []Point{{Label: "2026", Value: f(1), Text: "1"}, {Label: "2027", Value: f(2), Text: "2"}, {Label: "2028"},
		{Label: "2029", Value: f(4), Text: "4"}, {Label: "2030", Value: f(5), Text: "5"}}
	out := string(Draw(pts, Options{IDPrefix: "s", Title: "Évolution", Unit: "jeunes", Baseline: f(0), Target: f(10)}))
	figuretest.Check(t, "gaps", []byte(out))
	if n := strings.Count(out, `class="spark-line"`); n != 2 {
		t.Errorf("%d lines, want 2 (the unknown period breaks the line)", n)
	}
	if n := strings.Count(out, `class="spark-dot"`); n != 4 {
		t.Errorf("%d dots, want one per known value", n)
	}
	if !strings.Contains(out, "2028 : non renseigné") || !strings.Contains(out, "2029 : 4 jeunes") {
		t.Errorf("description does not say the values: %s", out)
	}
}

func TestCrowdedPeriodsKeepTheLatestAndIsolatedDots(t *testing.T) {
	var pts []Point
	for i := range 72 {
		p := Point{Label: "mois", Text: "1"}
		if i != 10 && i != 12 { // month 11 stands alone between two unknown months
			p.Value = f(float64(i))
		}
		pts = append(pts, p)
	}
	out := string(Draw(pts, Options{IDPrefix: "s", Title: "Évolution", Width: 120, Height: 28}))
	figuretest.Check(t, "crowded", []byte(out))
	if n := strings.Count(out, `class="spark-dot"`); n != 2 {
		t.Errorf("%d dots, want the latest value's and the isolated one's", n)
	}
}

func TestNothingKnown(t *testing.T) {
	out := string(Draw([]Point{{Label: "2026"}}, Options{IDPrefix: "s", Title: "Évolution"}))
	figuretest.Check(t, "empty", []byte(out))
	if strings.Contains(out, "polyline") || !strings.Contains(out, "Aucune valeur mesurée") {
		t.Errorf("an empty trend draws a line or does not say it is empty: %s", out)
	}
	if out := Draw(nil, Options{}); figuretest.WellFormed(out) != nil {
		t.Errorf("no point: %s", out)
	}
}

// FuzzSVG puts arbitrary text in every label, unit and title: the SVG must stay well-formed.
func FuzzSVG(f *testing.F) {
	figuretest.Seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		v := 3.0
		pts := []Point{{Label: s, Value: &v, Text: s}, {Label: s}, {Label: s, Value: &v, Text: s, Expected: &v}}
		figuretest.Check(t, s, Draw(pts, Options{IDPrefix: s, Title: s, Unit: s, Baseline: &v}))
	})
}
