package pdf

import "boussole/internal/cleantext"

// Figure appends a figure drawn from its SVG, widthMM wide (the text's width when zero), with its title as
// a caption. A picture the interpreter cannot read gives its title and text alternative in a frame instead,
// the words a screen reader says of it on the pages.
func (d *Document) Figure(svg []byte, title, desc string, widthMM float64) {
	title, desc = drawable(cleantext.Line(title)), clean(desc)
	if widthMM <= 0 || widthMM > textW {
		widthMM = textW
	}
	d.ops = append(d.ops, func(r *renderer) {
		if len(svg) > 0 && r.drawSVG(svg, widthMM) == nil {
			r.caption(title)
			return
		}
		r.figureText(title, desc)
	})
}

func (r *renderer) caption(title string) {
	if title == "" {
		return
	}
	r.font("", 8.5)
	r.f.SetTextColor(90, 90, 90)
	r.f.MultiCell(textW, 4.2, title, "", "C", false)
	r.f.SetTextColor(0, 0, 0)
	r.f.Ln(3)
}

func (r *renderer) figureText(title, desc string) {
	if r.f.GetY()+20 > pageH-bottom-4 {
		r.f.AddPage()
	}
	r.f.SetDrawColor(122, 122, 122)
	r.f.SetFillColor(244, 246, 250)
	r.font("B", 9)
	r.f.MultiCell(textW, 5, "Figure : "+title, "LTR", "L", true)
	r.font("", 9)
	text := desc
	if text == "" {
		text = "Figure sans description."
	}
	r.f.MultiCell(textW, 4.5, text, "LBR", "L", true)
	r.f.Ln(3)
}
