package htmlcheck

import (
	"reflect"
	"testing"
)

func TestForms(t *testing.T) {
	page := doc(`<form method="post" action="/a?x=1&amp;y=2"><input type="hidden" name="version" value="3">
<input name="title" value="L&#39;eau &amp; la ville"><input type="checkbox" name="c" value="1" checked><input type="checkbox" name="c" value="2">
<select name="s"><option value="">—</option><optgroup label="G"><option value="b" selected>Bé</option></optgroup></select>
<textarea name="t">
ligne &lt;1&gt;</textarea><input name="off" disabled><button type="submit" name="go" value="1">OK</button></form>
<input name="outside"><form action="/b"><input type="number" name="n" min="0" max="3"></form>`)
	forms := Forms([]byte(page))
	if len(forms) != 2 {
		t.Fatalf("%d forms", len(forms))
	}
	f := forms[0]
	if f.Action != "/a?x=1&y=2" || f.Method != "post" || f.Submits != 1 || forms[1].Submits != 0 {
		t.Errorf("form: %q %q", f.Action, f.Method)
	}
	var names []string
	for _, fl := range f.Fields {
		names = append(names, fl.Name)
	}
	if want := []string{"version", "title", "c", "c", "s", "t", "go"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names %v, want %v", names, want)
	}
	if f.Fields[1].Value != "L'eau & la ville" || f.Fields[1].Type != "text" {
		t.Errorf("text field: %+v", f.Fields[1])
	}
	if !f.Fields[2].Checked || f.Fields[3].Checked {
		t.Error("checkboxes")
	}
	if s := f.Fields[4]; len(s.Options) != 2 || s.Selected() != "b" || s.Options[1].Label != "Bé" {
		t.Errorf("select: %+v", s)
	}
	if f.Fields[5].Value != "ligne <1>" {
		t.Errorf("textarea: %q", f.Fields[5].Value)
	}
	if g := forms[1]; g.Method != "get" || len(g.Fields) != 1 || g.Fields[0].Attrs["max"] != "3" {
		t.Errorf("second form: %+v", g)
	}
	els := Elements([]byte(page))
	var outside int
	for i, e := range els {
		if e.Attr("name") == "outside" {
			outside = i
		}
	}
	for i, e := range els {
		if e.Name == "form" && Within(els, outside, i) {
			t.Error("an input after a form is not within it")
		}
	}
}
