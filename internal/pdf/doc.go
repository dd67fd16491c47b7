// Package pdf writes PDF documents with an embedded free font that covers French (DejaVu Sans, see
// fonts/SOURCE.md), through the pure-Go fpdf library: a cover without page number, a table of contents with
// the pages of its headings, headings that are also the PDF's bookmarks, justified paragraphs, lists,
// tables whose header row repeats on every page and whose long rows continue on the next, and page numbers
// « Page 3 sur 12 » in the footer.
//
// A Document records its blocks and renders them twice when written: the first pass learns on which page
// each heading falls, the second writes the table of contents with those numbers. Every text goes through
// cleantext.String first.
package pdf
