package logframe

import "boussole/internal/figure/svg"

// box is a placed rectangle with its wrapped text.
type box struct {
	x, y, w, h float64
	label      string
	lines      []string
	fill       string
}

// layout places the tree: each result takes one column; an objective spans its results (at least one
// column); the general objective spans everything. Each row is as tall as its tallest box.
type layout struct {
	width, height float64
	boxes         []box
	links         [][4]float64 // x1, y1, x2, y2 of parent-bottom → child-top connectors
}

var fills = [...]string{"#dbe9f6", "#e4f2dc", "#fdf1d6", "#eeeeee"}

func newLayout(root *node, withActivities bool) *layout {
	cols := 0
	for _, o := range root.kids {
		cols += max(1, len(o.kids))
	}
	cols = max(cols, 1)
	l := &layout{width: 2*margin + float64(cols)*colW + float64(cols-1)*boxGap}
	inner := l.width - 2*margin

	// Row heights come from the tallest wrapped text in each row.
	rowText := func(texts []string, width float64) float64 {
		h := 0.0
		for _, t := range texts {
			h = max(h, boxHeight(len(wrap(t, chars(width), maxLines))))
		}
		return h
	}
	var objTitles, resTitles []string
	for _, o := range root.kids {
		objTitles = append(objTitles, o.title)
		for _, r := range o.kids {
			resTitles = append(resTitles, r.title)
		}
	}
	y0 := margin
	h0 := rowText([]string{root.title}, min(inner, 3*colW))
	y1 := y0 + h0 + rowGap
	h1 := rowText(objTitles, colW)
	y2 := y1 + h1 + rowGap
	h2 := rowText(resTitles, colW)
	y3 := y2 + h2 + rowGap
	h3 := boxHeight(0)

	gw := min(inner, 3*colW)
	gx := margin + (inner-gw)/2
	l.add(gx, y0, gw, h0, root.label, root.title, 0)
	bottom := y0 + h0
	col := 0
	for _, o := range root.kids {
		span := max(1, len(o.kids))
		ox := margin + float64(col)*(colW+boxGap)
		ow := float64(span)*colW + float64(span-1)*boxGap
		l.add(ox, y1, ow, h1, o.label, o.title, 1)
		l.link(gx+gw/2, y0+h0, ox+ow/2, y1)
		bottom = max(bottom, y1+h1)
		for i, r := range o.kids {
			rx := margin + float64(col+i)*(colW+boxGap)
			l.add(rx, y2, colW, h2, r.label, r.title, 2)
			l.link(ox+ow/2, y1+h1, rx+colW/2, y2)
			bottom = max(bottom, y2+h2)
			if withActivities {
				l.boxes = append(l.boxes, box{x: rx, y: y3, w: colW, h: h3, label: activities(r.activity), fill: fills[3]})
				l.link(rx+colW/2, y2+h2, rx+colW/2, y3)
				bottom = max(bottom, y3+h3)
			}
		}
		col += span
	}
	l.height = bottom + margin
	return l
}

// chars is how many characters fit on a line of a box of width w.
func chars(w float64) int { return max(8, int(float64(charsLine)*(w/colW))) }

// boxHeight fits a label line plus n lines of text.
func boxHeight(n int) float64 { return 2*pad + lineH*float64(n+1) }

func (l *layout) add(x, y, w, h float64, label, title string, level int) {
	l.boxes = append(l.boxes, box{x: x, y: y, w: w, h: h, label: label, lines: wrap(title, chars(w), maxLines), fill: fills[level]})
}

// link joins a parent's bottom to a child's top with an elbow through the middle of the gap.
func (l *layout) link(x1, y1, x2, y2 float64) { l.links = append(l.links, [4]float64{x1, y1, x2, y2}) }

func (l *layout) draw(d *svg.Doc) {
	for _, k := range l.links {
		mid := k[1] + (k[3]-k[1])/2
		d.Rawf(`<path d="M%s %sV%sH%sV%s" fill="none" stroke="#555" stroke-width="1.5"/>`,
			svg.Num(k[0]), svg.Num(k[1]), svg.Num(mid), svg.Num(k[2]), svg.Num(k[3]))
	}
	for _, b := range l.boxes {
		d.Rect(b.x, b.y, b.w, b.h, `rx="6" fill="`+b.fill+`" stroke="#333"`)
		d.Rawf(`<text x="%s" y="%s">`, svg.Num(b.x+pad), svg.Num(b.y+pad+lineH-4))
		d.Rawf(`<tspan font-weight="bold">%s</tspan>`, svg.Esc(b.label))
		for _, line := range b.lines {
			d.Rawf(`<tspan x="%s" dy="%s">%s</tspan>`, svg.Num(b.x+pad), svg.Num(lineH), svg.Esc(line))
		}
		d.Raw(`</text>`)
	}
}
