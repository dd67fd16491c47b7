// Package sparkline draws an indicator's trend as a small SVG: its measured values period after period, with
// gaps where a value is unknown (never drawn as zero), the baseline and the target as thin lines, and the
// trajectory expected from one to the other.
package sparkline

import (
	"math"
	"strings"

	"boussole/internal/figure/svg"
)

// Point is one period of the trend. Value is nil when the period has no known value.
type Point struct {
	Label    string // the period, « 2027 »
	Value    *float64
	Text     string   // the value as French readers write it, for the description: « 1 234,5 »
	Expected *float64 // the value the trajectory expects at the period's end, nil when unknown
}

// Options are the figure's texts and reference lines.
type Options struct {
	IDPrefix string
	Title    string // the accessible name: « Évolution de l'indicateur … »
	Unit     string
	Baseline *float64
	Target   *float64
	Width    float64 // 0 for the default, 160
	Height   float64 // 0 for the default, 40
}

const pad = 4

// Draw returns the SVG document. With no known value at all it still draws the frame and says so.
// minDotSpacing is the least distance between two periods, in pixels, for each value to get its dot.
const minDotSpacing = 4

func Draw(points []Point, o Options) []byte {
	w, h := o.Width, o.Height
	if w <= 0 {
		w = 160
	}
	if h <= 0 {
		h = 40
	}
	d := svg.New(o.IDPrefix, w, h, o.Title, describe(points, o))
	lo, hi, ok := bounds(points, o)
	if !ok || len(points) == 0 {
		d.Rect(0.5, 0.5, w-1, h-1, `class="spark-frame" fill="none" stroke="#8a8a8a" stroke-dasharray="2 2"`)
		return d.Bytes()
	}
	x := func(i int) float64 {
		if len(points) == 1 {
			return w / 2
		}
		return pad + float64(i)*(w-2*pad)/float64(len(points)-1)
	}
	y := func(v float64) float64 { return h - pad - (v-lo)/(hi-lo)*(h-2*pad) }
	for _, ref := range []struct {
		v     *float64
		class string
	}{{o.Baseline, "spark-baseline"}, {o.Target, "spark-target"}} {
		if ref.v != nil {
			d.Line(pad, y(*ref.v), w-pad, y(*ref.v), `class="`+ref.class+`" stroke="#8a8a8a" stroke-width="0.75" stroke-dasharray="3 2"`)
		}
	}
	var expected []string
	for i, p := range points {
		if p.Expected != nil {
			expected = append(expected, svg.Num(x(i))+","+svg.Num(y(*p.Expected)))
		}
	}
	if len(expected) > 1 {
		d.Rawf(`<polyline class="spark-expected" fill="none" stroke="#6b6b6b" stroke-width="1" stroke-dasharray="1 2" points="%s"/>`, strings.Join(expected, " "))
	}
	// One polyline per run of known values: an unknown period breaks the line instead of dropping to zero.
	var run []string
	flush := func() {
		if len(run) > 1 {
			d.Rawf(`<polyline class="spark-line" fill="none" stroke="#000091" stroke-width="1.5" points="%s"/>`, strings.Join(run, " "))
		}
		run = run[:0]
	}
	for i, p := range points {
		if p.Value == nil {
			flush()
			continue
		}
		run = append(run, svg.Num(x(i))+","+svg.Num(y(*p.Value)))
	}
	flush()
	// A dot per value while the dots stand apart; when the periods are closer than a dot (72 months in
	// 120 px), only the latest value and the values without a known neighbour, which no line shows: the
	// rest would be one blur of overlapping circles, and most of the figure's bytes.
	roomy := len(points) < 2 || (w-2*pad)/float64(len(points)-1) >= minDotSpacing
	last := -1
	for i, p := range points {
		if p.Value != nil {
			last = i
		}
	}
	known := func(i int) bool { return i >= 0 && i < len(points) && points[i].Value != nil }
	for i, p := range points {
		if p.Value != nil && (roomy || i == last || (!known(i-1) && !known(i+1))) {
			d.Circle(x(i), y(*p.Value), 1.75, `class="spark-dot" fill="#000091"`)
		}
	}
	return d.Bytes()
}

// bounds returns the range the figure spans: every known value and the reference lines.
func bounds(points []Point, o Options) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	see := func(v *float64) {
		if v != nil && !math.IsNaN(*v) && !math.IsInf(*v, 0) {
			lo, hi = min(lo, *v), max(hi, *v)
		}
	}
	known := false
	for _, p := range points {
		known = known || p.Value != nil
		see(p.Value)
		see(p.Expected)
	}
	see(o.Baseline)
	see(o.Target)
	if !known || math.IsInf(lo, 0) {
		return 0, 0, false
	}
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	return lo, hi, true
}

// describe is the figure's long description: every period with its value, in words.
func describe(points []Point, o Options) string {
	if len(points) == 0 {
		return "Aucune période de mesure."
	}
	parts := make([]string, len(points))
	known := false
	for i, p := range points {
		v := "non renseigné"
		if p.Value != nil {
			v, known = p.Text, true
			if o.Unit != "" {
				v += " " + o.Unit
			}
		}
		parts[i] = p.Label + " : " + v
	}
	if !known {
		return "Aucune valeur mesurée pour l'instant. " + strings.Join(parts, " ; ") + "."
	}
	return strings.Join(parts, " ; ") + "."
}
