package odt

import (
	"archive/zip"
	"io"
	"strings"

	"boussole/internal/cleantext"
)

// countingWriter counts the bytes WriteTo writes.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// WriteTo writes the document as an ODT archive. The mimetype entry comes first, stored, with no extra
// field, so tools that sniff the first bytes recognise the format; every other entry is compressed and
// dated with Meta.Created, so the same document gives the same bytes.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	z := zip.NewWriter(cw)
	mt, err := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		return cw.n, err
	}
	if _, err := io.WriteString(mt, MediaType); err != nil {
		return cw.n, err
	}
	parts := []struct{ name, data string }{
		{"content.xml", d.contentXML()},
		{"styles.xml", d.stylesXML()},
		{"meta.xml", d.metaXML()},
		{"META-INF/manifest.xml", d.manifestXML()},
	}
	for _, p := range parts {
		if err := d.add(z, p.name, []byte(cleantext.XML(p.data))); err != nil {
			return cw.n, err
		}
	}
	for _, im := range d.images {
		if err := d.add(z, im.path, im.data); err != nil {
			return cw.n, err
		}
	}
	err = z.Close()
	return cw.n, err
}

func (d *Document) add(z *zip.Writer, name string, data []byte) error {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate}
	if !d.meta.Created.IsZero() {
		h.Modified = d.meta.Created.UTC()
	}
	f, err := z.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return err
}

// manifestXML lists every part of the archive with its media type.
func (d *Document) manifestXML() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">`)
	b.WriteString(`<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="` + MediaType + `"/>`)
	for _, p := range []string{"content.xml", "styles.xml", "meta.xml"} {
		b.WriteString(`<manifest:file-entry manifest:full-path="` + p + `" manifest:media-type="text/xml"/>`)
	}
	for _, im := range d.images {
		b.WriteString(`<manifest:file-entry manifest:full-path="` + im.path + `" manifest:media-type="image/svg+xml"/>`)
	}
	b.WriteString(`</manifest:manifest>`)
	return b.String()
}
