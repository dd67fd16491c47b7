package stakeholdermap

// box is an axis-aligned rectangle used to keep labels from overlapping.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) inside(b box) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// placer puts labels next to points, greedily, in the first free spot among right, left, above, below.
// A label with no free spot is left out of the picture; its name stays in the point's tooltip and in the
// text alternative, which is better than an unreadable pile of text.
type placer struct {
	bounds box
	placed []box
}

// label is a placed label: where its text starts and how it is anchored.
type label struct {
	x, y   float64
	anchor string
	ok     bool
}

func (p *placer) place(px, py, r float64, text string, size float64) label {
	w := textWidth(text, size)
	h := size
	candidates := []struct {
		x, y   float64
		anchor string
		b      box
	}{
		{px + r + 2, py + h/3, "start", box{px + r + 2, py - h/2, px + r + 2 + w, py + h/2}},
		{px - r - 2, py + h/3, "end", box{px - r - 2 - w, py - h/2, px - r - 2, py + h/2}},
		{px, py - r - 3, "middle", box{px - w/2, py - r - 3 - h, px + w/2, py - r - 3}},
		{px, py + r + h, "middle", box{px - w/2, py + r + 1, px + w/2, py + r + 1 + h}},
	}
	for _, c := range candidates {
		if !c.b.inside(p.bounds) || p.collides(c.b) {
			continue
		}
		p.placed = append(p.placed, c.b)
		return label{c.x, c.y, c.anchor, true}
	}
	return label{}
}

func (p *placer) collides(b box) bool {
	for _, o := range p.placed {
		if o.overlaps(b) {
			return true
		}
	}
	return false
}
