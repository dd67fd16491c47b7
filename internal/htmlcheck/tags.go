package htmlcheck

import (
	"fmt"
	"slices"
	"strings"
)

// startTag checks a start tag and opens its element.
func (c *checker) startTag(t token) {
	if c.afterHTML {
		c.report(t.line, "<%s> après </html>", t.name)
	}
	if !c.seenElement {
		c.seenElement = true
		if t.name != "html" {
			c.report(t.line, "la page doit commencer par <html lang=\"fr\">, pas <%s>", t.name)
		}
	}
	parent := c.top()
	foreign := t.name == "svg" || t.name == "math" ||
		(parent != nil && parent.foreign && parent.name != "foreignobject")
	c.refs.attributes(t, c.report)
	if foreign {
		c.foreignStart(t)
		return
	}
	c.htmlRules(t, parent)
	if voidElements[t.name] {
		return
	}
	if t.selfClosing {
		c.report(t.line, "<%s/> : un élément non vide ne se ferme pas par « /> », écrire <%s></%s>", t.name, t.name, t.name)
		if !rawTextElements[t.name] {
			return
		}
	}
	if rawTextElements[t.name] {
		c.rawElement(t)
		return
	}
	e := &openElement{name: t.name, line: t.line}
	if !hasAttrNamed(t) {
		switch {
		case t.name == "button":
			e.needName = "bouton"
		case t.name == "a" && hasAttr(t, "href"):
			e.needName = "lien"
		}
	}
	c.stack = append(c.stack, e)
}

// foreignStart handles an element of inline SVG or MathML, where "/>" closes
// any element.
func (c *checker) foreignStart(t token) {
	if t.name == "svg" && hasAttrNamed(t) {
		c.markNamed()
	}
	if t.selfClosing {
		return
	}
	c.stack = append(c.stack, &openElement{name: t.name, line: t.line, foreign: true})
}

// rawElement reads the text of script, style, textarea or title.
func (c *checker) rawElement(t token) {
	text, ok := c.z.rawText(t.name)
	if !ok {
		c.report(t.line, "<%s> jamais fermé", t.name)
	}
	if t.name == "title" && strings.TrimSpace(text) == "" {
		c.report(t.line, "<title> vide")
	}
}

// htmlRules applies the rules of HTML elements outside SVG and MathML.
func (c *checker) htmlRules(t token, parent *openElement) {
	switch t.name {
	case "html":
		c.seenHTML = true
		if parent != nil {
			c.report(t.line, "<html> imbriqué")
		}
		if strings.TrimSpace(attrValue(t, "lang")) == "" {
			c.report(t.line, "attribut lang manquant ou vide sur <html>")
		}
	case "title":
		c.titles++
		if c.titles == 2 {
			c.report(t.line, "plusieurs éléments <title>")
		}
		if c.nearest("head") == nil {
			c.report(t.line, "<title> hors de <head>")
		}
	case "img":
		if !hasAttr(t, "alt") {
			c.report(t.line, "image sans attribut alt (alt=\"\" si elle est décorative)")
		} else if strings.TrimSpace(attrValue(t, "alt")) != "" {
			c.markNamed()
		}
	case "input", "select", "textarea":
		c.control(t)
	}
	c.nesting(t, parent)
}

// nesting reports elements that a browser would move or close by itself.
func (c *checker) nesting(t token, parent *openElement) {
	if closesParagraph[t.name] {
		if p := c.openParagraph(); p != nil {
			c.report(t.line, "<%s> dans <p> (ligne %d) : le navigateur fermerait le <p> avant", t.name, p.line)
		}
	}
	if t.name == "form" {
		if f := c.nearest("form"); f != nil {
			c.report(t.line, "<form> imbriqué dans un autre <form> (ligne %d)", f.line)
		}
	}
	if isInteractive(t) {
		if outer := c.nearest("a", "button"); outer != nil {
			c.report(t.line, "<%s> interactif dans <%s> (ligne %d)", t.name, outer.name, outer.line)
		}
	}
	if allowed, ok := requiredParents[t.name]; ok {
		if parent == nil || !slices.Contains(allowed, parent.name) {
			c.report(t.line, "<%s> doit être directement dans %s", t.name, listTags(allowed))
		}
	}
}

