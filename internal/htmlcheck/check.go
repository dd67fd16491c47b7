package htmlcheck

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// openElement is an element whose end tag has not been seen yet.
type openElement struct {
	name     string
	line     int
	foreign  bool   // inside <svg> or <math>
	needName string // "bouton" or "lien" when it must get a name from its content
	hasName  bool   // text or an image with alt was seen inside
}

// checker walks the tokens of one page and collects problems.
type checker struct {
	z        tokenizer
	problems []Problem
	stack    []*openElement
	refs     references

	seenDoctype bool
	seenElement bool
	seenHTML    bool
	afterHTML   bool
	titles      int
}

// Check returns the problems of an HTML5 page, sorted by line. A page with
// no problem gives an empty slice.
func Check(body []byte) []Problem {
	c := &checker{refs: newReferences()}
	c.z = tokenizer{src: body, report: c.report}
	c.checkEncoding(body)
	c.run()
	c.finish()
	sort.SliceStable(c.problems, func(i, j int) bool { return c.problems[i].Line < c.problems[j].Line })
	return c.problems
}

func (c *checker) report(line int, format string, args ...any) {
	c.problems = append(c.problems, Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

// checkEncoding reports the first byte that is not UTF-8.
func (c *checker) checkEncoding(body []byte) {
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			c.report(1+strings.Count(string(body[:i]), "\n"), "octet invalide en UTF-8")
			return
		}
		i += size
	}
}

func (c *checker) run() {
	for {
		t := c.z.next()
		switch t.kind {
		case eofToken:
			return
		case doctypeToken:
			c.doctype(t)
		case textToken:
			c.text(t.text, t.line)
		case cdataToken:
			if top := c.top(); top == nil || !top.foreign {
				c.report(t.line, "section CDATA hors de SVG ou MathML")
			}
			c.text(t.text, t.line)
		case startTagToken:
			c.startTag(t)
		case endTagToken:
			c.endTag(t)
		}
	}
}

func (c *checker) doctype(t token) {
	switch {
	case c.seenDoctype:
		c.report(t.line, "doctype en double")
	case c.seenElement:
		c.report(t.line, "doctype après le début du document")
	}
	if !strings.EqualFold(t.text, "html") {
		c.report(t.line, "doctype « %s » : <!DOCTYPE html> attendu", t.text)
	}
	c.seenDoctype = true
}

// text marks the open elements as named by visible text.
func (c *checker) text(s string, line int) {
	trimmed := strings.TrimLeft(s, " \t\n\r\f")
	if strings.TrimSpace(trimmed) == "" {
		return
	}
	if c.afterHTML {
		c.report(line+strings.Count(s[:len(s)-len(trimmed)], "\n"), "texte après </html>")
	}
	c.markNamed()
}

func (c *checker) markNamed() {
	for _, e := range c.stack {
		e.hasName = true
	}
}

func (c *checker) top() *openElement {
	if len(c.stack) == 0 {
		return nil
	}
	return c.stack[len(c.stack)-1]
}

// nearest returns the innermost open element among names, or nil.
func (c *checker) nearest(names ...string) *openElement {
	for i := len(c.stack) - 1; i >= 0; i-- {
		for _, n := range names {
			if c.stack[i].name == n {
				return c.stack[i]
			}
		}
	}
	return nil
}

// finish reports what only the end of the page reveals.
func (c *checker) finish() {
	for i := len(c.stack) - 1; i >= 0; i-- {
		c.report(c.stack[i].line, "<%s> jamais fermé", c.stack[i].name)
	}
	if !c.seenDoctype {
		c.report(1, "doctype manquant : la page doit commencer par <!DOCTYPE html>")
	}
	if !c.seenHTML {
		c.report(1, "élément <html lang=\"fr\"> manquant")
	}
	if c.titles == 0 {
		c.report(1, "élément <title> manquant")
	}
	c.refs.check(c.report)
}
