package pdf

import (
	"strings"

	"boussole/internal/cleantext"
)

// run is a piece of a text element in one style.
type run struct {
	text string
	s    style
}

// line is the runs drawn from one position.
type line struct {
	x, y float64
	runs []run
}

// text draws a text element and its tspans: a tspan with x starts a new line, dy moves the baseline.
func (c *svgCanvas) text(n *node, s style) {
	x, y := num(n.attrs["x"]), num(n.attrs["y"])
	lines := []line{{x: x, y: y}}
	add := func(t string, st style) {
		t = collapse(t)
		if t == "" {
			return
		}
		l := &lines[len(lines)-1]
		l.runs = append(l.runs, run{t, st})
	}
	add(n.text, s)
	for _, k := range n.kids {
		switch k.name {
		case "#text":
			add(k.text, s)
		case "tspan":
			ks := inherit(s, k)
			if v, ok := k.attrs["x"]; ok {
				y += num(k.attrs["dy"])
				if v2, ok := k.attrs["y"]; ok {
					y = num(v2)
				}
				lines = append(lines, line{x: num(v), y: y})
			} else if dy, ok := k.attrs["dy"]; ok {
				y += num(dy)
				lines = append(lines, line{x: lines[len(lines)-1].endX(c), y: y})
			}
			add(k.text, ks)
		}
	}
	for _, l := range lines {
		c.drawLine(l, s.anchor)
	}
}

// endX is where a line's text ends, in user units, for a tspan that only moves the baseline.
func (l line) endX(c *svgCanvas) float64 {
	return l.x + c.width(l.runs)/c.k
}

func (c *svgCanvas) setFont(s style) {
	st := ""
	if s.bold {
		st = "B"
	}
	c.r.font(st, s.fontSize*c.k/0.3528) // points from millimetres
}

// width is the runs' width on the page, in millimetres.
func (c *svgCanvas) width(runs []run) float64 {
	w := 0.0
	for _, r := range runs {
		c.setFont(r.s)
		w += c.r.f.GetStringWidth(r.text)
	}
	return w
}

func (c *svgCanvas) drawLine(l line, anchor string) {
	if len(l.runs) == 0 {
		return
	}
	x := c.px(l.x)
	switch anchor {
	case "middle":
		x -= c.width(l.runs) / 2
	case "end":
		x -= c.width(l.runs)
	}
	for _, r := range l.runs {
		c.setFont(r.s)
		if rgb, ok := c.colour(r.s.fill); ok {
			c.r.f.SetTextColor(rgb[0], rgb[1], rgb[2])
		}
		c.r.f.Text(x, c.py(l.y), r.text)
		x += c.r.f.GetStringWidth(r.text)
	}
}

// collapse cleans a text and folds its white space as SVG does.
func collapse(t string) string {
	t = drawable(cleantext.Line(t))
	lead, trail := strings.HasPrefix(t, " "), strings.HasSuffix(t, " ")
	t = strings.Join(strings.Fields(t), " ")
	if t == "" {
		return ""
	}
	if lead {
		t = " " + t
	}
	if trail {
		t += " "
	}
	return t
}
