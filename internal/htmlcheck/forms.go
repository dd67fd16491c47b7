package htmlcheck

import (
	"html"
	"strings"
)

// Element is one element of a page, as tests need to look at it: its attributes with entities decoded and
// the text it contains (for <textarea>, its value as a browser reads it).
type Element struct {
	Name   string
	Attrs  map[string]string
	Text   string
	Parent int // index of the enclosing element in the slice Elements returns, -1 at the top
	Line   int
}

// Attr returns an attribute's value, "" when absent.
func (e Element) Attr(name string) string { return e.Attrs[name] }

// Has reports whether the element carries the attribute, even empty (required, checked…).
func (e Element) Has(name string) bool { _, ok := e.Attrs[name]; return ok }

// Elements returns every element of a page in document order. It reads the page leniently: it is meant for
// tests that look at pages Check has already accepted.
func Elements(body []byte) []Element {
	z := tokenizer{src: body, report: func(int, string, ...any) {}}
	var out []Element
	var open []int
	for {
		t := z.next()
		switch t.kind {
		case eofToken:
			return out
		case textToken, cdataToken:
			text := html.UnescapeString(t.text)
			for _, i := range open {
				out[i].Text += text
			}
		case startTagToken:
			e := Element{Name: t.name, Attrs: map[string]string{}, Parent: -1, Line: t.line}
			for _, a := range t.attrs {
				if _, dup := e.Attrs[a.name]; !dup {
					e.Attrs[a.name] = html.UnescapeString(a.value)
				}
			}
			if len(open) > 0 {
				e.Parent = open[len(open)-1]
			}
			out = append(out, e)
			idx := len(out) - 1
			switch {
			case rawTextElements[t.name] && !t.selfClosing:
				text, _ := z.rawText(t.name)
				if t.name == "textarea" {
					// A browser drops one newline right after <textarea>, and decodes entities.
					text = html.UnescapeString(strings.TrimPrefix(strings.TrimPrefix(text, "\r"), "\n"))
				}
				out[idx].Text = text
				for _, i := range open {
					out[i].Text += text
				}
			case voidElements[t.name] || t.selfClosing:
			default:
				open = append(open, idx)
			}
		case endTagToken:
			for k := len(open) - 1; k >= 0; k-- {
				if out[open[k]].Name == t.name {
					open = open[:k]
					break
				}
			}
		}
	}
}

// Within reports whether element i of els lies inside element ancestor.
func Within(els []Element, i, ancestor int) bool {
	for p := els[i].Parent; p >= 0; p = els[p].Parent {
		if p == ancestor {
			return true
		}
	}
	return false
}

// Form is a <form> of a page and the controls a browser would submit with it.
type Form struct {
	Action, Method, Enctype string
	Line                    int
	Fields                  []Field
	Submits                 int // submit buttons, named or not: a form with none and several fields cannot be sent
}

// Field is one named control of a form: input, select, textarea or button.
type Field struct {
	Tag     string // input, select, textarea, button
	Type    string // the input's type (text when absent), "submit" for a button
	Name    string
	ID      string
	Value   string // the value attribute, or a textarea's text
	Checked bool   // checkboxes and radios
	Options []Option
	Attrs   map[string]string // min, max, maxlength, required…
}

// Option is one choice of a select.
type Option struct {
	Value, Label string
	Selected     bool
}

// Forms returns the forms of a page with their named controls, in document order. Controls outside any
// form and disabled ones are left out, as a browser leaves them out of a submission.
func Forms(body []byte) []Form {
	els := Elements(body)
	var forms []Form
	formAt := map[int]int{} // element index → index in forms
	var fieldOf = map[int][2]int{}
	for i, e := range els {
		if e.Name == "form" {
			formAt[i] = len(forms)
			m := strings.ToLower(e.Attr("method"))
			if m == "" {
				m = "get"
			}
			forms = append(forms, Form{Action: e.Attr("action"), Method: m, Enctype: e.Attr("enctype"), Line: e.Line})
			continue
		}
		if e.Name == "option" {
			sel, ok := fieldOf[e.Parent]
			if !ok && e.Parent >= 0 {
				sel, ok = fieldOf[els[e.Parent].Parent] // inside an <optgroup>
			}
			if ok {
				v := e.Text
				if e.Has("value") {
					v = e.Attr("value")
				}
				f := &forms[sel[0]].Fields[sel[1]]
				f.Options = append(f.Options, Option{Value: v, Label: strings.TrimSpace(e.Text), Selected: e.Has("selected")})
			}
			continue
		}
		if (e.Name != "input" && e.Name != "select" && e.Name != "textarea" && e.Name != "button") || e.Has("disabled") {
			continue
		}
		owner := -1
		for p := e.Parent; p >= 0; p = els[p].Parent {
			if els[p].Name == "form" {
				owner = formAt[p]
				break
			}
		}
		if owner < 0 {
			continue
		}
		if t := strings.ToLower(e.Attr("type")); (e.Name == "button" && (t == "" || t == "submit")) || (e.Name == "input" && (t == "submit" || t == "image")) {
			forms[owner].Submits++
		}
		if e.Attr("name") == "" {
			continue
		}
		f := Field{Tag: e.Name, Type: strings.ToLower(e.Attr("type")), Name: e.Attr("name"), ID: e.Attr("id"),
			Value: e.Attr("value"), Checked: e.Has("checked"), Attrs: e.Attrs}
		switch e.Name {
		case "input":
			if f.Type == "" {
				f.Type = "text"
			}
		case "button":
			if f.Type == "" {
				f.Type = "submit"
			}
		case "textarea":
			f.Value = e.Text
		}
		fieldOf[i] = [2]int{owner, len(forms[owner].Fields)}
		forms[owner].Fields = append(forms[owner].Fields, f)
	}
	return forms
}

// Selected returns the value a select submits: its selected option, else its first.
func (f Field) Selected() string {
	for _, o := range f.Options {
		if o.Selected {
			return o.Value
		}
	}
	if len(f.Options) > 0 {
		return f.Options[0].Value
	}
	return ""
}
