package web

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

// TestFormComponentsSayWhatIsWrongAtTheField renders the form parts for a refused form and a clean one:
// a refused field is marked invalid and described by its hint and its message, what was typed is kept
// and escaped, a password is never written back, and the summary links each message to its field.
func TestFormComponentsSayWhatIsWrongAtTheField(t *testing.T) {
	refused := newForm(url.Values{"nom": {"Dupont <b>"}, "mdp": {"secret"}})
	refused.Fail("nom", "Le nom est trop long.")
	refused.Top = "Rien n'a été enregistré."
	clean := newForm(url.Values{"nom": {"Dupont"}})
	for _, c := range []struct {
		comp       templ.Component
		want, not  []string
		field, msg string
	}{
		{comp: inputField(fieldArgs{F: refused, Name: "nom", Label: "Nom", Hint: "Tel qu'au registre.", Required: true}),
			want: []string{`for="f-nom"`, `(obligatoire)`, `id="f-nom-hint"`, `id="f-nom-error">Le nom est trop long.`, `value="Dupont &lt;b&gt;"`,
				`aria-describedby="f-nom-hint f-nom-error"`, `aria-invalid="true"`, ` required`}},
		{comp: inputField(fieldArgs{F: clean, Name: "nom", Label: "Nom", Auto: "name"}),
			want: []string{`value="Dupont"`, `type="text"`, `autocomplete="name"`}, not: []string{"aria-invalid", "aria-describedby", "required"}},
		{comp: inputField(fieldArgs{F: refused, Name: "mdp", Label: "Mot de passe", Type: "password"}),
			want: []string{`type="password"`}, not: []string{"secret", "value="}},
		{comp: textareaField(fieldArgs{F: refused, Name: "nom", Label: "Nom"}),
			want: []string{`<textarea id="f-nom" name="nom" rows="5" aria-describedby="f-nom-error" aria-invalid="true">Dupont &lt;b&gt;</textarea>`}},
		{comp: formErrors(refused),
			want: []string{`role="alert"`, "Rien n&#39;a été enregistré.", "Le formulaire contient 1 erreur :", `<a href="#f-nom">Le nom est trop long.</a>`}},
		{comp: formErrors(clean), not: []string{"alert"}},
	} {
		var b bytes.Buffer
		if err := c.comp.Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("lacks %q:\n%s", w, b.String())
			}
		}
		for _, n := range c.not {
			if strings.Contains(b.String(), n) {
				t.Errorf("holds %q:\n%s", n, b.String())
			}
		}
	}
}
