package htmlcheck

import (
	"bytes"
	"fmt"
	"strings"
)

// tokenKind tells what a token is.
type tokenKind int

const (
	textToken tokenKind = iota
	startTagToken
	endTagToken
	commentToken
	doctypeToken
	cdataToken
	eofToken
)

// attr is one attribute of a start tag.
type attr struct {
	name  string // lower-cased
	value string
	line  int
}

// token is one lexical unit of the page. Tag names are lower-cased.
type token struct {
	kind        tokenKind
	name        string
	attrs       []attr
	selfClosing bool
	text        string
	line        int
}

// tokenizer splits HTML source into tokens. It is strict where the HTML5
// tokenizer is lenient (unquoted values, stray "<") and reports those cases
// instead of recovering silently.
type tokenizer struct {
	src      []byte
	pos      int
	report   func(line int, format string, args ...any)
	linePos  int // position up to which newlines have been counted
	lineSeen int // newlines before linePos
}

// lineAt returns the 1-based line of pos; calls must not go backwards far,
// so it only counts forward from the last position asked.
func (z *tokenizer) lineAt(pos int) int {
	if pos < z.linePos {
		return 1 + bytes.Count(z.src[:pos], []byte{'\n'})
	}
	z.lineSeen += bytes.Count(z.src[z.linePos:pos], []byte{'\n'})
	z.linePos = pos
	return 1 + z.lineSeen
}

// next returns the next token in normal (data) state.
func (z *tokenizer) next() token {
	if z.pos >= len(z.src) {
		return token{kind: eofToken, line: z.lineAt(len(z.src))}
	}
	start := z.pos
	if z.src[start] != '<' {
		return z.text()
	}
	rest := z.src[start:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		return z.comment()
	case hasPrefixFold(rest, "<!doctype"):
		return z.doctype()
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		return z.cdata()
	case bytes.HasPrefix(rest, []byte("<!")), bytes.HasPrefix(rest, []byte("<?")):
		z.report(z.lineAt(start), "déclaration « %s » inconnue", clip(rest, 12))
		z.skipPast('>')
		return z.next()
	case len(rest) > 2 && rest[1] == '/' && isLetter(rest[2]):
		return z.endTag()
	case len(rest) > 1 && rest[1] == '/':
		z.report(z.lineAt(start), "balise fermante sans nom")
		z.skipPast('>')
		return z.next()
	case len(rest) > 1 && isLetter(rest[1]):
		return z.startTag()
	}
	z.report(z.lineAt(start), "« < » non échappé dans le texte (écrire &lt;)")
	z.pos++
	t := z.text()
	t.text = "<" + t.text
	t.line = z.lineAt(start)
	return t
}

// text reads character data up to the next "<".
func (z *tokenizer) text() token {
	start := z.pos
	end := bytes.IndexByte(z.src[start:], '<')
	if end < 0 {
		end = len(z.src) - start
	}
	z.pos = start + end
	return token{kind: textToken, text: string(z.src[start:z.pos]), line: z.lineAt(start)}
}

// comment reads "<!-- … -->".
func (z *tokenizer) comment() token {
	start := z.pos
	end := bytes.Index(z.src[start+4:], []byte("-->"))
	if end < 0 {
		z.report(z.lineAt(start), "commentaire jamais fermé (« --> » manquant)")
		z.pos = len(z.src)
		return token{kind: commentToken, line: z.lineAt(start)}
	}
	z.pos = start + 4 + end + 3
	return token{kind: commentToken, text: string(z.src[start+4 : start+4+end]), line: z.lineAt(start)}
}

// doctype reads "<!DOCTYPE …>" and keeps what follows the keyword.
func (z *tokenizer) doctype() token {
	start := z.pos
	line := z.lineAt(start)
	end := bytes.IndexByte(z.src[start:], '>')
	if end < 0 {
		z.report(line, "doctype jamais fermé")
		z.pos = len(z.src)
		return token{kind: doctypeToken, line: line}
	}
	z.pos = start + end + 1
	return token{kind: doctypeToken, text: strings.TrimSpace(string(z.src[start+len("<!doctype") : start+end])), line: line}
}

// cdata reads "<![CDATA[ … ]]>", valid only in SVG and MathML.
func (z *tokenizer) cdata() token {
	start := z.pos
	line := z.lineAt(start)
	body := start + len("<![CDATA[")
	end := bytes.Index(z.src[body:], []byte("]]>"))
	if end < 0 {
		z.report(line, "section CDATA jamais fermée")
		z.pos = len(z.src)
		return token{kind: cdataToken, line: line}
	}
	z.pos = body + end + 3
	return token{kind: cdataToken, text: string(z.src[body : body+end]), line: line}
}

// endTag reads "</name>" and rejects anything between the name and ">".
func (z *tokenizer) endTag() token {
	start := z.pos
	line := z.lineAt(start)
	z.pos += 2
	name := z.tagName()
	t := token{kind: endTagToken, name: name, line: line}
	z.skipSpace()
	if z.pos >= len(z.src) {
		z.report(line, "balise </%s> non terminée", name)
		return t
	}
	if z.src[z.pos] != '>' {
		z.report(line, "contenu inattendu dans la balise fermante </%s>", name)
		z.skipPast('>')
		return t
	}
	z.pos++
	return t
}

