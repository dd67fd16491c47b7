package odt

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Figure is an SVG picture with its accessible name and description, the same bytes the pages show.
type Figure struct {
	SVG     []byte
	Title   string  // the frame's name for screen readers (svg:title)
	Desc    string  // the long description (svg:desc): the figure's text alternative
	WidthCM float64 // 17 (the text width) when zero; the height follows the picture's proportions
}

// image is one picture stored in the archive under Pictures/.
type image struct {
	path string
	data []byte
}

// maxHeight keeps a figure on one A4 page with its caption, in centimetres.
const maxHeight = 22.0

// Figure appends a picture in its own centred paragraph, with Title as a caption under it. It refuses bytes
// that are not an SVG document with a size, so a broken figure is seen when the document is made rather than
// as an empty frame in the reader's word processor.
func (d *Document) Figure(f Figure) error {
	w, h, err := svgSize(f.SVG)
	if err != nil {
		return err
	}
	width := f.WidthCM
	if width <= 0 || width > pageWidth {
		width = pageWidth
	}
	height := width * h / w
	if height > maxHeight {
		width, height = width*maxHeight/height, maxHeight
	}
	n := len(d.images) + 1
	path := fmt.Sprintf("Pictures/figure%d.svg", n)
	d.images = append(d.images, image{path: path, data: f.SVG})
	fmt.Fprintf(&d.body, `<text:p text:style-name="Figure"><draw:frame draw:style-name="FigureFrame" draw:name="Figure%d" text:anchor-type="as-char" svg:width="%.2fcm" svg:height="%.2fcm" draw:z-index="0">`, n, width, height)
	fmt.Fprintf(&d.body, `<draw:image xlink:href="%s" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="image/svg+xml"/>`, path)
	fmt.Fprintf(&d.body, `<svg:title>%s</svg:title><svg:desc>%s</svg:desc></draw:frame></text:p>`, attr(f.Title), inline(strings.TrimSpace(f.Desc)))
	if f.Title != "" {
		d.Styled("Figure_20_Caption", f.Title)
	}
	return nil
}

// svgSize reads the width and height of an SVG document's root, or its viewBox when they are absent.
func svgSize(doc []byte) (w, h float64, err error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, errors.New("odt: la figure n'est pas un document SVG")
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0, errors.New("odt: la figure n'est pas un document SVG")
		}
		var box []float64
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				w = length(a.Value)
			case "height":
				h = length(a.Value)
			case "viewBox":
				for _, f := range strings.Fields(strings.ReplaceAll(a.Value, ",", " ")) {
					v, _ := strconv.ParseFloat(f, 64)
					box = append(box, v)
				}
			}
		}
		if (w <= 0 || h <= 0) && len(box) == 4 {
			w, h = box[2], box[3]
		}
		if w <= 0 || h <= 0 {
			return 0, 0, errors.New("odt: la figure SVG n'a pas de taille")
		}
		return w, h, nil
	}
}

// length reads an SVG length in user units, ignoring a px unit; any other unit reads as unknown.
func length(s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	if err != nil {
		return 0
	}
	return v
}