// openParagraph returns the <p> a block element would close, if any.
func (c *checker) openParagraph() *openElement {
	for i := len(c.stack) - 1; i >= 0; i-- {
		e := c.stack[i]
		if e.name == "p" {
			return e
		}
		if paragraphScopeBoundary[e.name] {
			return nil
		}
	}
	return nil
}

// control checks that a form field has an accessible name.
func (c *checker) control(t token) {
	typ := strings.ToLower(attrValue(t, "type"))
	if t.name == "input" {
		switch {
		case typ == "hidden", buttonLikeInputs[typ]:
			return
		case typ == "image":
			if strings.TrimSpace(attrValue(t, "alt")) == "" {
				c.report(t.line, "bouton image sans texte alternatif (alt)")
			}
			return
		}
	}
	if hasAttrNamed(t) || c.nearest("label") != nil {
		return
	}
	if id := attrValue(t, "id"); id != "" {
		c.refs.controls = append(c.refs.controls, control{id: id, line: t.line, desc: describe(t)})
		return
	}
	c.report(t.line, "champ %s sans étiquette (label, aria-label ou aria-labelledby)", describe(t))
}

// endTag closes the matching open element, reporting those left open.
func (c *checker) endTag(t token) {
	top := c.top()
	inForeign := top != nil && top.foreign
	if voidElements[t.name] && !inForeign {
		c.report(t.line, "</%s> : un élément vide n'a pas de balise fermante", t.name)
		return
	}
	idx := -1
	for i := len(c.stack) - 1; i >= 0; i-- {
		if c.stack[i].name == t.name {
			idx = i
			break
		}
	}
	if idx < 0 {
		c.report(t.line, "</%s> sans balise ouvrante <%s>", t.name, t.name)
		return
	}
	for i := len(c.stack) - 1; i > idx; i-- {
		c.report(c.stack[i].line, "<%s> non fermé avant </%s> (ligne %d)", c.stack[i].name, t.name, t.line)
	}
	c.close(c.stack[idx])
	c.stack = c.stack[:idx]
}

// close runs the checks that need the whole content of an element.
func (c *checker) close(e *openElement) {
	if e.needName != "" && !e.hasName {
		c.report(e.line, "%s sans nom accessible (texte, alt d'image ou aria-label)", e.needName)
	}
	if e.name == "html" && !e.foreign {
		c.afterHTML = true
	}
}

func isInteractive(t token) bool {
	if t.name == "input" {
		return !strings.EqualFold(attrValue(t, "type"), "hidden")
	}
	return interactiveElements[t.name]
}

func hasAttr(t token, name string) bool {
	for _, a := range t.attrs {
		if a.name == name {
			return true
		}
	}
	return false
}

func attrValue(t token, name string) string {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

// hasAttrNamed says whether aria-label or aria-labelledby names the element.
func hasAttrNamed(t token) bool {
	return strings.TrimSpace(attrValue(t, "aria-label")) != "" ||
		strings.TrimSpace(attrValue(t, "aria-labelledby")) != ""
}

// describe names an element for a message, by its name or id attribute.
func describe(t token) string {
	for _, key := range []string{"name", "id"} {
		if v := attrValue(t, key); v != "" {
			return fmt.Sprintf("<%s %s=\"%s\">", t.name, key, v)
		}
	}
	return "<" + t.name + ">"
}

// listTags formats tag names as « <a>, <b> ou <c> ».
func listTags(names []string) string {
	var shown []string
	for _, n := range names {
		if n != "template" {
			shown = append(shown, "<"+n+">")
		}
	}
	if len(shown) == 1 {
		return shown[0]
	}
	return strings.Join(shown[:len(shown)-1], ", ") + " ou " + shown[len(shown)-1]
}
