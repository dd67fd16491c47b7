package main

import (
	"encoding/json"
	"fmt"
)

// topology is the part of a TopoJSON document the generator reads.
type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Geometries []topoGeometry `json:"geometries"`
	} `json:"objects"`
}

type topoGeometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

// point is a longitude/latitude pair in degrees, or a projected x/y pair.
type point struct{ X, Y float64 }

// ring is a closed line; polygon is an outer ring followed by its holes.
type (
	ring    []point
	polygon []ring
)

// decodeArcs turns the quantized, delta-encoded arcs into absolute longitudes and latitudes.
func decodeArcs(t *topology) [][]point {
	out := make([][]point, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		pts := make([]point, len(arc))
		for j, d := range arc {
			x += d[0]
			y += d[1]
			pts[j] = point{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		out[i] = pts
	}
	return out
}

// polygons resolves a Polygon or MultiPolygon geometry into rings of points.
func polygons(g topoGeometry, arcs [][]point) ([]polygon, error) {
	var multi [][][]int
	switch g.Type {
	case "Polygon":
		var p [][]int
		if err := json.Unmarshal(g.Arcs, &p); err != nil {
			return nil, err
		}
		multi = [][][]int{p}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Arcs, &multi); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("geometry type %q not handled", g.Type)
	}
	out := make([]polygon, 0, len(multi))
	for _, p := range multi {
		var poly polygon
		for _, r := range p {
			poly = append(poly, stitch(r, arcs))
		}
		out = append(out, poly)
	}
	return out, nil
}

// stitch joins the arcs of one ring; a negative index ~i means arc i walked backwards, and each arc
// after the first repeats the previous arc's last point, which is dropped.
func stitch(indices []int, arcs [][]point) ring {
	var r ring
	for k, idx := range indices {
		var arc []point
		if idx < 0 {
			arc = reversed(arcs[^idx])
		} else {
			arc = arcs[idx]
		}
		if k > 0 && len(arc) > 0 {
			arc = arc[1:]
		}
		r = append(r, arc...)
	}
	return r
}

func reversed(pts []point) []point {
	out := make([]point, len(pts))
	for i, p := range pts {
		out[len(pts)-1-i] = p
	}
	return out
}
