package main

import "math"

// splitAntimeridian cuts a ring that crosses the 180th meridian (Russia's Chukotka, Fiji) into the
// pieces on each side; drawn whole, such a ring would streak across the map from edge to edge.
func splitAntimeridian(r ring) []ring {
	crosses := false
	for i := 1; i < len(r); i++ {
		if math.Abs(r[i].X-r[i-1].X) > 180 {
			crosses = true
			break
		}
	}
	if !crosses {
		return []ring{r}
	}
	// Make longitudes continuous, then bring the ring to start within [-180, 180].
	u := make(ring, len(r))
	shift, low := 0.0, math.Inf(1)
	for i, p := range r {
		if i > 0 {
			switch d := p.X - r[i-1].X; {
			case d > 180:
				shift -= 360
			case d < -180:
				shift += 360
			}
		}
		u[i] = point{p.X + shift, p.Y}
		low = math.Min(low, u[i].X)
	}
	if low < -180 {
		for i := range u {
			u[i].X += 360
		}
	}
	var out []ring
	if west := clipLon(u, true); len(west) >= 3 {
		out = append(out, west)
	}
	if east := clipLon(u, false); len(east) >= 3 {
		for i := range east {
			east[i].X -= 360
		}
		out = append(out, east)
	}
	return out
}

// clipLon keeps the part of a ring west (keepWest) or east of longitude 180, by Sutherland–Hodgman.
func clipLon(r ring, keepWest bool) ring {
	inside := func(p point) bool { return (p.X <= 180) == keepWest || p.X == 180 }
	var out ring
	for i := range r {
		cur, prev := r[i], r[(i+len(r)-1)%len(r)]
		if inside(cur) != inside(prev) {
			t := (180 - prev.X) / (cur.X - prev.X)
			out = append(out, point{180, prev.Y + t*(cur.Y-prev.Y)})
		}
		if inside(cur) {
			out = append(out, cur)
		}
	}
	return out
}