// startTag reads "<name attr="value" …>" or "<name … />".
func (z *tokenizer) startTag() token {
	start := z.pos
	line := z.lineAt(start)
	z.pos++
	t := token{kind: startTagToken, name: z.tagName(), line: line}
	for {
		hadSpace := z.skipSpace()
		if z.pos >= len(z.src) {
			z.report(line, "balise <%s> non terminée", t.name)
			return t
		}
		switch c := z.src[z.pos]; {
		case c == '>':
			z.pos++
			return t
		case c == '/' && z.pos+1 < len(z.src) && z.src[z.pos+1] == '>':
			z.pos += 2
			t.selfClosing = true
			return t
		case c == '/':
			z.report(z.lineAt(z.pos), "« / » inattendu dans la balise <%s>", t.name)
			z.pos++
			continue
		}
		if !hadSpace && len(t.attrs) > 0 {
			z.report(z.lineAt(z.pos), "espace manquante avant l'attribut qui suit « %s » dans <%s>", t.attrs[len(t.attrs)-1].name, t.name)
		}
		t.attrs = append(t.attrs, z.attribute(t.name))
	}
}

// attribute reads one attribute; the value may be absent (boolean attribute).
func (z *tokenizer) attribute(tag string) attr {
	start := z.pos
	line := z.lineAt(start)
	for z.pos < len(z.src) && !isSpace(z.src[z.pos]) && !bytes.ContainsRune([]byte("/>="), rune(z.src[z.pos])) {
		z.pos++
	}
	if z.pos == start { // a lone "=": consume it so the loop advances
		z.pos++
	}
	a := attr{name: strings.ToLower(string(z.src[start:z.pos])), line: line}
	if a.name == "" || strings.ContainsAny(a.name, "\"'<=") {
		z.report(line, "nom d'attribut invalide « %s » dans <%s>", a.name, tag)
	}
	save := z.pos
	z.skipSpace()
	if z.pos >= len(z.src) || z.src[z.pos] != '=' {
		z.pos = save
		return a
	}
	z.pos++
	z.skipSpace()
	if z.pos >= len(z.src) {
		return a
	}
	if q := z.src[z.pos]; q == '"' || q == '\'' {
		end := bytes.IndexByte(z.src[z.pos+1:], q)
		if end < 0 {
			z.report(line, "valeur de l'attribut « %s » jamais fermée (guillemet manquant)", a.name)
			a.value = string(z.src[z.pos+1:])
			z.pos = len(z.src)
			return a
		}
		a.value = string(z.src[z.pos+1 : z.pos+1+end])
		z.pos += end + 2
		return a
	}
	vstart := z.pos
	for z.pos < len(z.src) && !isSpace(z.src[z.pos]) && z.src[z.pos] != '>' {
		z.pos++
	}
	a.value = string(z.src[vstart:z.pos])
	z.report(line, "valeur de l'attribut « %s » sans guillemets dans <%s>", a.name, tag)
	return a
}

// rawText reads the content of a script, style, textarea or title element up
// to its end tag, which it consumes. ok is false when the end tag is missing.
func (z *tokenizer) rawText(name string) (text string, ok bool) {
	start := z.pos
	closing := "</" + name
	for i := start; i < len(z.src); i++ {
		if z.src[i] != '<' || !hasPrefixFold(z.src[i:], closing) {
			continue
		}
		after := i + len(closing)
		if after < len(z.src) && !isSpace(z.src[after]) && z.src[after] != '>' && z.src[after] != '/' {
			continue // e.g. "</scripts"
		}
		z.pos = i
		z.next() // the end tag itself
		return string(z.src[start:i]), true
	}
	z.pos = len(z.src)
	return string(z.src[start:]), false
}

// tagName reads a tag name and lower-cases it.
func (z *tokenizer) tagName() string {
	start := z.pos
	for z.pos < len(z.src) && !isSpace(z.src[z.pos]) && z.src[z.pos] != '/' && z.src[z.pos] != '>' {
		z.pos++
	}
	return strings.ToLower(string(z.src[start:z.pos]))
}

// skipSpace skips ASCII whitespace and says whether there was any.
func (z *tokenizer) skipSpace() bool {
	start := z.pos
	for z.pos < len(z.src) && isSpace(z.src[z.pos]) {
		z.pos++
	}
	return z.pos > start
}

// skipPast moves just after the next c, or to the end.
func (z *tokenizer) skipPast(c byte) {
	end := bytes.IndexByte(z.src[z.pos:], c)
	if end < 0 {
		z.pos = len(z.src)
		return
	}
	z.pos += end + 1
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isLetter(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// clip quotes the start of b for a message.
func clip(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return fmt.Sprintf("%s…", b)
}
