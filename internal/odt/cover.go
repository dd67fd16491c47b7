package odt

// Cover is the first page: the authority, the title and a few lines (term, status, date), without a page
// number.
type Cover struct {
	Authority string
	Title     string
	Subtitle  string
	Lines     []string
}

// Cover appends the cover page; call it first. The page after it starts the numbered pages.
func (d *Document) Cover(c Cover) {
	d.Styled("Cover_20_Authority", c.Authority)
	d.Styled("Title", c.Title)
	if c.Subtitle != "" {
		d.Styled("Subtitle", c.Subtitle)
	}
	for _, l := range c.Lines {
		d.Styled("Cover_20_Line", l)
	}
	d.body.WriteString(`<text:p text:style-name="Cover_20_End"/>`)
}
