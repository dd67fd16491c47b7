package pdf

import (
	"strings"
	"testing"
	"time"

	"boussole/internal/doctest"
)

// TestCharactersTheFontLacksDoNotBreakTheDocument writes a heading, a paragraph, a list, a table and a
// cover with emoji and other characters beyond the font: the PDF is written, the text around them kept.
func TestCharactersTheFontLacksDoNotBreakTheDocument(t *testing.T) {
	odd := "Eau 💧 et climat 🌍 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✅"
	d := New(Meta{Title: odd, Author: odd, Created: time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)})
	d.Cover(Cover{Authority: odd, Title: odd, Subtitle: odd, Lines: []string{odd}})
	d.TableOfContents("Table des matières")
	d.Heading(1, odd)
	d.Paragraph(odd)
	d.List([]string{odd, odd}, true)
	d.Labelled(odd, odd)
	d.Table(Table{Caption: odd, Header: []string{odd, "Unité"}, Rows: [][]string{{odd, "💧"}}})
	text := doctest.PDFText(t, write(t, d))
	if !strings.Contains(text, "Eau") || !strings.Contains(text, "et climat") {
		t.Errorf("the text around the characters is lost: %q", text)
	}
}
