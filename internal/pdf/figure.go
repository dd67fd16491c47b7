package pdf

import "boussole/internal/cleantext"

// Figure appends a figure. The PDF gives its title and its text alternative in a frame, the same words a
// screen reader says of the picture on the pages; the ODT carries the picture itself.
func (d *Document) Figure(title, desc string) {
	title, desc = cleantext.Line(title), clean(desc)
	d.ops = append(d.ops, func(r *renderer) { r.figure(title, desc) })
}

func (r *renderer) figure(title, desc string) {
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
	r.f.MultiCell(textW, 4.5, text+"\nLa figure elle-même est dans la version ODT du document et sur la page correspondante.", "LBR", "L", true)
	r.f.Ln(3)
}
