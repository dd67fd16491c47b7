// Package odt writes OpenDocument text files (ODT, ODF 1.3), the editable format the French interoperability
// framework recommends, without any library: a document is a zip whose first entry, stored uncompressed, is
// its media type, then content.xml (the body), styles.xml (named styles, page layout, footer with page
// numbers), meta.xml and META-INF/manifest.xml listing every part.
//
// A Document is built block by block (cover, table of contents, headings, paragraphs, lists, tables, SVG
// figures) and written once with WriteTo. Every piece of text goes through cleantext.String and XML escaping,
// so nothing a user typed can break the document or add markup to it; the finished XML goes through
// cleantext.XML as a last guarantee.
//
// The table of contents is an ODF index field: LibreOffice and Word list the headings it was written with,
// each linked to its heading; page numbers appear once the reader updates the index (in LibreOffice, « Outils
// > Mettre à jour > Tout mettre à jour »), since only a layout engine knows them.
package odt
