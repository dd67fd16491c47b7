package browsertest

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// page wraps body in a complete, accessible French page.
func page(title, body string) string {
	return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>` + title + `</title></head>
<body>
<main>
<h1>` + title + `</h1>
` + body + `
</main>
</body>
</html>
`
}

const homeBody = `<p>Bienvenue sur le site de test.</p>
<form method="post" action="/envoi">
<p><label for="nom">Votre nom (obligatoire)</label>
<input id="nom" name="nom" type="text" required></p>
<p><label for="ville">Ville</label>
<input id="ville" name="ville" type="text"></p>
<p><label for="role">Rôle</label>
<select id="role" name="role"><option value="agent">Chargé·e de mission</option><option value="elu">Élu·e</option></select></p>
<p><input id="accord" name="accord" type="checkbox" value="oui"><label for="accord">J'accepte</label></p>
<p><button type="submit">Envoyer</button></p>
</form>
<p><a href="/suite">Page suivante</a></p>`

// inaccessibleBody has a text field with no label at all.
const inaccessibleBody = `<form method="post" action="/envoi"><input type="text" name="anonyme"><button type="submit">Envoyer</button></form>`

// server serves the small pages the tests drive, with a strict CSP as the
// application will send.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	serve := func(path, body string) {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
			fmt.Fprint(w, body)
		})
	}
	serve("/{$}", page("Accueil", homeBody))
	serve("/suite", page("Suite", `<p><a href="/">Retour à l'accueil</a></p>`))
	serve("/inaccessible", page("Inaccessible", inaccessibleBody))
	serve("/large", page("Large", "<pre>"+strings.Repeat("x", 400)+"</pre>"))
	serve("/malforme", page("Malformé", "<div><p>Paragraphe</div>"))
	mux.HandleFunc("POST /envoi", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		msg := fmt.Sprintf("<p>Merci, %s de %s (%s, accord : %s).</p><p><a href=\"/\">Retour à l'accueil</a></p>",
			html.EscapeString(r.FormValue("nom")), html.EscapeString(r.FormValue("ville")),
			html.EscapeString(r.FormValue("role")), html.EscapeString(r.FormValue("accord")))
		fmt.Fprint(w, page("Envoyé", msg))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestNavigateFillSubmit(t *testing.T) {
	srv := server(t)
	b := New(t)

	b.Navigate(srv.URL + "/")
	if got := b.Title(); got != "Accueil" {
		t.Errorf("Title() = %q, want Accueil", got)
	}
	if got := b.Status(); got != http.StatusOK {
		t.Errorf("Status() = %d, want 200", got)
	}
	b.Fill("Votre nom", "Zoé <Martin>") // label prefix
	b.Fill("ville", "Besançon")         // name
	b.Fill("Rôle", "Élu·e")             // option text
	b.SetChecked("J'accepte", true)
	if got := b.Value("nom"); got != "Zoé <Martin>" {
		t.Errorf("Value(nom) = %q after Fill", got)
	}
	b.Submit("Envoyer")

	if got := b.Path(); got != "/envoi" {
		t.Errorf("Path() after submit = %q, want /envoi", got)
	}
	if want := "Merci, Zoé <Martin> de Besançon (elu, accord : oui)."; !strings.Contains(b.Text(), want) {
		t.Errorf("Text() after submit = %q, want it to contain %q", b.Text(), want)
	}
	body, err := b.Body()
	if err != nil {
		t.Fatalf("Body() after a post: %v", err)
	}
	if !bytes.Contains(body, []byte("Merci, Zoé &lt;Martin&gt;")) {
		t.Errorf("Body() is not the raw posted response:\n%s", body)
	}

	b.Click("Retour à l'accueil")
	if got := b.Title(); got != "Accueil" {
		t.Errorf("Title() after Click = %q, want Accueil", got)
	}
	b.Navigate("/absente")
	if got := b.Status(); got != http.StatusNotFound {
		t.Errorf("Status() on a missing page = %d, want 404", got)
	}
}

func TestActionErrorsFailTheTest(t *testing.T) {
	srv := server(t)
	b := New(t)
	b.Navigate(srv.URL + "/")
	tests := []struct {
		name   string
		action func(b *Browser)
		want   string
	}{
		{"unknown field", func(b *Browser) { b.Fill("Code postal", "25000") }, "champ « Code postal » introuvable"},
		{"unknown option", func(b *Browser) { b.Fill("Rôle", "Maire") }, "sans option « Maire »"},
		{"checkbox through Fill", func(b *Browser) { b.Fill("J'accepte", "oui") }, "utiliser SetChecked"},
		{"unknown button", func(b *Browser) { b.Submit("Valider") }, "« Envoyer »"},
		{"unknown link", func(b *Browser) { b.Click("Accueil du site") }, "« Page suivante »"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := record(t, func(tb testing.TB) { tt.action(b.For(tb)) })
			if len(r.fatals) != 1 || !strings.Contains(r.fatals[0], tt.want) {
				t.Errorf("fatal messages = %q, want one containing %q", r.fatals, tt.want)
			}
		})
	}
}

func TestAccessibility(t *testing.T) {
	if os.Getenv(AxeEnv) == "" && !InCI() {
		t.Skipf("%s non défini : test d'axe-core ignoré", AxeEnv)
	}
	srv := server(t)
	b := New(t)

	b.Navigate(srv.URL + "/")
	vs, err := b.AxeViolations()
	if err != nil {
		t.Fatalf("AxeViolations() on the accessible page: %v", err)
	}
	if blocking := Blocking(vs); len(blocking) > 0 {
		t.Errorf("accessible page has blocking violations: %v", blocking)
	}
	b.CheckAccessibility(t)

	b.Navigate("/inaccessible")
	vs, err = b.AxeViolations()
	if err != nil {
		t.Fatalf("AxeViolations() on the inaccessible page: %v", err)
	}
	label := findViolation(Blocking(vs), "label")
	if label == nil {
		t.Fatalf("no blocking « label » violation for an unlabelled input; got %v", vs)
	}
	if len(label.Nodes) != 1 || !strings.Contains(label.Nodes[0].Selectors(), "input") {
		t.Errorf("label violation targets %+v, want the input", label.Nodes)
	}
	r := record(t, func(tb testing.TB) { b.CheckAccessibility(tb) })
	if len(r.errors) == 0 || !strings.Contains(strings.Join(r.errors, "\n"), "« label »") {
		t.Errorf("CheckAccessibility errors = %q, want the label violation", r.errors)
	}
}

func findViolation(vs []Violation, id string) *Violation {
	for i := range vs {
		if vs[i].ID == id {
			return &vs[i]
		}
	}
	return nil
}

func TestWellFormed(t *testing.T) {
	srv := server(t)
	b := New(t)
	tests := []struct {
		path string
		want string // part of the expected problem; "" for none
	}{
		{"/", ""},
		{"/suite", ""},
		{"/malforme", "<p> non fermé avant </div>"},
		{"/inaccessible", "sans étiquette"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			b.Navigate(srv.URL + tt.path)
			problems, err := b.WellFormedProblems()
			if err != nil {
				t.Fatal(err)
			}
			var text []string
			for _, p := range problems {
				text = append(text, p.String())
			}
			all := strings.Join(text, "\n")
			if tt.want == "" && len(problems) > 0 {
				t.Errorf("problems on a valid page:\n%s", all)
			}
			if tt.want != "" && !strings.Contains(all, tt.want) {
				t.Errorf("problems = %q, want one containing %q", all, tt.want)
			}
		})
	}
}

func TestScreenshot(t *testing.T) {
	srv := server(t)
	b := New(t)
	b.Navigate(srv.URL + "/")
	path := filepath.Join(t.TempDir(), "captures", "accueil.png")
	b.Screenshot(path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) || len(data) < 1000 {
		t.Errorf("screenshot is not a PNG of a page (%d bytes)", len(data))
	}
}

func TestViewport(t *testing.T) {
	srv := server(t)
	b := New(t)
	b.SetViewport(320, 640)
	tests := []struct {
		path string
		want bool
	}{
		{"/", false},
		{"/large", true},
	}
	for _, tt := range tests {
		b.Navigate(srv.URL + tt.path)
		if got := b.ScrollsHorizontally(); got != tt.want {
			t.Errorf("ScrollsHorizontally() on %s at 320 px = %v, want %v", tt.path, got, tt.want)
		}
	}
}
