package document

import (
	"fmt"
	"io"
	"time"

	"boussole/internal/odt"
)

// WriteODT writes the document as an OpenDocument text. created dates the archive's entries and its
// metadata, so the same document made at the same moment gives the same bytes.
func WriteODT(w io.Writer, d Doc, author string, created time.Time) error {
	o := odt.New(odt.Meta{Title: d.Title, Subject: string(d.Kind), Author: author, Created: created})
	level := 1
	if d.Compact {
		level = 2
		o.Styled(odt.Centered, d.Cover.Authority)
		o.Styled(odt.DocTitle, d.Cover.Title)
		if d.Cover.Subtitle != "" {
			o.Styled(odt.Centered, d.Cover.Subtitle)
		}
		for _, l := range d.Cover.Lines {
			o.Styled(odt.Small, l)
		}
	} else {
		o.Cover(odt.Cover{Authority: d.Cover.Authority, Title: d.Cover.Title, Subtitle: d.Cover.Subtitle, Lines: d.Cover.Lines})
	}
	if d.TOC {
		o.TableOfContents("Table des matières")
	}
	for _, s := range d.Sections {
		if s.Title != "" {
			o.Heading(level, s.Title)
		}
		for _, b := range s.Blocks {
			if err := writeBlock(o, b, d.Compact); err != nil {
				return fmt.Errorf("section %s : %w", s.Title, err)
			}
		}
	}
	_, err := o.WriteTo(w)
	return err
}

func writeBlock(o *odt.Document, b Block, compact bool) error {
	switch b := b.(type) {
	case Heading:
		if compact {
			o.Heading(3, b.Text)
		} else {
			o.Heading(b.Level, b.Text)
		}
	case Paragraph:
		o.Paragraph(b.Text)
	case Note:
		o.Styled(odt.Note, b.Text)
	case Field:
		if b.Text == "" {
			o.Runs(odt.Body, odt.Span{Text: b.Label, Bold: true})
		} else {
			o.Labelled(b.Label, b.Text)
		}
	case List:
		if b.Numbered {
			o.NumberedList(b.Items)
		} else {
			o.List(b.Items)
		}
	case Table:
		o.Table(odt.Table{Caption: b.Caption, Header: b.Header, Rows: b.Rows, Widths: b.Widths})
	case Figure:
		return o.Figure(odt.Figure{SVG: b.SVG, Title: b.Title, Desc: b.Desc, WidthCM: b.WidthCM})
	}
	return nil
}
