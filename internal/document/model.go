package document

// Doc is one generated document: a cover, then sections in order.
type Doc struct {
	Kind  Kind
	Title string // the document's title, also its metadata title and the footer's
	Cover Cover
	TOC   bool // whether a table of contents follows the cover
	// Compact documents (the one-page summary, the deliberation) have no cover page: the cover's title
	// and lines head the first page, and sections do not start new pages.
	Compact  bool
	Sections []Section
}

// Kind says which deliverable a Doc is.
type Kind string

// The deliverables.
const (
	KindStrategy     Kind = "strategie"
	KindOnePage      Kind = "une-page"
	KindDeliberation Kind = "deliberation"
)

// Cover is the first page.
type Cover struct {
	Authority string
	Title     string
	Subtitle  string
	Lines     []string
}

// Section is one part of the document, under a heading of level 1.
type Section struct {
	Key    string // a SectionKey for the strategy document
	Title  string
	Blocks []Block
}

// Block is one element of a section's body: one of the types below.
type Block interface{ block() }

// Heading is a sub-heading of level 2 or 3 inside a section.
type Heading struct {
	Level int
	Text  string
}

// Paragraph is body text; line breaks stay.
type Paragraph struct{ Text string }

// Note is a remark set apart, such as what is missing and where to fill it in.
type Note struct{ Text string }

// Field is « Label : text », a field of a record.
type Field struct{ Label, Text string }

// List is a bulleted list, or a numbered one.
type List struct {
	Items    []string
	Numbered bool
}

// Table is a table with a caption and a header row.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
	Widths  []float64 // relative column widths
}

// Figure is an SVG picture the pages show, with its text alternative.
type Figure struct {
	SVG     []byte
	Title   string
	Desc    string
	WidthCM float64 // the text's width when zero
}

func (Heading) block()   {}
func (Paragraph) block() {}
func (Note) block()      {}
func (Field) block()     {}
func (List) block()      {}
func (Table) block()     {}
func (Figure) block()    {}
