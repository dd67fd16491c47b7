package pdf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// The figures are drawn from their SVG, the same bytes the pages show, by a small interpreter of what the
// figure packages write: groups with inherited presentation attributes, rectangles, circles, lines,
// polylines, paths (M, L, H, V, C, Z, absolute and relative), texts with their tspans, rotations, and
// patterns painted with their background colour. Anything else (markers, titles) is left out.

// node is an SVG element with its children and text, in document order.
type node struct {
	name  string
	attrs map[string]string
	kids  []*node
	text  string // character data directly inside, for text and tspan
}

func parseSVG(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*node
	var root *node
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name.Local, attrs: map[string]string{}}
			for _, a := range t.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				if top.name == "text" && len(top.kids) > 0 { // text after a tspan belongs after it
					top.kids = append(top.kids, &node{name: "#text", text: string(t), attrs: map[string]string{}})
				} else {
					top.text += string(t)
				}
			}
		}
	}
	if root == nil || root.name != "svg" {
		return nil, errors.New("pas un document SVG")
	}
	return root, nil
}

// style is the inherited presentation state.
type style struct {
	fill, stroke string
	strokeWidth  float64
	fontSize     float64
	bold, italic bool
	anchor       string
}

// svgCanvas maps SVG user units onto the page.
type svgCanvas struct {
	r        *renderer
	x0, y0   float64 // top left on the page, mm
	k        float64 // mm per user unit
	minX     float64
	minY     float64
	patterns map[string]string // pattern id → its background colour
}

func (c *svgCanvas) px(x float64) float64 { return c.x0 + (x-c.minX)*c.k }
func (c *svgCanvas) py(y float64) float64 { return c.y0 + (y-c.minY)*c.k }

// svgBox returns the figure's viewBox (or its width and height).
func svgBox(root *node) (minX, minY, w, h float64, ok bool) {
	if f := numbers(root.attrs["viewBox"]); len(f) == 4 && f[2] > 0 && f[3] > 0 {
		return f[0], f[1], f[2], f[3], true
	}
	w, h = num(root.attrs["width"]), num(root.attrs["height"])
	return 0, 0, w, h, w > 0 && h > 0
}

func num(s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	if err != nil {
		return 0
	}
	return v
}

