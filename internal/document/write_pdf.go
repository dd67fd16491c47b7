package document

import (
	"fmt"
	"io"
	"time"

	"boussole/internal/pdf"
)

// WritePDF writes the document as PDF, with the same sections and blocks as WriteODT, the figures drawn
// from the same SVG.
func WritePDF(w io.Writer, d Doc, author string, created time.Time) error {
	p := pdf.New(pdf.Meta{Title: d.Title, Subject: string(d.Kind), Author: author, Created: created})
	level := 1
	if d.Compact {
		level = 2
		p.Styled(pdf.Centered, d.Cover.Authority)
		p.Styled(pdf.DocTitle, d.Cover.Title)
		if d.Cover.Subtitle != "" {
			p.Styled(pdf.Centered, d.Cover.Subtitle)
		}
		for _, l := range d.Cover.Lines {
			p.Styled(pdf.Small, l)
		}
	} else {
		p.Cover(pdf.Cover{Authority: d.Cover.Authority, Title: d.Cover.Title, Subtitle: d.Cover.Subtitle, Lines: d.Cover.Lines})
	}
	if d.TOC {
		p.TableOfContents("Table des matières")
	}
	for _, s := range d.Sections {
		if s.Title != "" {
			p.Heading(level, s.Title)
		}
		for _, b := range s.Blocks {
			writePDFBlock(p, b, d.Compact)
		}
	}
	if _, err := p.WriteTo(w); err != nil {
		return fmt.Errorf("document PDF : %w", err)
	}
	return nil
}

func writePDFBlock(p *pdf.Document, b Block, compact bool) {
	switch b := b.(type) {
	case Heading:
		if compact {
			p.Heading(3, b.Text)
		} else {
			p.Heading(b.Level, b.Text)
		}
	case Paragraph:
		p.Paragraph(b.Text)
	case Note:
		p.Styled(pdf.Note, b.Text)
	case Field:
		p.Labelled(b.Label, b.Text)
	case List:
		p.List(b.Items, b.Numbered)
	case Table:
		p.Table(pdf.Table{Caption: b.Caption, Header: b.Header, Rows: b.Rows, Widths: b.Widths})
	case Figure:
		p.Figure(b.SVG, b.Title, b.Desc, b.WidthCM*10)
	}
}
