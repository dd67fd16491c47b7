package web

import (
	"bytes"
	"context"
	"html/template"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

// TestFormComponentsWriteWhatThePartialsWrite renders each templ form part and its html/template partial
// with the same arguments, a field refused and one not, and wants the same markup: a page moving to templ
// must not change what a screen reader hears.
func TestFormComponentsWriteWhatThePartialsWrite(t *testing.T) {
	base := testViews(t).base
	refused := newForm(url.Values{"nom": {"Dupont <b>"}, "mdp": {"secret"}})
	refused.Fail("nom", "Le nom est trop long.")
	refused.Top = "Rien n'a été enregistré."
	clean := newForm(url.Values{"nom": {"Dupont"}})
	cases := []struct {
		partial string
		args    fieldArgs
		comp    func(fieldArgs) templ.Component
	}{
		{"field", fieldArgs{F: refused, Name: "nom", Label: "Nom", Hint: "Tel qu'au registre.", Required: true}, inputField},
		{"field", fieldArgs{F: refused, Name: "nom", Label: "Nom"}, inputField},
		{"field", fieldArgs{F: clean, Name: "nom", Label: "Nom", Hint: "h", Auto: "name"}, inputField},
		{"field", fieldArgs{F: refused, Name: "mdp", Label: "Mot de passe", Type: "password"}, inputField},
		{"field", fieldArgs{F: clean, Name: "site", Label: "Site", Type: "url"}, inputField},
		{"textarea", fieldArgs{F: refused, Name: "nom", Label: "Nom", Hint: "h"}, textareaField},
		{"textarea", fieldArgs{F: clean, Name: "nom", Label: "Nom"}, textareaField},
	}
	for _, c := range cases {
		want := executePartial(t, base, c.partial, c.args)
		got := renderTempl(t, c.comp(c.args))
		if normalised(got) != normalised(want) {
			t.Errorf("%s %+v:\n templ %s\n html  %s", c.partial, c.args, got, want)
		}
	}
	for _, f := range []*form{refused, clean} {
		if got, want := renderTempl(t, formErrors(f)), executePartial(t, base, "errors", f); normalised(got) != normalised(want) {
			t.Errorf("errors:\n templ %s\n html  %s", got, want)
		}
	}
}

func executePartial(t *testing.T, base *template.Template, name string, data any) string {
	t.Helper()
	var b bytes.Buffer
	if err := base.ExecuteTemplate(&b, name, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func renderTempl(t *testing.T, c templ.Component) string {
	t.Helper()
	var b bytes.Buffer
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var spaceNearTags = regexp.MustCompile(`\s*(<|/?>)\s*`)

// normalised drops the white space templ and the partials place differently around tags.
func normalised(s string) string {
	return spaceNearTags.ReplaceAllStringFunc(s, func(m string) string {
		m = strings.TrimSpace(m)
		if m == "/>" {
			return ">"
		}
		return m
	})
}