func numbers(s string) []float64 {
	var out []float64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// drawSVG draws a figure at the current position, widthMM wide (narrower when it would not fit on a page).
func (r *renderer) drawSVG(data []byte, widthMM float64) error {
	root, err := parseSVG(data)
	if err != nil {
		return err
	}
	minX, minY, w, h, ok := svgBox(root)
	if !ok {
		return errors.New("figure SVG sans taille")
	}
	k := widthMM / w
	maxH := pageH - bottom - 4 - 20 - 12
	if h*k > maxH {
		k = maxH / h
	}
	if r.f.GetY()+h*k > pageH-bottom-4 {
		r.f.AddPage()
	}
	c := &svgCanvas{r: r, x0: margin + (textW-w*k)/2, y0: r.f.GetY(), k: k, minX: minX, minY: minY, patterns: map[string]string{}}
	c.collectPatterns(root)
	c.draw(root, style{fill: "#000", stroke: "none", strokeWidth: 1, fontSize: 16, anchor: "start"})
	r.f.SetXY(margin, c.y0+h*k+1.5)
	r.f.SetTextColor(0, 0, 0)
	r.f.SetLineWidth(0.2)
	return nil
}

func (c *svgCanvas) collectPatterns(n *node) {
	if n.name == "pattern" {
		for _, k := range n.kids {
			if k.name == "rect" && k.attrs["fill"] != "" {
				c.patterns[n.attrs["id"]] = k.attrs["fill"]
				break
			}
		}
		return
	}
	for _, k := range n.kids {
		c.collectPatterns(k)
	}
}

// inherit applies n's presentation attributes on top of the parent's.
func inherit(s style, n *node) style {
	if v, ok := n.attrs["fill"]; ok {
		s.fill = v
	}
	if v, ok := n.attrs["stroke"]; ok {
		s.stroke = v
	}
	if v, ok := n.attrs["stroke-width"]; ok {
		s.strokeWidth = num(v)
	}
	if v, ok := n.attrs["font-size"]; ok && num(v) > 0 {
		s.fontSize = num(v)
	}
	if v, ok := n.attrs["font-weight"]; ok {
		s.bold = v == "bold" || num(v) >= 600
	}
	if v, ok := n.attrs["font-style"]; ok {
		s.italic = v == "italic"
	}
	if v, ok := n.attrs["text-anchor"]; ok {
		s.anchor = v
	}
	return s
}

func (c *svgCanvas) draw(n *node, s style) {
	switch n.name {
	case "defs", "pattern", "title", "desc", "marker", "metadata", "style", "script", "clipPath", "mask":
		return
	}
	s = inherit(s, n)
	rotated := c.rotate(n)
	switch n.name {
	case "rect":
		if ok := c.paint(s); ok != "" {
			x, y, w, h := num(n.attrs["x"]), num(n.attrs["y"]), num(n.attrs["width"]), num(n.attrs["height"])
			if w > 0 && h > 0 {
				c.r.f.Rect(c.px(x), c.py(y), w*c.k, h*c.k, ok)
			}
		}
	case "circle":
		if ok := c.paint(s); ok != "" {
			c.r.f.Circle(c.px(num(n.attrs["cx"])), c.py(num(n.attrs["cy"])), num(n.attrs["r"])*c.k, ok)
		}
	case "ellipse":
		if ok := c.paint(s); ok != "" {
			c.r.f.Ellipse(c.px(num(n.attrs["cx"])), c.py(num(n.attrs["cy"])), num(n.attrs["rx"])*c.k, num(n.attrs["ry"])*c.k, 0, ok)
		}
	case "line":
		if s.stroke != "none" && s.stroke != "" {
			s.fill = "none"
			c.paint(s)
			c.r.f.Line(c.px(num(n.attrs["x1"])), c.py(num(n.attrs["y1"])), c.px(num(n.attrs["x2"])), c.py(num(n.attrs["y2"])))
		}
	case "polyline", "polygon":
		if ok := c.paint(s); ok != "" {
			c.polyline(numbers(n.attrs["points"]), n.name == "polygon", ok)
		}
	case "path":
		if ok := c.paint(s); ok != "" {
			c.path(n.attrs["d"], ok)
		}
	case "text":
		c.text(n, s)
	default: // svg, g, a: containers
		for _, k := range n.kids {
			c.draw(k, s)
		}
	}
	if rotated {
		c.r.f.TransformEnd()
	}
}

// rotate applies a transform="rotate(a cx cy)"; other transforms are not written by the figures.
func (c *svgCanvas) rotate(n *node) bool {
	t := strings.TrimSpace(n.attrs["transform"])
	if !strings.HasPrefix(t, "rotate(") || !strings.HasSuffix(t, ")") {
		return false
	}
	f := numbers(strings.TrimSuffix(strings.TrimPrefix(t, "rotate("), ")"))
	if len(f) == 0 {
		return false
	}
	cx, cy := 0.0, 0.0
	if len(f) == 3 {
		cx, cy = f[1], f[2]
	}
	c.r.f.TransformBegin()
	c.r.f.TransformRotate(-f[0], c.px(cx), c.py(cy)) // SVG turns clockwise on a y-down page, PDF counter-clockwise
	return true
}

// paint sets the colours and returns fpdf's style string, "" when nothing is to be drawn.
func (c *svgCanvas) paint(s style) string {
	op := ""
	if rgb, ok := c.colour(s.fill); ok {
		c.r.f.SetFillColor(rgb[0], rgb[1], rgb[2])
		op += "F"
	}
	if rgb, ok := c.colour(s.stroke); ok && s.strokeWidth > 0 {
		c.r.f.SetDrawColor(rgb[0], rgb[1], rgb[2])
		c.r.f.SetLineWidth(math.Max(s.strokeWidth*c.k, 0.05))
		op += "D"
	}
	return op
}

var namedColours = map[string]string{"black": "#000000", "white": "#ffffff", "red": "#ff0000", "green": "#008000", "blue": "#0000ff",
	"grey": "#808080", "gray": "#808080", "currentColor": "#000000"}

// colour reads #rgb, #rrggbb, a few names, or a pattern (its background); false for none.
func (c *svgCanvas) colour(v string) ([3]int, bool) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "url(#") {
		v = c.patterns[strings.TrimSuffix(strings.TrimPrefix(v, "url(#"), ")")]
		if v == "" {
			v = "#cccccc"
		}
	}
	if n, ok := namedColours[v]; ok {
		v = n
	}
	if !strings.HasPrefix(v, "#") {
		return [3]int{}, false
	}
	h := v[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return [3]int{}, false
	}
	x, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return [3]int{}, false
	}
	return [3]int{int(x >> 16 & 255), int(x >> 8 & 255), int(x & 255)}, true
}

func (c *svgCanvas) polyline(pts []float64, closed bool, op string) {
	if len(pts) < 4 {
		return
	}
	c.r.f.MoveTo(c.px(pts[0]), c.py(pts[1]))
	for i := 2; i+1 < len(pts); i += 2 {
		c.r.f.LineTo(c.px(pts[i]), c.py(pts[i+1]))
	}
	if closed {
		c.r.f.ClosePath()
	}
	c.r.f.DrawPath(op)
}
