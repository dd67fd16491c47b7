package main

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// mapWidth is the width of the map in SVG user units; coordinates are kept to a tenth of a unit.
const mapWidth = 1000

// smallArea is the projected area (square units) under which a country also gets a circle marker.
const smallArea = 12

// shape is one line of internal/refdata/worldgeo/shapes.tsv.
type shape struct {
	Code  string
	X, Y  float64 // label or marker point, in map units
	Small bool
	Path  string // empty for countries too small for the 1:110m data
}

// unnamedFeatures gives a code to the features that world-atlas leaves without an ISO id. Northern
// Cyprus and Somaliland are drawn with the states France recognises them as part of.
var unnamedFeatures = map[string]string{"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}

// splits carves out territories that Natural Earth draws inside another country's geometry
// (French overseas departments within France, Svalbard within Norway), by a lon/lat box.
var splits = []struct {
	from, to               string
	west, east, south, nth float64
}{
	{"FR", "GF", -55, -51, 1.5, 6.5},
	{"FR", "GP", -62, -60.9, 15.8, 16.6},
	{"FR", "MQ", -61.3, -60.7, 14.3, 15},
	{"FR", "RE", 55, 56, -21.5, -20.8},
	{"FR", "YT", 44.9, 45.4, -13.1, -12.5},
	{"NO", "SJ", -10, 35, 74, 81},
}

// fixedPoints places the few territories absent from all three world-atlas resolutions.
var fixedPoints = map[string]point{
	"BQ": {-68.27, 12.18}, "BV": {3.41, -54.42}, "CC": {96.87, -12.16}, "CX": {105.69, -10.45}, "TK": {-171.85, -9.2},
}

// worldFrame maps projected coordinates to map units.
type worldFrame struct{ minX, maxY, k float64 }

func (f worldFrame) apply(lon, lat float64) point {
	p := naturalEarth(lon, lat)
	return point{(p.X - f.minX) * f.k, (f.maxY - p.Y) * f.k}
}

// buildShapes reads the 1:110m countries for paths and the finer files only to place markers for
// countries the coarse file leaves out.
func buildShapes(npm string, byNumeric map[string]string, known map[string]bool) ([]shape, [2]float64, error) {
	coarse, err := countryPolygons(filepath.Join(npm, "world-atlas", "countries-110m.json"), byNumeric)
	if err != nil {
		return nil, [2]float64{}, err
	}
	delete(coarse, "AQ")
	left, right := naturalEarth(-180, 0), naturalEarth(180, 0)
	top, bottom := naturalEarth(0, 84), naturalEarth(0, -57)
	f := worldFrame{minX: left.X, maxY: top.Y, k: mapWidth / (right.X - left.X)}
	size := [2]float64{mapWidth, math.Round((top.Y - bottom.Y) * f.k)}

	var out []shape
	for code, polys := range coarse {
		out = append(out, drawCountry(code, polys, f))
	}
	for _, res := range []string{"countries-50m.json", "countries-10m.json"} {
		fine, err := countryPolygons(filepath.Join(npm, "world-atlas", res), byNumeric)
		if err != nil {
			return nil, size, err
		}
		for code, polys := range fine {
			if _, done := coarse[code]; done || code == "AQ" {
				continue
			}
			s := drawCountry(code, polys, f)
			out = append(out, shape{Code: code, X: s.X, Y: s.Y, Small: true})
			coarse[code] = polys
		}
	}
	for code, ll := range fixedPoints {
		if _, done := coarse[code]; !done {
			p := f.apply(ll.X, ll.Y)
			out = append(out, shape{Code: code, X: p.X, Y: p.Y, Small: true})
		}
	}
	for _, s := range out {
		if !known[s.Code] {
			return nil, size, fmt.Errorf("shape for %s, which is not in the country list", s.Code)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, size, nil
}

// countryPolygons reads one world-atlas file into polygons per alpha-2 code, applying splits.
func countryPolygons(path string, byNumeric map[string]string) (map[string][]polygon, error) {
	var t topology
	if err := readJSON(path, &t); err != nil {
		return nil, err
	}
	arcs := decodeArcs(&t)
	out := map[string][]polygon{}
	for _, g := range t.Objects["countries"].Geometries {
		code := byNumeric[g.ID]
		if g.ID == "" {
			code = unnamedFeatures[g.Properties.Name]
		}
		if code == "" {
			continue
		}
		polys, err := polygons(g, arcs)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", path, code, err)
		}
		for _, p := range polys {
			c := splitCode(code, p[0])
			out[c] = append(out[c], p)
		}
	}
	return out, nil
}

func splitCode(code string, outer ring) string {
	var cx, cy float64
	for _, p := range outer {
		cx += p.X
		cy += p.Y
	}
	cx, cy = cx/float64(len(outer)), cy/float64(len(outer))
	for _, s := range splits {
		if s.from == code && cx >= s.west && cx <= s.east && cy >= s.south && cy <= s.nth {
			return s.to
		}
	}
	return code
}

// drawCountry projects a country's polygons into one compact path and finds its label point:
// the centroid of its largest ring, so France is labelled in Europe rather than between its territories.
func drawCountry(code string, polys []polygon, f worldFrame) shape {
	var b strings.Builder
	var total, best float64
	var label point
	for _, poly := range polys {
		for i, whole := range poly {
			for _, r := range splitAntimeridian(whole) {
				pts := make([]point, len(r))
				for j, ll := range r {
					pts[j] = f.apply(ll.X, ll.Y)
				}
				a, c := areaCentroid(pts)
				if i == 0 {
					total += math.Abs(a)
					if math.Abs(a) > best {
						best, label = math.Abs(a), c
					}
				} else {
					total -= math.Abs(a)
				}
				writeRing(&b, pts)
			}
		}
	}
	return shape{Code: code, X: label.X, Y: label.Y, Small: total < smallArea, Path: b.String()}
}

// areaCentroid returns the signed area and centroid of a ring (shoelace formula).
func areaCentroid(pts []point) (float64, point) {
	var a, cx, cy float64
	for i := range pts {
		p, q := pts[i], pts[(i+1)%len(pts)]
		cross := p.X*q.Y - q.X*p.Y
		a += cross
		cx += (p.X + q.X) * cross
		cy += (p.Y + q.Y) * cross
	}
	a /= 2
	if a == 0 {
		return 0, pts[0]
	}
	return a, point{cx / (6 * a), cy / (6 * a)}
}

// writeRing appends one closed subpath: an absolute move, then relative lines in tenths of a unit,
// skipping points that round onto the previous one. Rings that collapse below a triangle are dropped.
func writeRing(b *strings.Builder, pts []point) {
	type tenth struct{ x, y int }
	var q []tenth
	for _, p := range pts {
		t := tenth{int(math.Round(p.X * 10)), int(math.Round(p.Y * 10))}
		if len(q) == 0 || t != q[len(q)-1] {
			q = append(q, t)
		}
	}
	if len(q) > 1 && q[0] == q[len(q)-1] {
		q = q[:len(q)-1]
	}
	if len(q) < 3 {
		return
	}
	b.WriteString("M" + tenths(q[0].x) + sep(tenths(q[0].y)) + "l")
	for i := 1; i < len(q); i++ {
		dx, dy := tenths(q[i].x-q[i-1].x), tenths(q[i].y-q[i-1].y)
		if i > 1 {
			dx = sep(dx)
		}
		b.WriteString(dx + sep(dy))
	}
	b.WriteString("z")
}

// tenths writes n/10 with at most one decimal and no leading zero: 12 → "1.2", -3 → "-.3", 20 → "2".
func tenths(n int) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	whole, frac := n/10, n%10
	s := ""
	if whole > 0 {
		s = strconv.Itoa(whole)
	}
	if frac > 0 {
		s += "." + strconv.Itoa(frac)
	}
	if s == "" {
		return "0"
	}
	return sign + s
}

// sep puts a space before a number unless its minus sign already separates it.
func sep(s string) string {
	if strings.HasPrefix(s, "-") {
		return s
	}
	return " " + s
}
