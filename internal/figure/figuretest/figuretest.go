// Package figuretest holds what the figures' tests share: text that has broken SVG writers, and a check that
// a document is well-formed XML.
package figuretest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"testing"
)

// Hostile is the seed corpus of every figure's fuzz test: control characters pasted from word processors,
// invalid UTF-8, markup, unbalanced bidi controls and emoji sequences that must stay whole.
var Hostile = []string{
	"",
	"Comité\vde pilotage",       // Word's Shift+Enter
	"nul\x00 \x01\x02\x03 \x1b", // NUL and low controls
	"del\x7f c1\u0080\u0085\u009f",
	"caf\xe9 \xff\xfe",
	"\ufffe\uffff",
	"<script>alert(1)</script> & ]]> \"'",
	"\u202eevil.exe \u2067مرحبا",
	"\u202c\u2069 closers first",
	"👩🏽‍🌾 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
	"a very long label that goes on and on and on and on and on and on and on and on and on and on and on",
	"\r\n\r\t",
}

// WellFormed reports an error when doc is not one well-formed XML document with an svg root.
func WellFormed(doc []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if e.Name.Local != "svg" {
					return fmt.Errorf("root element is <%s>, want <svg>", e.Name.Local)
				}
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 || depth != 0 {
		return fmt.Errorf("%d root elements, %d left open", roots, depth)
	}
	return nil
}

// Check fails the test when doc is not well-formed, quoting the input that produced it.
func Check(t *testing.T, input string, doc []byte) {
	t.Helper()
	if err := WellFormed(doc); err != nil {
		t.Fatalf("input %+q gives an ill-formed figure: %v", input, err)
	}
}

// Seed adds the hostile corpus to a fuzz test taking one string.
func Seed(f *testing.F) {
	for _, s := range Hostile {
		f.Add(s)
	}
}
